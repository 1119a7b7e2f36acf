import type { Locale } from '../telegram/locale.js'

/**
 * Callback data of every inline button, in one place: short (Telegram allows
 * 64 bytes) and stable across restarts, so buttons on old messages keep working.
 *   `p:<page>:<token>`  page (0-based) of a saved search
 *   `r:<articleId>`     read an article
 *   `l:<locale>`        choose a language
 *   `l`                 open the language picker
 *   `n`                 the "page n/N" label, does nothing
 *   `al:<page>`         admin: page (1-based) of the article list
 *   `rmc:<articleId>`   admin: confirm removing an article
 *   `rmx`               admin: cancel a removal
 *   `dg:<YYYYMMDD>`     the group digest's "full list" button (made by the digest: `fullListData`)
 */
export type CallbackAction =
  | { kind: 'page'; page: number; token: string }
  | { kind: 'read'; id: string }
  | { kind: 'lang'; locale: Locale }
  | { kind: 'langMenu' }
  | { kind: 'noop' }
  | { kind: 'articlesPage'; page: number }
  | { kind: 'confirmRemove'; id: string }
  | { kind: 'cancelRemove' }

/** Article ids as they may appear in callback data. */
const ID = '[A-Za-z0-9_-]{1,48}'

export const NOOP_DATA = 'n'
export const LANG_MENU_DATA = 'l'
export const CANCEL_REMOVE_DATA = 'rmx'

export const pageData = (page: number, token: string): string => `p:${page}:${token}`
export const readData = (id: string): string => `r:${id}`
export const langData = (locale: Locale): string => `l:${locale}`
export const articlesPageData = (page: number): string => `al:${page}`
export const confirmRemoveData = (id: string): string => `rmc:${id}`

/** Patterns for `composer.callbackQuery(...)`, one per action. */
export const CALLBACK_PATTERNS = {
  page: /^p:/,
  read: /^r:/,
  lang: /^l(:|$)/,
  articlesPage: /^al:/,
  confirmRemove: /^rmc:/,
  fullList: /^dg:\d{8}$/,
} as const

const LOCALES: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en']

/**
 * Parses callback data; unknown or malformed data gives `undefined`.
 * @example parseCallbackData('p:2:abc') // { kind: 'page', page: 2, token: 'abc' }
 */
export function parseCallbackData(data: string): CallbackAction | undefined {
  if (data === NOOP_DATA) return { kind: 'noop' }
  if (data === LANG_MENU_DATA) return { kind: 'langMenu' }
  if (data === CANCEL_REMOVE_DATA) return { kind: 'cancelRemove' }
  const page = /^p:(\d{1,4}):([A-Za-z0-9_-]{1,40})$/.exec(data)
  if (page) return { kind: 'page', page: Number(page[1]), token: page[2]! }
  const read = new RegExp(`^r:(${ID})$`).exec(data)
  if (read) return { kind: 'read', id: read[1]! }
  const lang = /^l:(.+)$/.exec(data)
  if (lang && (LOCALES as readonly string[]).includes(lang[1]!)) return { kind: 'lang', locale: lang[1] as Locale }
  const list = /^al:(\d{1,6})$/.exec(data)
  if (list) return { kind: 'articlesPage', page: Number(list[1]) }
  const remove = new RegExp(`^rmc:(${ID})$`).exec(data)
  if (remove) return { kind: 'confirmRemove', id: remove[1]! }
  return undefined
}
