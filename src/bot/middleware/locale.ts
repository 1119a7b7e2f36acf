import type { MiddlewareFn } from 'grammy'
import { detectScript } from '../../text/script.js'
import type { Locale } from '../../telegram/locale.js'
import type { BotContext } from '../context.js'
import type { ChatSettings } from '../deps.js'
import type { Store } from '../../store/store.js'

const TRADITIONAL_CODES = new Set(['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'])
const HAN = /\p{Script=Han}/u

/**
 * Decides the reply language of an update, in this order: the chat's saved
 * choice (`/lang`); English when the user's Telegram language is English;
 * Traditional when the user writes Traditional or their Telegram language is a
 * Traditional one; otherwise Simplified.
 */
export function resolveLocale(input: { saved?: Locale | undefined; languageCode?: string | undefined; text?: string | undefined }): Locale {
  if (input.saved) return input.saved
  const code = input.languageCode?.toLowerCase()
  if (code?.startsWith('en')) return 'en'
  if (input.text && HAN.test(input.text) && detectScript(input.text) === 'hant') return 'zh-Hant'
  if (code && TRADITIONAL_CODES.has(code)) return 'zh-Hant'
  return 'zh-Hans'
}

/** The key of a chat's settings; inline queries have no chat, so the user's private chat is used. */
export function settingsKey(ctx: BotContext): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id
  return id === undefined ? undefined : String(id)
}

/** Sets `ctx.locale` for every update. */
export function localeMiddleware(settings: Store<ChatSettings>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const key = settingsKey(ctx)
    const saved = key === undefined ? undefined : (await settings.read(key))?.locale
    const text = ctx.msg?.text ?? ctx.msg?.caption ?? ctx.inlineQuery?.query
    ctx.locale = resolveLocale({ saved, languageCode: ctx.from?.language_code, text })
    await next()
  }
}
