import type { Locale } from '../telegram/locale.js'
import type { Store } from '../store/store.js'
import { remember, type ShownRecord } from './novelty.js'

/** A chat's subscription to the daily digest. Stored under the chat id as a string. */
export interface Subscription {
  chatId: number
  active: boolean
  /** Local time `HH:MM` (in `DIGEST_TZ`) for this chat's digest; without it, `DIGEST_CRON` decides. */
  time?: string
  /** Script the digest is shown in when the chat has no /lang setting. */
  locale?: Locale
  /** The forum topic the chat subscribed in (`message_thread_id`); the digest goes there. */
  threadId?: number
  /** What its last digests showed (see `novelty.ts`): a story shown before comes back only with new articles. */
  shown?: ShownRecord[]
  /**
   * The schedule cursor: the newest `addedAt` a scheduled digest has covered.
   * The next scheduled digest covers articles added after it; `/digest` never moves it.
   * Undefined until the first scheduled digest, which covers the whole corpus.
   */
  coveredUntil?: number
  /** When and by whom the chat subscribed (ms since epoch, Telegram user id). */
  subscribedAt: number
  subscribedBy?: number
  /** Why the subscription stopped: `unsubscribed`, `blocked` (403 / my_chat_member), `chat-not-found`. */
  inactiveReason?: string
  /** When this chat became a supergroup, the id its subscription moved to. */
  migratedTo?: number
}

/** Whether a stored value is a subscription (a hand-edited entry may not be). */
export function isSubscription(value: unknown): value is Subscription {
  const s = value as Partial<Subscription> | null
  return typeof s === 'object' && s !== null && typeof s.chatId === 'number' && typeof s.active === 'boolean'
}

/** `HH:MM`, 00:00–23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Parses `7:30` or `07:30` into `07:30`; undefined when it is not a time of day. */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!m) return undefined
  const time = `${m[1]!.padStart(2, '0')}:${m[2]}`
  return TIME_OF_DAY.test(time) ? time : undefined
}

/**
 * The subscriptions, on any `Store` (the file-backed `JsonFileStore` by default;
 * Redis or PostgreSQL can follow the same four-method interface).
 */
export class Subscriptions {
  constructor(
    private readonly store: Store<Subscription>,
    private readonly now: () => number = Date.now,
  ) {}

  get(chatId: number): Promise<Subscription | undefined> {
    return this.store.read(String(chatId))
  }

  async put(sub: Subscription): Promise<void> {
    await this.store.write(String(sub.chatId), sub)
  }

  /** Every subscription, active first, then by chat id, so runs visit chats in a stable order. */
  async all(): Promise<Subscription[]> {
    const subs = (await this.store.entries()).map(([, s]) => s)
    return subs.sort((a, b) => Number(b.active) - Number(a.active) || a.chatId - b.chatId)
  }

  async active(): Promise<Subscription[]> {
    return (await this.all()).filter((s) => s.active)
  }

  /** Subscribes (or re-subscribes, keeping the cursor so nothing is sent twice). */
  async subscribe(
    chatId: number,
    opts: { by?: number; time?: string | undefined; locale?: Locale; threadId?: number },
  ): Promise<Subscription> {
    const old = await this.get(chatId)
    const sub: Subscription = {
      chatId,
      active: true,
      subscribedAt: old?.active ? old.subscribedAt : this.now(),
      ...(old?.coveredUntil !== undefined ? { coveredUntil: old.coveredUntil } : {}),
      ...(opts.by !== undefined ? { subscribedBy: opts.by } : old?.subscribedBy !== undefined ? { subscribedBy: old.subscribedBy } : {}),
      ...(opts.time !== undefined ? { time: opts.time } : {}),
      ...(opts.locale ? { locale: opts.locale } : old?.locale ? { locale: old.locale } : {}),
      ...(opts.threadId !== undefined ? { threadId: opts.threadId } : {}),
    }
    await this.put(sub)
    return sub
  }

  /** Stops a subscription; returns false when there was no active one. */
  async deactivate(chatId: number, reason: string): Promise<boolean> {
    const sub = await this.get(chatId)
    if (!sub || !sub.active) return false
    await this.put({ ...sub, active: false, inactiveReason: reason })
    return true
  }

  /**
   * Moves a group's subscription to its new supergroup id (Telegram's
   * `migrate_to_chat_id`). The old entry stays, inactive, pointing at the new one.
   * Returns the moved subscription, or undefined when the old chat had none.
   */
  async migrate(fromId: number, toId: number): Promise<Subscription | undefined> {
    const old = await this.get(fromId)
    if (!old) return undefined
    const existing = await this.get(toId)
    const moved: Subscription = {
      ...old,
      ...existing,
      chatId: toId,
      active: old.active || (existing?.active ?? false),
      coveredUntil: Math.max(old.coveredUntil ?? -Infinity, existing?.coveredUntil ?? -Infinity),
    }
    if (!Number.isFinite(moved.coveredUntil)) delete moved.coveredUntil
    delete moved.migratedTo
    delete moved.inactiveReason
    if (!moved.active) moved.inactiveReason = old.inactiveReason ?? 'unsubscribed'
    await this.put(moved)
    await this.put({ ...old, active: false, inactiveReason: 'migrated', migratedTo: toId })
    return moved
  }

  /** Moves the schedule cursor forward (never back), and remembers what the digest showed. */
  async advance(chatId: number, coveredUntil: number | undefined, shown?: ShownRecord): Promise<void> {
    const sub = await this.get(chatId)
    if (!sub) return
    const moves = coveredUntil !== undefined && (sub.coveredUntil === undefined || coveredUntil > sub.coveredUntil)
    if (!moves && !shown) return
    await this.put({
      ...sub,
      ...(moves ? { coveredUntil } : {}),
      ...(shown ? { shown: remember(sub.shown, shown) } : {}),
    })
  }
}
