import { toTraditional } from '../text/script.js'
import type { Locale } from './locale.js'

/** A reply in Chinese (written in Simplified) and English. */
export interface Text {
  zh: string
  en: string
}

const traditionalCache = new Map<string, string>()

/**
 * Picks the reply for a locale; Traditional replies are converted from the
 * Simplified text with OpenCC (cached), so every string is written once.
 * @example localize('zh-Hant', { zh: '没有找到结果', en: 'No results' }) === '沒有找到結果'
 */
export function localize(locale: Locale, text: Text): string {
  if (locale === 'en') return text.en
  if (locale === 'zh-Hans') return text.zh
  let t = traditionalCache.get(text.zh)
  if (t === undefined) {
    t = toTraditional(text.zh)
    if (traditionalCache.size > 5000) traditionalCache.clear()
    traditionalCache.set(text.zh, t)
  }
  return t
}

/**
 * Localizes a template, then fills its `{name}` slots: values (queries, titles,
 * file names) go in after the Traditional conversion, so they are shown as they
 * are, and the conversion cache only ever holds templates.
 * @example format('zh-Hans', { zh: '第 {n} 页', en: 'page {n}' }, { n: 2 }) === '第 2 页'
 */
export function format(locale: Locale, text: Text, vars: Record<string, string | number> = {}): string {
  return localize(locale, text).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}
