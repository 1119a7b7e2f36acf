/** How many actions a user may take per window. */
export interface RateLimit {
  limit: number
  windowMs: number
}

/** What a limiter decided about one action. */
export type RateDecision =
  /** Go ahead. */
  | 'allow'
  /** Over the limit, first time in this window: tell the user once. */
  | 'warn'
  /** Over the limit and already told: stay quiet. */
  | 'drop'

interface Window {
  start: number
  count: number
  warned: boolean
}

/**
 * A fixed-window limiter per key (user id) with an injectable clock, so one
 * user cannot flood the bot with searches and tests never wait for real time.
 * @example const limiter = new RateLimiter({ limit: 5, windowMs: 10_000 }, () => Date.now())
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(
    readonly rate: RateLimit,
    private readonly now: () => number,
  ) {}

  hit(key: string | number): RateDecision {
    const id = String(key)
    const now = this.now()
    let w = this.windows.get(id)
    if (!w || now - w.start >= this.rate.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now)
      w = { start: now, count: 0, warned: false }
      this.windows.set(id, w)
    }
    w.count++
    if (w.count <= this.rate.limit) return 'allow'
    if (w.warned) return 'drop'
    w.warned = true
    return 'warn'
  }

  /** Forgets expired windows so the map stays small. */
  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.rate.windowMs) this.windows.delete(k)
  }
}
