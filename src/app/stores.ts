import { join } from 'node:path'
import type { ChatSettings } from '../bot/deps.js'
import type { SavedSearch } from '../bot/helpers/search-memory.js'
import type { Config } from '../config.js'
import type { DigestState } from '../digest/create-digest.js'
import { FileDeliveryLog, type DeliveryLog } from '../digest/delivery-log.js'
import { PgDeliveryLog } from '../digest/pg-delivery-log.js'
import { localDay } from '../digest/scheduler.js'
import { isSubscription, type Subscription } from '../digest/subscriptions.js'
import type { Logger } from '../logger.js'
import { JsonFileStore } from '../store/file-store.js'
import { JsonLinesStore } from '../store/lines-store.js'
import type { Database } from '../store/pg/database.js'
import { PgStore } from '../store/pg/pg-store.js'
import type { Store } from '../store/store.js'
import { PgUpdateInbox } from '../telegram/pg-update-inbox.js'
import { FileUpdateInbox, type UpdateInbox } from '../telegram/update-inbox.js'

/** Saved searches kept for page buttons (the least recently used beyond it are forgotten). */
const SAVED_SEARCHES = 5000

/** Every store of a running bot, on one backend. */
export interface Stores {
  backend: 'files' | 'postgres'
  chatSettings: Store<ChatSettings>
  savedSearches: Store<SavedSearch>
  subscriptions: Store<Subscription>
  deliveryLog: DeliveryLog
  digestState: Store<DigestState>
  inbox: UpdateInbox
  /** Waits for pending writes and closes files (the database is closed by its owner). */
  close(): Promise<void>
}

/**
 * The stores in files under DATA_DIR (one process), as `npm start` has always
 * kept them. A corrupt subscriptions file stops start-up (`CorruptStoreError`).
 * @example const stores = await openFileStores(config, logger)
 */
export async function openFileStores(config: Pick<Config, 'dataDir' | 'digestTz'>, logger: Logger): Promise<Stores> {
  const savedSearches = new JsonLinesStore<SavedSearch>(join(config.dataDir, 'searches.jsonl'), { logger, maxEntries: SAVED_SEARCHES })
  const inbox = new FileUpdateInbox(join(config.dataDir, 'updates.jsonl'), logger)
  const deliveryLog = await FileDeliveryLog.open(join(config.dataDir, 'digest-deliveries.jsonl'), {
    today: localDay(Date.now(), config.digestTz),
    logger,
  })
  return {
    backend: 'files',
    chatSettings: new JsonFileStore<ChatSettings>(join(config.dataDir, 'chat-settings.json'), { logger }),
    savedSearches,
    // Nothing else can rebuild subscriptions: a corrupt file stops start-up; a bad entry is skipped.
    subscriptions: new JsonFileStore<Subscription>(join(config.dataDir, 'subscriptions.json'), { isEntry: isSubscription, logger }),
    deliveryLog,
    // The last run's summary and the scheduled run's progress: lost without harm, so a damaged file starts empty.
    digestState: new JsonFileStore<DigestState>(join(config.dataDir, 'digest-state.json'), { onCorrupt: 'start-empty', logger }),
    inbox,
    close: async () => {
      await Promise.all([savedSearches.close(), inbox.close(), deliveryLog.close()])
    },
  }
}

/**
 * The stores in PostgreSQL, shared by every replica. `inboxLeaseMs` is how long
 * an update taken by one replica is left to it (0 with long polling: one
 * process, which takes over at start whatever its predecessor left).
 * @example const stores = openPgStores(db, logger, { inboxLeaseMs: 60_000 })
 */
export function openPgStores(db: Database, logger: Logger, options: { inboxLeaseMs: number }): Stores {
  return {
    backend: 'postgres',
    chatSettings: new PgStore<ChatSettings>(db.pool, 'chat-settings', { logger }),
    savedSearches: new PgStore<SavedSearch>(db.pool, 'saved-searches', { logger, maxEntries: SAVED_SEARCHES }),
    subscriptions: new PgStore<Subscription>(db.pool, 'subscriptions', { isEntry: isSubscription, logger }),
    deliveryLog: new PgDeliveryLog(db.pool),
    digestState: new PgStore<DigestState>(db.pool, 'digest-state', { logger }),
    inbox: new PgUpdateInbox(db.pool, { leaseMs: options.inboxLeaseMs }),
    close: async () => undefined,
  }
}
