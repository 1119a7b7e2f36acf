import type { Queryable } from '../store/pg/database.js'
import { StoreWriteError } from '../store/store.js'
import { DeliveryTakenError, shiftDay, type DeliveryLog, type DeliveryRecord, type DeliveryState } from './delivery-log.js'

interface Row {
  chat_id: string
  day: string
  state: DeliveryState
  parts_sent: number
  at: string
  cursor: number | null
  error: string | null
  run: string | null
}

const COLUMNS = 'chat_id, day, state, parts_sent, at, cursor, error, run'

function toRecord(r: Row): DeliveryRecord {
  return {
    chatId: Number(r.chat_id),
    day: r.day,
    state: r.state,
    partsSent: r.parts_sent,
    at: Number(r.at),
    ...(r.cursor !== null ? { cursor: r.cursor } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
    ...(r.run !== null ? { run: r.run } : {}),
  }
}

/**
 * The delivery log in the `digest_deliveries` table, shared by every replica.
 * A `sending` claim is one conditional upsert: of two replicas claiming the
 * same chat and day, exactly one row update succeeds and the other gets
 * `DeliveryTakenError`, so a chat is never sent to twice however many replicas
 * deliver.
 * @example const log = new PgDeliveryLog(db.pool)
 */
export class PgDeliveryLog implements DeliveryLog {
  constructor(
    private readonly db: Queryable,
    private readonly keepDays = 7,
  ) {}

  async get(chatId: number, day: string): Promise<DeliveryRecord | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM digest_deliveries WHERE chat_id = $1 AND day = $2`, [chatId, day])
    return rows[0] && toRecord(rows[0])
  }

  async put(record: DeliveryRecord): Promise<void> {
    // Only a `sending` claim is conditional: over nothing, over `failed`, or over this run's own `sending`.
    const guard =
      record.state === 'sending'
        ? `WHERE digest_deliveries.state = 'failed' OR (digest_deliveries.state = 'sending' AND digest_deliveries.run = EXCLUDED.run)`
        : ''
    let updated: number
    try {
      const result = await this.db.query(
        `INSERT INTO digest_deliveries (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (chat_id, day) DO UPDATE SET
           state = EXCLUDED.state, parts_sent = EXCLUDED.parts_sent, at = EXCLUDED.at,
           cursor = EXCLUDED.cursor, error = EXCLUDED.error, run = EXCLUDED.run
         ${guard}`,
        [
          record.chatId,
          record.day,
          record.state,
          record.partsSent,
          record.at,
          record.cursor ?? null,
          record.error ?? null,
          record.run ?? null,
        ],
      )
      updated = result.rowCount ?? 0
    } catch (err) {
      throw new StoreWriteError(`store: could not save the delivery record of chat ${record.chatId} (${(err as Error).message})`, {
        cause: err,
      })
    }
    if (updated === 0) {
      throw new DeliveryTakenError(`digest: chat ${record.chatId} is already delivered or being delivered for ${record.day} by another run`)
    }
  }

  async unresolved(): Promise<DeliveryRecord[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM digest_deliveries WHERE state = 'sending' ORDER BY day, chat_id`)
    return rows.map(toRecord)
  }

  /** Forgets records more than `keepDays` older than `today`. */
  async compact(today: string): Promise<void> {
    await this.db.query('DELETE FROM digest_deliveries WHERE day < $1', [shiftDay(today, -this.keepDays)])
  }
}
