import type { Logger } from '../logger.js'
import { JsonLinesFile } from '../store/json-lines.js'

/**
 * Where one chat's digest for one scheduled day stands.
 * - `sending`: about to send (written before the first message goes out); `partsSent` counts parts confirmed so far.
 * - `sent`: every part sent; `cursor` is what the digest covered.
 * - `failed`: the send returned an error; the next run tries again from `partsSent`.
 * - `gone`: the chat blocked or removed the bot; not retried.
 * - `ambiguous`: a run stopped between sending and recording; never re-sent (at most once).
 */
export type DeliveryState = 'sending' | 'sent' | 'failed' | 'gone' | 'ambiguous'

export interface DeliveryRecord {
  chatId: number
  /** The scheduled day, `YYYY-MM-DD` in `DIGEST_TZ`. */
  day: string
  state: DeliveryState
  /** Parts of the digest confirmed sent. */
  partsSent: number
  /** When this record was written (ms since epoch). */
  at: number
  /** The newest `addedAt` the digest covered (moves the chat's schedule cursor). */
  cursor?: number
  /** The chat's cursor before this digest: what it covered starts after it (so /digest can show it again). */
  since?: number
  /** The last error, for the logs. */
  error?: string
  /** A run id, so a record left by an earlier (crashed) run can be told from this run's. */
  run?: string
}

/**
 * The delivery records, by chat and day. Narrow on purpose: a PostgreSQL table
 * with a (chat, day) key implements it too (`PgDeliveryLog`).
 */
export interface DeliveryLog {
  get(chatId: number, day: string): Promise<DeliveryRecord | undefined>
  /**
   * Records a state; durable when the promise resolves. A `sending` record is
   * the claim to send: it is refused with `DeliveryTakenError` (and nothing
   * changes) when the chat's record for the day is settled (`sent`, `gone`,
   * `ambiguous`) or is `sending` for another run, so two runs (two replicas)
   * never both send to a chat.
   */
  put(record: DeliveryRecord): Promise<void>
  /** Records still `sending`, of any day: each was left by a run that stopped (or is running now). */
  unresolved(): Promise<DeliveryRecord[]>
  /** Optionally forgets records of days long past (`today` is `YYYY-MM-DD`). */
  compact?(today: string): Promise<void>
}

const key = (chatId: number, day: string) => `${chatId}|${day}`

/** Another run has delivered to this chat today, or is delivering to it now: this run must not send. */
export class DeliveryTakenError extends Error {
  override name = 'DeliveryTakenError'
}

/** Whether `record` may replace `existing`: only a `sending` claim is checked (see `DeliveryLog.put`). */
export function mayReplace(existing: DeliveryRecord | undefined, record: DeliveryRecord): boolean {
  if (record.state !== 'sending' || !existing) return true
  return existing.state === 'failed' || (existing.state === 'sending' && existing.run !== undefined && existing.run === record.run)
}

function refuse(record: DeliveryRecord): never {
  throw new DeliveryTakenError(`digest: chat ${record.chatId} is already delivered or being delivered for ${record.day} by another run`)
}

/** In memory: tests and the console. */
export class MemoryDeliveryLog implements DeliveryLog {
  readonly records = new Map<string, DeliveryRecord>()
  /** Every record ever put, in order (tests inspect it). */
  readonly history: DeliveryRecord[] = []
  async get(chatId: number, day: string): Promise<DeliveryRecord | undefined> {
    const r = this.records.get(key(chatId, day))
    return r && { ...r }
  }
  async put(record: DeliveryRecord): Promise<void> {
    if (!mayReplace(this.records.get(key(record.chatId, record.day)), record)) refuse(record)
    this.records.set(key(record.chatId, record.day), { ...record })
    this.history.push({ ...record })
  }
  async unresolved(): Promise<DeliveryRecord[]> {
    return [...this.records.values()].filter((r) => r.state === 'sending').map((r) => ({ ...r }))
  }
}

function isRecord(r: unknown): r is DeliveryRecord {
  const x = r as Partial<DeliveryRecord> | null
  return typeof x === 'object' && x !== null && typeof x.chatId === 'number' && typeof x.day === 'string' && typeof x.state === 'string'
}

/**
 * An append-only JSON-lines file, one record a line, each append fsynced
 * before `put` resolves (see `JsonLinesFile`): a crash or a full disk loses at
 * most the record being written, and never leaves a torn line for the next
 * record to land on. On open, a torn last line is cut off and a damaged line
 * is skipped with a warning (what it held is lost, the rest is kept); records
 * older than `keepDays` are dropped by an atomic rewrite, so the file stays small.
 */
export class FileDeliveryLog implements DeliveryLog {
  private readonly records = new Map<string, DeliveryRecord>()
  /** Records written and not yet on disk, by chat and day. */
  private readonly appending = new Map<string, DeliveryRecord>()
  private readonly file: JsonLinesFile

  private constructor(
    readonly path: string,
    private readonly keepDays: number,
  ) {
    this.file = new JsonLinesFile(path)
  }

  /** Opens (and compacts) the log. `today` is `YYYY-MM-DD`; records more than `keepDays` (default 7) older go. */
  static async open(
    path: string,
    opts: { today?: string; keepDays?: number; logger?: Pick<Logger, 'warn'> } = {},
  ): Promise<FileDeliveryLog> {
    const log = new FileDeliveryLog(path, opts.keepDays ?? 7)
    const { records, damaged } = log.file.load()
    let invalid = 0
    for (const r of records) {
      if (isRecord(r)) log.records.set(key(r.chatId, r.day), r)
      else invalid++
    }
    if (damaged + invalid > 0) {
      opts.logger?.warn({ path, damaged: damaged + invalid }, 'digest: the delivery log had damaged lines; skipped them and rewrote it')
      await log.file.rewrite([...log.records.values()])
    }
    if (opts.today) await log.compact(opts.today)
    return log
  }

  /** Rewrites the file (atomically) with only the latest record per chat and day of the last `keepDays` days. */
  async compact(today: string): Promise<void> {
    const oldest = shiftDay(today, -this.keepDays)
    const keep = [...this.records.values()].filter((r) => r.day >= oldest)
    if (keep.length === this.file.lines) return
    await this.file.rewrite(keep)
    this.records.clear()
    for (const r of keep) this.records.set(key(r.chatId, r.day), r)
  }

  async get(chatId: number, day: string): Promise<DeliveryRecord | undefined> {
    const r = this.records.get(key(chatId, day))
    return r && { ...r }
  }

  async put(record: DeliveryRecord): Promise<void> {
    const k = key(record.chatId, record.day)
    // A record being appended counts already, so that of two claims made together only one is granted.
    if (!mayReplace(this.appending.get(k) ?? this.records.get(k), record)) refuse(record)
    this.appending.set(k, record)
    try {
      await this.file.append([record])
      this.records.set(k, { ...record })
    } finally {
      if (this.appending.get(k) === record) this.appending.delete(k)
    }
  }

  async unresolved(): Promise<DeliveryRecord[]> {
    return [...this.records.values()].filter((r) => r.state === 'sending').map((r) => ({ ...r }))
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    await this.file.close()
  }
}

/** `YYYY-MM-DD` plus `days`. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
