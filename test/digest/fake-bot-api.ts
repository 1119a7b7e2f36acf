import { GrammyError } from 'grammy'
import type { SendMessage } from '../../src/digest/delivery.js'
import type { Clock } from '../../src/digest/throttle.js'

/** A failure the fake Bot API answers a sendMessage with. */
export type Fault =
  | { kind: '429'; retryAfter: number }
  | { kind: '403' }
  | { kind: 'migrate'; to: number }
  | { kind: '500' }
  /** The process dies: this message reaches Telegram, but the call never returns, nor does any later one. */
  | { kind: 'crash' }

export interface Delivered {
  chatId: number
  text: string
  /** Virtual time of the send (ms). */
  at: number
}

/**
 * An in-process Telegram for delivery tests and the benchmark: records every
 * message that got through with its (virtual) time, injects faults per chat
 * and attempt, and measures the send rate.
 */
export class FakeBotApi {
  readonly delivered: Delivered[] = []
  /** Every call, including refused ones. */
  calls = 0
  private readonly attempts = new Map<number, number>()
  private dead = false
  /** Resolves when a `crash` fault fires. */
  readonly crashed: Promise<void>
  private onCrash!: () => void
  /** Chats that migrated: old id → new id; sends to the old id keep failing with the migration error. */
  private readonly migrated = new Map<number, number>()
  /** Chats that blocked the bot. */
  private readonly blocked = new Set<number>()

  constructor(
    private readonly clock: Clock,
    private readonly fault: (chatId: number, attempt: number) => Fault | undefined = () => undefined,
  ) {
    this.crashed = new Promise((resolve) => (this.onCrash = resolve))
  }

  readonly send: SendMessage = async (chatId, text) => {
    if (this.dead) return new Promise(() => undefined)
    this.calls++
    const attempt = (this.attempts.get(chatId) ?? 0) + 1
    this.attempts.set(chatId, attempt)
    if (this.blocked.has(chatId)) throw error(403, 'Forbidden: bot was blocked by the user')
    const to = this.migrated.get(chatId)
    if (to !== undefined) throw error(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: to })
    const f = this.fault(chatId, attempt)
    switch (f?.kind) {
      case '429':
        throw error(429, `Too Many Requests: retry after ${f.retryAfter}`, { retry_after: f.retryAfter })
      case '403':
        this.blocked.add(chatId)
        throw error(403, 'Forbidden: bot was kicked from the group chat')
      case 'migrate':
        this.migrated.set(chatId, f.to)
        throw error(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: f.to })
      case '500':
        throw error(500, 'Internal Server Error')
      case 'crash':
        this.delivered.push({ chatId, text, at: this.clock.now() })
        this.dead = true
        this.onCrash()
        return new Promise(() => undefined)
    }
    this.delivered.push({ chatId, text, at: this.clock.now() })
    return { message_id: this.delivered.length }
  }

  /** Messages per chat. */
  countByChat(): Map<number, number> {
    const m = new Map<number, number>()
    for (const d of this.delivered) m.set(d.chatId, (m.get(d.chatId) ?? 0) + 1)
    return m
  }

  /** The most messages sent in any window of `windowMs` (optionally to one chat kind). */
  maxInWindow(windowMs: number, filter: (d: Delivered) => boolean = () => true): number {
    const times = this.delivered
      .filter(filter)
      .map((d) => d.at)
      .sort((a, b) => a - b)
    let max = 0
    let lo = 0
    for (let hi = 0; hi < times.length; hi++) {
      while (times[hi]! - times[lo]! >= windowMs) lo++
      max = Math.max(max, hi - lo + 1)
    }
    return max
  }

  /** The most messages any single group got in any minute. */
  maxPerGroupPerMinute(): number {
    const byChat = new Map<number, number[]>()
    for (const d of this.delivered) if (d.chatId < 0) byChat.set(d.chatId, [...(byChat.get(d.chatId) ?? []), d.at])
    let max = 0
    for (const times of byChat.values()) {
      times.sort((a, b) => a - b)
      let lo = 0
      for (let hi = 0; hi < times.length; hi++) {
        while (times[hi]! - times[lo]! >= 60_000) lo++
        max = Math.max(max, hi - lo + 1)
      }
    }
    return max
  }
}

function error(code: number, description: string, parameters: Record<string, number> = {}): GrammyError {
  return new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    { ok: false, error_code: code, description, parameters },
    'sendMessage',
    {},
  )
}
