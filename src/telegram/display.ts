import { toSimplified, toTraditional } from '../text/script.js'
import type { Locale } from './locale.js'

/**
 * Converts article text to the script a chat reads: Traditional for zh-Hant,
 * Simplified for zh-Hans, unchanged for English (the original is the most faithful).
 * @example forDisplay('中國煤炭地質總局', 'zh-Hans') === '中国煤炭地质总局'
 */
export function forDisplay(text: string, locale: Locale): string {
  if (text === '') return text
  if (locale === 'zh-Hant') return toTraditional(text)
  if (locale === 'zh-Hans') return toSimplified(text)
  return text
}
