/** Time as the delivery sees it: the real clock in production, a virtual one in tests and the benchmark. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
}

/**
 * A clock that only moves when every waiter is asleep: it then jumps to the
 * earliest wake-up. Runs a day of throttled sending in milliseconds, and
 * lets tests check rates against time that cannot drift.
 */
export class VirtualClock implements Clock {
  private t: number
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = []
  private seq = 0
  private pending = false

  constructor(start = 0) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.pending) return
    this.pending = true
    // setImmediate runs after every pending promise callback: by then all runnable work has run.
    setImmediate(() => {
      this.pending = false
      if (this.timers.length === 0) return
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const at = this.timers[0]!.at
      this.t = Math.max(this.t, at)
      const due = this.timers.filter((x) => x.at <= this.t)
      this.timers = this.timers.filter((x) => x.at > this.t)
      for (const x of due) x.resolve()
      if (this.timers.length > 0) this.schedule()
    })
  }
}

/** Telegram's broadcast limits, as documented in the Bot API FAQ. */
export const TELEGRAM_LIMITS = {
  /** Messages per second, all chats together. */
  perSecond: 30,
  /** Messages per minute into one group. */
  perGroupPerMinute: 20,
  /** And, conservatively, one message per second into any one chat. */
  perChatPerSecond: 1,
} as const

/**
 * A sliding-window rate limiter for outgoing messages: at most `perSecond`
 * in any second overall, `perGroupPerMinute` in any minute per group (negative
 * chat ids), `perChatPerSecond` per chat.
 * Written for the injected `Clock` (grammY's throttler runs on wall time,
 * which a benchmark cannot check).
 */
export class Throttle {
  private readonly global: number[] = []
  private readonly perChat = new Map<number, number[]>()

  constructor(
    private readonly clock: Clock,
    private readonly limits: typeof TELEGRAM_LIMITS = TELEGRAM_LIMITS,
  ) {}

  /** Waits until a message to `chatId` may go, and counts it as gone. Call right before sending. */
  async acquire(chatId: number): Promise<void> {
    for (;;) {
      const now = this.clock.now()
      const wait = this.delay(chatId, now)
      if (wait <= 0) {
        this.global.push(now)
        const list = this.perChat.get(chatId) ?? []
        list.push(now)
        this.perChat.set(chatId, list)
        return
      }
      await this.clock.sleep(wait)
    }
  }

  private delay(chatId: number, now: number): number {
    let wait = 0
    prune(this.global, now - 1000)
    if (this.global.length >= this.limits.perSecond)
      wait = Math.max(wait, this.global[this.global.length - this.limits.perSecond]! + 1000 - now)
    const list = this.perChat.get(chatId)
    if (list) {
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

/** Drops timestamps at or before `cutoff` from the front of a sorted list. */
function prune(list: number[], cutoff: number): void {
  let n = 0
  while (n < list.length && list[n]! <= cutoff) n++
  if (n > 0) list.splice(0, n)
}
