import { AsyncLocalStorage } from 'node:async_hooks'
import type { RawApi, Transformer } from 'grammy'
import type { Clock } from '../clock.js'

/** Rates the throttle keeps (see `TELEGRAM_LIMITS`). */
export interface ThrottleLimits {
  perSecond: number
  replyReserve: number
  perGroupPerMinute: number
  perChatPerSecond: number
}

/** Telegram's broadcast limits, as documented in the Bot API FAQ. */
export const TELEGRAM_LIMITS: Readonly<ThrottleLimits> = {
  /** Messages per second, all chats together. */
  perSecond: 30,
  /** Of those, kept free for replies while a broadcast (the digest) runs, so users are answered at once. */
  replyReserve: 5,
  /** Messages per minute into one group. */
  perGroupPerMinute: 20,
  /** And, conservatively, one message per second into any one chat. */
  perChatPerSecond: 1,
}

/** Whether a message answers a user, or is one of many sent to subscribers. */
export type SendKind = 'reply' | 'bulk'

/**
 * A sliding-window rate limiter for outgoing messages, for the bot as a whole:
 * at most `perSecond` in any second overall. Bulk messages (the digest) leave
 * `replyReserve` of those to replies, go out evenly spaced, and also keep to `perGroupPerMinute` in any
 * minute per group (negative chat ids) and `perChatPerSecond` per chat; replies
 * only wait for the overall limit (a /read of a few parts is a burst Telegram
 * allows). Written for the injected `Clock`, so tests check rates exactly.
 */
export class Throttle {
  private readonly global: number[] = []
  private readonly perChat = new Map<number, number[]>()
  /** When the last bulk message went: bulk messages are spaced evenly, never sent in bursts. */
  private lastBulk = -Infinity

  constructor(
    private readonly clock: Clock,
    private readonly limits: Readonly<ThrottleLimits> = TELEGRAM_LIMITS,
  ) {}

  /** Waits until a message to `chatId` may go, and counts it as gone; returns the time it was counted at. Call right before sending. */
  async acquire(chatId: number, kind: SendKind = 'bulk'): Promise<number> {
    for (;;) {
      const now = this.clock.now()
      const wait = this.delay(chatId, now, kind)
      if (wait <= 0) {
        this.global.push(now)
        // Per-chat spacing is kept for bulk messages only (replies are not held back by it), so
        // the map holds only chats a broadcast is writing to.
        if (kind === 'bulk') {
          this.perChat.set(chatId, [...(this.perChat.get(chatId) ?? []), now])
          this.lastBulk = now
        }
        return now
      }
      await this.clock.sleep(wait)
    }
  }

  /**
   * Counts a message let through at `at` as gone now instead: it went later
   * (its delivery record was written first), and the rate Telegram sees is
   * that of the sends, not of the permissions.
   */
  restamp(chatId: number, kind: SendKind, at: number): void {
    const now = this.clock.now()
    moveStamp(this.global, at, now)
    const list = this.perChat.get(chatId)
    if (kind === 'bulk' && list) moveStamp(list, at, now)
    if (kind === 'bulk') this.lastBulk = Math.max(this.lastBulk, now)
  }

  private delay(chatId: number, now: number, kind: SendKind): number {
    let wait = 0
    prune(this.global, now - 1000)
    const overall = kind === 'bulk' ? this.limits.perSecond - this.limits.replyReserve : this.limits.perSecond
    if (this.global.length >= overall) wait = Math.max(wait, this.global[this.global.length - overall]! + 1000 - now)
    // A broadcast goes out evenly (one every 40 ms at 25/s): a burst of 25 at the start of each second would
    // meet the next one in any second that a little network delay shifts, and Telegram counts on arrival.
    if (kind === 'bulk') wait = Math.max(wait, this.lastBulk + 1000 / overall - now)
    const list = this.perChat.get(chatId)
    if (list && kind === 'bulk') {
      prune(list, now - 60_000)
      if (list.length === 0) this.perChat.delete(chatId)
      const perMinute = chatId < 0 ? this.limits.perGroupPerMinute : Infinity
      if (list.length >= perMinute) wait = Math.max(wait, list[list.length - perMinute]! + 60_000 - now)
      const lastSecond = list.filter((t) => t > now - 1000).length
      if (lastSecond >= this.limits.perChatPerSecond) {
        const recent = list.filter((t) => t > now - 1000)
        wait = Math.max(wait, recent[recent.length - this.limits.perChatPerSecond]! + 1000 - now)
      }
    }
    return wait
  }
}

/** Replaces one `from` in a sorted list by `to` (later), keeping it sorted. */
function moveStamp(list: number[], from: number, to: number): void {
  const i = list.lastIndexOf(from)
  if (i < 0) return
  list.splice(i, 1)
  let at = list.length
  while (at > 0 && list[at - 1]! > to) at--
  list.splice(at, 0, to)
}

/** Drops timestamps at or before `cutoff` from the front of a sorted list. */
function prune(list: number[], cutoff: number): void {
  let n = 0
  while (n < list.length && list[n]! <= cutoff) n++
  if (n > 0) list.splice(0, n)
}

/** Methods that post a message into a chat, which Telegram's limits count. */
const SENDS = /^(send(?!ChatAction)[A-Z]\w*|copyMessages?|forwardMessages?)$/

/** What a bulk sender (the digest) tells the throttle about its next message. */
export interface BulkSend {
  /** Called right before each attempt goes out, after the throttle let it (the delivery records `sending` here). */
  beforeSend?: () => Promise<void>
}

const bulk = new AsyncLocalStorage<BulkSend>()

/**
 * Runs `send` as a bulk message: every attempt it makes through the bot API
 * (retries included) is throttled as bulk, and `beforeSend` runs right before it.
 * @example await sendInBulk({ beforeSend: () => log.put(sending) }, () => api.sendMessage(chatId, text, HTML))
 */
export function sendInBulk<T>(hooks: BulkSend, send: () => Promise<T>): Promise<T> {
  return bulk.run(hooks, send)
}

/**
 * The throttle as an API transformer, installed beneath the retry policy so that
 * every attempt that goes out is counted, a retry after a 429 included.
 * @example bot.api.config.use(throttleTransformer(new Throttle(systemClock)))
 */
export function throttleTransformer(throttle: Throttle): Transformer<RawApi> {
  return async (prev, method, payload, signal) => {
    if (SENDS.test(method)) {
      const chatId = Number((payload as { chat_id?: unknown }).chat_id)
      const hooks = bulk.getStore()
      const kind = hooks ? 'bulk' : 'reply'
      const at = await throttle.acquire(chatId, kind)
      if (hooks?.beforeSend) {
        await hooks.beforeSend()
        throttle.restamp(chatId, kind, at)
      }
    }
    return prev(method, payload, signal)
  }
}
