import type { Logger } from '../../logger.js'
import { StoreWriteError, type Store } from '../store.js'
import type { Queryable } from './database.js'

export interface PgStoreOptions<T> {
  /** The most entries kept; beyond it the least recently written are forgotten (saved searches). Unbounded by default. */
  maxEntries?: number
  /** Entries that are not a `T` (a hand-edited row) are skipped with a warning instead of breaking every reader. */
  isEntry?: (value: unknown) => value is T
  logger?: Pick<Logger, 'warn'>
}

/**
 * A `Store` on the `kv` table, one namespace per store (`subscriptions`,
 * `chat-settings`, …), shared by every replica. Each change is one statement,
 * so it is saved whole or not at all; a database that refuses or cannot be
 * reached makes `write`/`delete` throw `StoreWriteError`, and nothing changed.
 * @example const subscriptions = new PgStore<Subscription>(db.pool, 'subscriptions')
 */
export class PgStore<T> implements Store<T> {
  private writes = 0

  constructor(
    private readonly db: Queryable,
    readonly namespace: string,
    private readonly options: PgStoreOptions<T> = {},
  ) {}

  async read(key: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: unknown }>('SELECT value FROM kv WHERE namespace = $1 AND key = $2', [
      this.namespace,
      key,
    ])
    const value = rows[0]?.value
    if (value === undefined) return undefined
    return this.valid(key, value) ? value : undefined
  }

  async write(key: string, value: T): Promise<void> {
    await this.change(
      `INSERT INTO kv (namespace, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (namespace, key) DO UPDATE SET value = EXCLUDED.value, updated_at = clock_timestamp()`,
      [this.namespace, key, JSON.stringify(value)],
    )
    // Trimming a bounded store costs a scan: done every hundred writes, so it holds at most `maxEntries` + 100.
    if (this.options.maxEntries !== undefined && ++this.writes % 100 === 0) await this.trim(this.options.maxEntries)
  }

  async delete(key: string): Promise<void> {
    await this.change('DELETE FROM kv WHERE namespace = $1 AND key = $2', [this.namespace, key])
  }

  async entries(): Promise<Array<[string, T]>> {
    const { rows } = await this.db.query<{ key: string; value: unknown }>('SELECT key, value FROM kv WHERE namespace = $1', [
      this.namespace,
    ])
    return rows.filter((r) => this.valid(r.key, r.value)).map((r) => [r.key, r.value as T])
  }

  /** Forgets all but the `keep` most recently written entries. */
  async trim(keep: number): Promise<void> {
    await this.change(
      `DELETE FROM kv WHERE namespace = $1 AND key IN (
         SELECT key FROM kv WHERE namespace = $1 ORDER BY updated_at DESC OFFSET $2)`,
      [this.namespace, keep],
    )
  }

  private valid(key: string, value: unknown): value is T {
    if (!this.options.isEntry || this.options.isEntry(value)) return true
    this.options.logger?.warn({ namespace: this.namespace, key }, 'store: skipped an entry that is not valid')
    return false
  }

  private async change(sql: string, params: unknown[]): Promise<void> {
    try {
      await this.db.query(sql, params)
    } catch (err) {
      throw new StoreWriteError(`store: could not save to PostgreSQL (${this.namespace}: ${(err as Error).message})`, { cause: err })
    }
  }
}
