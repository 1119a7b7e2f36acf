import { toSimplified, toTraditional } from '../text/script.js'
import type { Locale } from './locale.js'

/**
 * Converts article text to the script a chat reads: Traditional for zh-Hant,
 * Simplified for zh-Hans and for English chats (one script in a reply, whatever
 * script each article was written in; Simplified is what most of the news is in).
 * @example forDisplay('中國煤炭地質總局', 'en') === '中国煤炭地质总局'
 */
export function forDisplay(text: string, locale: Locale): string {
  if (text === '') return text
  return locale === 'zh-Hant' ? toTraditional(text) : toSimplified(text)
}
