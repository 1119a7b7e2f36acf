import type { Locale } from '../telegram/locale.js'
import type { OutgoingMessage } from './delivery.js'
import type { Subscription } from './subscriptions.js'

/** How a digest is shown: `group` (one message and a button), `full` (every story and article), `auto` (by the chat). */
export type DigestForm = 'auto' | 'group' | 'full'

/**
 * Callback data of the group digest's "full list" button: `dg:<YYYYMMDD>`, the digest's day.
 * @example fullListData('2024-11-15') === 'dg:20241115'
 */
export const fullListData = (day: string): string => `dg:${day.replace(/-/g, '')}`

/** What the admin view shows of a run. */
export interface DigestRunSummary {
  /** When the run started (ms since epoch). */
  at: number
  sent: number
  failed: number
  skipped: number
}

/** What the rest of the bot needs from the digest side (the admin feature uses these two). */
export interface DigestService {
  /** Number of chats with an active subscription. */
  subscribedChats(): Promise<number>
  /** The last scheduled run, if any. */
  lastRun(): Promise<DigestRunSummary | undefined>
}

/** What the digest commands need on top: subscriptions and an on-demand digest. */
export interface DigestControl extends DigestService {
  /** The time zone of `DIGEST_CRON` and of per-chat times. */
  readonly timeZone: string
  /** When chats without their own time get the digest: `HH:MM`, or the cron expression when it is not a daily time. */
  readonly defaultTime: string
  subscription(chatId: number): Promise<Subscription | undefined>
  /** Subscribes a chat (or changes its time); `time` is `HH:MM`. */
  subscribe(chatId: number, opts: { by?: number; time?: string; locale?: Locale; threadId?: number }): Promise<Subscription>
  /** Returns false when the chat had no active subscription. */
  unsubscribe(chatId: number): Promise<boolean>
  /**
   * The digest as the chat's next scheduled one would be now (after today's went
   * out: today's again), rendered in `form` (`auto`: one message with a "full
   * list" button for groups, the full form for private chats); an empty list
   * when there is nothing new. Does not move the schedule cursor.
   */
  preview(chatId: number, locale: Locale, form?: DigestForm): Promise<OutgoingMessage[]>
  /** The bot was removed from the chat or blocked: deactivate. */
  chatGone(chatId: number, reason: string): Promise<void>
  /** A group became a supergroup: move its subscription. */
  chatMigrated(fromId: number, toId: number): Promise<void>
}
