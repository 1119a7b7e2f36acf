import type { Update } from 'grammy/types'
import type { Queryable } from '../store/pg/database.js'
import { StoreWriteError } from '../store/store.js'
import type { UpdateInbox } from './update-inbox.js'

export interface PgUpdateInboxOptions {
  /**
   * How long an update taken by one replica is left to it: after that, `pending()`
   * of any replica takes it over (its replica died while handling it). Default 60 s,
   * well above the longest handling a webhook answer waits for.
   */
  leaseMs?: number
  /** Handled update ids are remembered this long to recognise a redelivery (default one day). */
  keepHandledMs?: number
}

/**
 * The update inbox in the `update_inbox` table, shared by every replica: the
 * same update delivered to two replicas (Telegram redelivers a webhook update
 * whose answer was slow) is received by exactly one of them, since the insert
 * of an update id succeeds once. An update whose replica died before `done` is
 * taken over by another replica's `pending()` once its lease has run out.
 * @example const inbox = new PgUpdateInbox(db.pool, { leaseMs: 60_000 })
 */
export class PgUpdateInbox implements UpdateInbox {
  private readonly leaseMs: number
  private readonly keepHandledMs: number
  private dones = 0

  constructor(
    private readonly db: Queryable,
    options: PgUpdateInboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000
    this.keepHandledMs = options.keepHandledMs ?? 24 * 3600_000
  }

  async receive(updates: readonly Update[]): Promise<Update[]> {
    if (updates.length === 0) return []
    const ids = updates.map((u) => u.update_id)
    let inserted: Set<number>
    try {
      const { rows } = await this.db.query<{ update_id: string }>(
        `INSERT INTO update_inbox (update_id, body)
         SELECT * FROM unnest($1::bigint[], $2::jsonb[])
         ON CONFLICT (update_id) DO NOTHING
         RETURNING update_id`,
        [ids, updates.map((u) => JSON.stringify(u))],
      )
      inserted = new Set(rows.map((r) => Number(r.update_id)))
    } catch (err) {
      throw new StoreWriteError(`store: could not record updates in PostgreSQL (${(err as Error).message})`, { cause: err })
    }
    return updates.filter((u) => inserted.has(u.update_id))
  }

  async done(updateId: number): Promise<void> {
    try {
      await this.db.query('UPDATE update_inbox SET done_at = clock_timestamp() WHERE update_id = $1', [updateId])
      // Handled ids are kept a day (a redelivery comes within minutes); older ones go now and then.
      if (++this.dones % 500 === 0) {
        await this.db.query(`DELETE FROM update_inbox WHERE done_at < clock_timestamp() - $1 * interval '1 millisecond'`, [
          this.keepHandledMs,
        ])
      }
    } catch (err) {
      throw new StoreWriteError(`store: could not mark update ${updateId} handled (${(err as Error).message})`, { cause: err })
    }
  }

  /** Takes over the updates not handled whose lease has run out (each goes to one replica), oldest first. */
  async pending(): Promise<Update[]> {
    const { rows } = await this.db.query<{ body: Update }>(
      `UPDATE update_inbox SET claimed_at = clock_timestamp()
       WHERE update_id IN (
         SELECT update_id FROM update_inbox
         WHERE done_at IS NULL AND claimed_at <= clock_timestamp() - $1 * interval '1 millisecond'
         ORDER BY update_id LIMIT 1000
         FOR UPDATE SKIP LOCKED)
       RETURNING body`,
      [this.leaseMs],
    )
    return rows.map((r) => r.body).sort((a, b) => a.update_id - b.update_id)
  }
}
