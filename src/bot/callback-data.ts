import type { Locale } from '../telegram/locale.js'

/**
 * Callback data of inline buttons: short (Telegram allows 64 bytes) and stable
 * across restarts, so buttons on old messages keep working.
 *   `p:<page>:<token>`  page (0-based) of a saved search
 *   `r:<articleId>`     read an article
 *   `l:<locale>`        choose a language
 *   `l`                 open the language picker
 *   `n`                 the "page n/N" label, does nothing
 */
export type CallbackAction =
  | { kind: 'page'; page: number; token: string }
  | { kind: 'read'; id: string }
  | { kind: 'lang'; locale: Locale }
  | { kind: 'langMenu' }
  | { kind: 'noop' }

export const NOOP_DATA = 'n'
export const LANG_MENU_DATA = 'l'

export const pageData = (page: number, token: string): string => `p:${page}:${token}`
export const readData = (id: string): string => `r:${id}`
export const langData = (locale: Locale): string => `l:${locale}`

const LOCALES: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en']

/** Parses callback data; unknown or malformed data gives `undefined`. */
export function parseCallbackData(data: string): CallbackAction | undefined {
  if (data === NOOP_DATA) return { kind: 'noop' }
  if (data === LANG_MENU_DATA) return { kind: 'langMenu' }
  const page = /^p:(\d{1,4}):([A-Za-z0-9_-]{1,40})$/.exec(data)
  if (page) return { kind: 'page', page: Number(page[1]), token: page[2]! }
  const read = /^r:([A-Za-z0-9_-]{1,60})$/.exec(data)
  if (read) return { kind: 'read', id: read[1]! }
  const lang = /^l:(.+)$/.exec(data)
  if (lang && (LOCALES as readonly string[]).includes(lang[1]!)) return { kind: 'lang', locale: lang[1] as Locale }
  return undefined
}
