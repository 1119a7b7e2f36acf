import type { Context } from 'grammy'

/** The language a chat is answered in. */
export type { Locale } from '../telegram/locale.js'
import type { Locale } from '../telegram/locale.js'

/** What our middleware adds to grammY's context. */
export interface BotContextFlavor {
  /** Resolved per update: the chat's saved choice, else the user's script/Telegram language. */
  locale: Locale
}

export type BotContext = Context & BotContextFlavor
