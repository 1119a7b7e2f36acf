import { GrammyError, HttpError } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { Logger } from '../logger.js'
import { DeliveryTakenError, type DeliveryLog, type DeliveryRecord } from './delivery-log.js'
import type { Subscription, Subscriptions } from './subscriptions.js'
import type { Clock } from '../clock.js'
import type { ShownRecord } from './novelty.js'
import { sendInBulk } from '../telegram/throttle.js'

/** One message of a digest: HTML text, and buttons under it. */
export interface OutgoingMessage {
  text: string
  replyMarkup?: InlineKeyboardMarkup
}

/** What a chat gets in one run: message parts, and the cursor they cover. */
export interface ComposedDigest {
  parts: OutgoingMessage[]
  /** The newest `addedAt` covered; the chat's schedule cursor moves here once sent. */
  cursor?: number
  /** What it shows, remembered with the subscription once sent (novelty across days). */
  shown?: ShownRecord
}

/** Sends one HTML message through the bot's API, into a forum topic when `threadId` is given. */
export type SendMessage = (chatId: number, message: OutgoingMessage, threadId?: number) => Promise<unknown>

export interface DeliveryDeps {
  subscriptions: Subscriptions
  log: DeliveryLog
  send: SendMessage
  /** The digest for a chat, or undefined when there is nothing to send. */
  compose: (sub: Subscription, day: string) => Promise<ComposedDigest | undefined>
  clock: Clock
  logger: Logger
  /** Chats sent to at once (default 8); the bot API's throttle keeps the rate. */
  concurrency?: number
  /** When aborted (the process is stopping), no further chat is started; the ones under way finish. */
  signal?: AbortSignal
}

/** What one run did; logged, and kept as the "last run" admins see. */
export interface RunSummary {
  at: number
  day: string
  sent: number
  failed: number
  /** Already delivered (or ambiguous) for this day, or nothing new. */
  skipped: number
  deactivated: number
  migrated: number
  /** Records left `sending` by a crashed run, now marked ambiguous and not re-sent. */
  ambiguous: number
}

let runs = 0
/** A fresh id per run: a `sending` record carrying another run's id was left by a run that stopped. */
const nextRunId = () => `${process.pid}-${Date.now().toString(36)}-${++runs}`

/**
 * Delivers the day's digest to `subs`, exactly once per chat and day:
 *
 * - Right before each message, a `sending` record; after it, the count of parts
 *   sent; after the last, `sent` (then the chat's cursor moves).
 * - A chat with a `sent`, `gone` or `ambiguous` record for the day is skipped.
 * - A `sending` record from an earlier run means that run stopped between a
 *   send and its record: Telegram has no idempotency key, so we cannot know
 *   whether the message arrived. We choose at most once: mark it `ambiguous`,
 *   log it, and do not send again.
 * - A send that returned an error is recorded `failed` with the parts that did
 *   go out; the next run resumes from there, without touching other chats.
 * - A send that got no answer (the connection reset after the request went
 *   out) is recorded `ambiguous` and not sent again: at most once.
 * - 429 and 5xx are retried by the bot API's retry policy (`src/telegram/retry.ts`);
 *   what still fails is `failed`. 403: deactivate. 400 with
 *   `migrate_to_chat_id`: move the subscription, deliver there.
 *
 * Overlapping runs in one process are serialised by the caller (`createDigest`).
 */
export async function deliver(deps: DeliveryDeps, subs: readonly Subscription[], day: string): Promise<RunSummary> {
  const summary: RunSummary = { at: deps.clock.now(), day, sent: 0, failed: 0, skipped: 0, deactivated: 0, migrated: 0, ambiguous: 0 }
  const run = nextRunId()
  const seen = new Set<number>()
  const queue = subs.filter((s) => !seen.has(s.chatId) && seen.add(s.chatId))
  // Chats some worker of this run is delivering to: a migration onto one of them never sends twice.
  const claimed = new Set<number>()
  const worker = async () => {
    for (let sub = queue.shift(); sub && !deps.signal?.aborted; sub = queue.shift()) {
      try {
        await deliverOne(deps, sub, day, summary, claimed, run)
      } catch (err) {
        // One chat's trouble (even a store error) never stops the others.
        summary.failed++
        deps.logger.error({ chatId: sub.chatId, err: String(err) }, 'digest: delivery failed')
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 8) }, worker))
  deps.logger.info({ ...summary }, `digest: run ${day}: ${summary.sent} sent, ${summary.failed} failed, ${summary.skipped} skipped`)
  return summary
}

async function deliverOne(
  deps: DeliveryDeps,
  sub: Subscription,
  day: string,
  summary: RunSummary,
  claimed: Set<number>,
  run: string,
): Promise<void> {
  let chatId = sub.chatId
  if (claimed.has(chatId)) {
    summary.skipped++
    return
  }
  claimed.add(chatId)
  let record = await deps.log.get(chatId, day)
  if (record && (await settled(deps, record, summary, run))) return

  const composed = await deps.compose(sub, day)
  if (!composed || composed.parts.length === 0) {
    summary.skipped++
    return
  }
  let partsSent = record?.partsSent ?? 0
  let migrations = 0
  const base = (): DeliveryRecord => ({
    chatId,
    day,
    state: 'sending',
    partsSent,
    at: deps.clock.now(),
    run,
    ...(composed.cursor !== undefined ? { cursor: composed.cursor } : {}),
    ...(sub.coveredUntil !== undefined ? { since: sub.coveredUntil } : {}),
  })

  while (partsSent < composed.parts.length) {
    // `sending` is written after the throttle lets the message go and right before the request:
    // only a crash during the request itself leaves the outcome unknown.
    const outcome = await sendOnce(deps, chatId, composed.parts[partsSent]!, sub.threadId, () => deps.log.put(base()))
    if (outcome.kind === 'taken') {
      // Another run (another replica) holds this chat for the day: it sends, this run does not.
      summary.skipped++
      deps.logger.info({ chatId, day }, 'digest: another run is delivering to this chat; left to it')
      return
    }
    if (outcome.kind === 'ok') {
      partsSent++
      // Record each part, so a failure later resumes after it (and a crash leaves it ambiguous, not resent).
      await deps.log.put({ ...base(), state: partsSent === composed.parts.length ? 'sent' : 'sending' })
      continue
    }
    if (outcome.kind === 'migrated' && migrations >= MAX_MIGRATIONS) {
      // Telegram moves a group once; a chain of moves is not followed forever.
      await deps.log.put({ ...base(), state: 'failed', error: `migrated again, to ${outcome.to}` })
      summary.failed++
      deps.logger.warn({ chatId, to: outcome.to }, 'digest: a chat migrated more than once in one run; retried next run')
      return
    }
    if (outcome.kind === 'migrated') {
      migrations++
      const moved = await deps.subscriptions.migrate(chatId, outcome.to)
      summary.migrated++
      deps.logger.info({ from: chatId, to: outcome.to }, 'digest: group became a supergroup; subscription moved')
      await deps.log.put({ ...base(), state: 'gone', error: `migrated to ${outcome.to}` })
      chatId = outcome.to
      // The new id may already be served in this run, or have its own record for today.
      if (claimed.has(chatId)) return
      claimed.add(chatId)
      record = await deps.log.get(chatId, day)
      if (record && (await settled(deps, record, summary, run))) return
      if (!moved?.active) return
      continue
    }
    if (outcome.kind === 'ambiguous') {
      // At most once: Telegram may have the message, and it has no idempotency key to ask with.
      await deps.log.put({ ...base(), state: 'ambiguous', error: outcome.error })
      await deps.subscriptions.advance(chatId, composed.cursor, composed.shown)
      summary.ambiguous++
      deps.logger.warn(
        { chatId, error: outcome.error, partsSent },
        'digest: no answer from Telegram; the message may have arrived, not sending it again',
      )
      return
    }
    if (outcome.kind === 'gone') {
      await deps.subscriptions.deactivate(chatId, outcome.reason)
      await deps.log.put({ ...base(), state: 'gone', error: outcome.error })
      summary.deactivated++
      deps.logger.info({ chatId, reason: outcome.reason }, 'digest: chat gone; subscription deactivated')
      return
    }
    await deps.log.put({ ...base(), state: 'failed', error: outcome.error })
    summary.failed++
    deps.logger.warn({ chatId, error: outcome.error, partsSent }, 'digest: send failed; retried next run')
    return
  }
  await deps.subscriptions.advance(chatId, composed.cursor, composed.shown)
  summary.sent++
}

/**
 * Whether an existing record settles the chat for the day. Also repairs what a
 * crash may have left: a `sent` record whose cursor did not reach the
 * subscription, and `sending` records of earlier runs (→ `ambiguous`).
 */
async function settled(deps: DeliveryDeps, record: DeliveryRecord, summary: RunSummary, run: string): Promise<boolean> {
  switch (record.state) {
    case 'sent':
      if (record.cursor !== undefined) await deps.subscriptions.advance(record.chatId, record.cursor)
      summary.skipped++
      return true
    case 'gone':
    case 'ambiguous':
      summary.skipped++
      return true
    case 'sending':
      if (record.run === run) return false
      await markAmbiguous(deps, record)
      summary.ambiguous++
      summary.skipped++
      return true
    case 'failed':
      return false
  }
}

/** Supergroup migrations followed for one chat in one run. */
const MAX_MIGRATIONS = 2

/** A `sending` record this much older than now was left by a run that stopped: no request takes that long. */
export const STALE_SENDING_MS = 2 * 60_000

/**
 * A `sending` record left by a run that stopped between a send and its record:
 * Telegram may have the message, so it is not sent again (at most once), and
 * the articles it covered count as delivered, so the next day's digest does not
 * repeat them.
 */
async function markAmbiguous(
  deps: Pick<DeliveryDeps, 'log' | 'subscriptions' | 'clock' | 'logger'>,
  record: DeliveryRecord,
): Promise<void> {
  await deps.log.put({ ...record, state: 'ambiguous', at: deps.clock.now() })
  if (record.cursor !== undefined) await deps.subscriptions.advance(record.chatId, record.cursor)
  deps.logger.warn(
    { chatId: record.chatId, day: record.day, partsSent: record.partsSent },
    'digest: an earlier run stopped while sending to this chat; not sending again (at most once)',
  )
}

/**
 * Resolves every `sending` record a stopped run left, whatever its day or chat
 * (a per-chat-time subscriber, the last run of a day), so none stays open and
 * none lets the same articles go out again. Records of a run still going (newer
 * than `STALE_SENDING_MS`) are left alone. Returns how many were resolved.
 */
export async function resolveStaleSends(deps: Pick<DeliveryDeps, 'log' | 'subscriptions' | 'clock' | 'logger'>): Promise<number> {
  let resolved = 0
  for (const record of await deps.log.unresolved()) {
    if (deps.clock.now() - record.at < STALE_SENDING_MS) continue
    await markAmbiguous(deps, record)
    resolved++
  }
  return resolved
}

type Outcome =
  | { kind: 'ok' }
  | { kind: 'migrated'; to: number }
  | { kind: 'gone'; reason: string; error: string }
  | { kind: 'failed'; error: string }
  /** No answer came back: the message may or may not have arrived. */
  | { kind: 'ambiguous'; error: string }
  /** The delivery log refused the claim to send: another run has the chat. Nothing was sent. */
  | { kind: 'taken' }

/** Errors of a connection that was never made: nothing reached Telegram, so trying later cannot send twice. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL'])

/** The error code behind a grammY `HttpError` (the fetch error, or its cause). */
function networkCode(err: HttpError): string | undefined {
  const inner = err.error as { code?: unknown; cause?: { code?: unknown } } | undefined
  const code = inner?.code ?? inner?.cause?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * Sends one part through the bot's API, which throttles it as a bulk message and
 * applies the retry policy (429 and 5xx are retried there, within bounds), and
 * says what became of it. `beforeSend` runs right before each attempt goes out.
 */
async function sendOnce(
  deps: DeliveryDeps,
  chatId: number,
  message: OutgoingMessage,
  threadId: number | undefined,
  beforeSend: () => Promise<void>,
): Promise<Outcome> {
  let recorded = false
  const record = async () => {
    recorded = true
    await beforeSend()
  }
  try {
    await sendInBulk({ beforeSend: record }, () => deps.send(chatId, message, threadId))
    if (!recorded) deps.logger.warn({ chatId }, 'digest: sent without the bot API throttle; check how the API was built')
    return { kind: 'ok' }
  } catch (err) {
    if (err instanceof DeliveryTakenError) return { kind: 'taken' }
    if (err instanceof HttpError) {
      const code = networkCode(err)
      if (code !== undefined && NOT_SENT.has(code)) return { kind: 'failed', error: `${code}: ${err.message}` }
      return { kind: 'ambiguous', error: code ?? err.message }
    }
    if (!(err instanceof GrammyError)) return { kind: 'failed', error: String(err) }
    const migrateTo = err.parameters?.migrate_to_chat_id
    if (migrateTo !== undefined) return { kind: 'migrated', to: migrateTo }
    if (err.error_code === 403) return { kind: 'gone', reason: 'blocked', error: err.description }
    if (err.error_code === 400 && /chat not found/i.test(err.description))
      return { kind: 'gone', reason: 'chat-not-found', error: err.description }
    return { kind: 'failed', error: `${err.error_code} ${err.description}` }
  }
}
