import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import type { Logger } from '../../logger.js'

/** The numbered SQL files applied at start-up, in order (`001_stores.sql`, …). */
const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations')

/** Any advisory-lock key, the same in every replica: two replicas starting together migrate one after the other. */
const MIGRATION_LOCK = 7_240_611

/** What the stores need of a connection pool (`pg.Pool`, or a client inside a transaction). */
export type Queryable = Pick<pg.Pool, 'query'>

/** A pool on `DATABASE_URL` with the schema migrated. */
export interface Database {
  pool: pg.Pool
  /** The connection string, for what opens its own connections (pg-boss, LISTEN). */
  url: string
  /** Runs `fn` in one transaction: all of its changes are saved, or none. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * Connects to PostgreSQL and applies the migrations not applied yet, each in
 * its own transaction, under an advisory lock so that replicas starting at the
 * same time do not race. A database that cannot be reached throws
 * `store: cannot connect to PostgreSQL …` (the password is never printed).
 * @example const db = await openDatabase(process.env.DATABASE_URL!, logger)
 */
export async function openDatabase(url: string, logger?: Pick<Logger, 'info' | 'warn'>, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'keji-news-bot' })
  // An idle client losing its connection (a restarted server) must not crash the process; the pool replaces it.
  pool.on('error', (err) => logger?.warn({ err: err.message }, 'store: a PostgreSQL connection was lost'))
  const transaction = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }
  try {
    await pool.query('SELECT 1')
  } catch (err) {
    await pool.end().catch(() => undefined)
    throw new Error(`store: cannot connect to PostgreSQL at ${redact(url)} (${(err as Error).message})`, { cause: err })
  }
  const applied = await migrate(transaction)
  if (applied.length > 0) logger?.info({ migrations: applied }, 'store: database schema migrated')
  return { pool, url, transaction, close: () => pool.end() }
}

/** Applies the numbered migrations not yet recorded in `schema_migrations`; returns the names applied. */
async function migrate(transaction: Database['transaction']): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
  return transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    const applied: string[] = []
    for (const file of files) {
      const version = Number(file.slice(0, file.indexOf('_')))
      if (done.has(version)) continue
      await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'))
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file])
      applied.push(file)
    }
    return applied
  })
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(an unparsable DATABASE_URL)'
  }
}
