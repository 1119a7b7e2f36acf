import type { RateLimit } from './middleware/rate-limit.js'

/** Tunables of the bot, in one place; `createBot` accepts overrides. */
export interface BotSettings {
  /** Results per page of /search and questions. */
  pageSize: number
  /** Searches, questions, page turns and reads per user. */
  searchRate: RateLimit
  /** Inline queries per user (Telegram sends one per keystroke pause, so more are allowed). */
  inlineRate: RateLimit
  /** Inline results per answer. */
  inlineResults: number
  /** Article parts sent for one /read (a very long article is cut off with a note). */
  maxArticleParts: number
}

export const DEFAULT_BOT_SETTINGS: BotSettings = {
  pageSize: 3,
  searchRate: { limit: 5, windowMs: 10_000 },
  inlineRate: { limit: 30, windowMs: 10_000 },
  inlineResults: 10,
  maxArticleParts: 10,
}
