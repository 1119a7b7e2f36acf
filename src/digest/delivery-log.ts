import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { CorruptStoreError, writeAtomically } from '../store/file-store.js'

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
  /** The last error, for the logs. */
  error?: string
  /** A run id, so a record left by an earlier (crashed) run can be told from this run's. */
  run?: string
}

/**
 * The delivery records, by chat and day. Narrow on purpose: a Redis hash or a
 * PostgreSQL table with a (chat, day) key can implement it.
 */
export interface DeliveryLog {
  get(chatId: number, day: string): Promise<DeliveryRecord | undefined>
  /** Records a state; durable when the promise resolves. */
  put(record: DeliveryRecord): Promise<void>
  /** Optionally forgets records of days long past (`today` is `YYYY-MM-DD`). */
  compact?(today: string): Promise<void>
}

const key = (chatId: number, day: string) => `${chatId}|${day}`

/** In memory: tests and the benchmark. */
export class MemoryDeliveryLog implements DeliveryLog {
  readonly records = new Map<string, DeliveryRecord>()
  /** Every record ever put, in order (tests inspect it). */
  readonly history: DeliveryRecord[] = []
  async get(chatId: number, day: string): Promise<DeliveryRecord | undefined> {
    const r = this.records.get(key(chatId, day))
    return r && { ...r }
  }
  async put(record: DeliveryRecord): Promise<void> {
    this.records.set(key(record.chatId, record.day), { ...record })
    this.history.push({ ...record })
  }
}

/**
 * An append-only JSON-lines file, one record a line, each append fsynced
 * before `put` resolves: a crash loses at most the line being written. On
 * open, a torn last line (no newline: the crash happened mid-append) is cut
 * off — that record was never durable; any other unparsable line means the
 * file is damaged and stops start-up with a `CorruptStoreError`, leaving the
 * file untouched. Records older than `keepDays` are dropped by an atomic
 * rewrite on open, so the file stays small.
 */
export class FileDeliveryLog implements DeliveryLog {
  private readonly records = new Map<string, DeliveryRecord>()
  private fd: number | undefined
  private queue: Promise<void> = Promise.resolve()

  private lines = 0

  private constructor(
    readonly path: string,
    private readonly keepDays: number,
  ) {}

  /** Opens (and compacts) the log. `today` is `YYYY-MM-DD`; records more than `keepDays` (default 7) older go. */
  static async open(path: string, opts: { today?: string; keepDays?: number } = {}): Promise<FileDeliveryLog> {
    const log = new FileDeliveryLog(path, opts.keepDays ?? 7)
    log.lines = log.load()
    if (opts.today) await log.compact(opts.today)
    return log
  }

  /** Rewrites the file (atomically) with only the latest record per chat and day of the last `keepDays` days. */
  compact(today: string): Promise<void> {
    const next = this.queue.then(async () => {
      const oldest = shiftDay(today, -this.keepDays)
      const keep = [...this.records.values()].filter((r) => r.day >= oldest)
      if (keep.length === this.lines) return
      if (this.fd !== undefined) closeSync(this.fd)
      this.fd = undefined
      await writeAtomically(this.path, keep.map((r) => `${JSON.stringify(r)}\n`).join(''))
      this.records.clear()
      for (const r of keep) this.records.set(key(r.chatId, r.day), r)
      this.lines = keep.length
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Reads the file into memory; returns how many records it held. */
  private load(): number {
    if (!existsSync(this.path)) return 0
    let raw = readFileSync(this.path, 'utf8')
    if (raw.length > 0 && !raw.endsWith('\n')) {
      const cut = raw.lastIndexOf('\n') + 1
      truncateSync(this.path, Buffer.byteLength(raw.slice(0, cut)))
      raw = raw.slice(0, cut)
    }
    let count = 0
    raw.split('\n').forEach((line, i) => {
      if (line.trim() === '') return
      let r: DeliveryRecord
      try {
        r = JSON.parse(line) as DeliveryRecord
        if (typeof r.chatId !== 'number' || typeof r.day !== 'string' || typeof r.state !== 'string')
          throw new Error('not a delivery record')
      } catch (err) {
        throw new CorruptStoreError(
          `digest: delivery log ${this.path} is corrupt at line ${i + 1} (${(err as Error).message}); it was left as it is — repair or move it away, then start again`,
        )
      }
      this.records.set(key(r.chatId, r.day), r)
      count++
    })
    return count
  }

  async get(chatId: number, day: string): Promise<DeliveryRecord | undefined> {
    const r = this.records.get(key(chatId, day))
    return r && { ...r }
  }

  put(record: DeliveryRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`
    const next = this.queue.then(() => {
      if (this.fd === undefined) {
        mkdirSync(dirname(this.path), { recursive: true })
        this.fd = openSync(this.path, 'a')
      }
      writeSync(this.fd, line)
      fsyncSync(this.fd)
      this.lines++
      this.records.set(key(record.chatId, record.day), { ...record })
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    await this.queue
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** `YYYY-MM-DD` plus `days`. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
