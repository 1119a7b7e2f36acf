import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import type { Logger } from '../logger.js'
import { writeAtomically } from '../store/file-store.js'
import type { Database } from '../store/pg/database.js'
import type { ArticleMeta } from '../search/types.js'
import { openLibrary, type LibraryOptions, type OpenedLibrary } from './library.js'
import type { AddResult, ReloadReport } from './types.js'
import { isTemporaryFile, watchCorpus, type CorpusWatcher } from './watch.js'

/** The channel replicas announce corpus changes on. */
export const CORPUS_CHANNEL = 'corpus_changed'

/** One file of the shared corpus, as the `corpus_files` table lists it (without its bytes). */
export interface CorpusEntry {
  file: string
  bytesHash: string
  addedAt: number
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

/**
 * The corpus in PostgreSQL: every article file with its bytes and the time it
 * first entered the corpus. A change is one transaction, followed by a
 * `NOTIFY corpus_changed` (sent at commit) naming the replica that made it.
 * @example const corpus = new PgCorpus(db, 'replica-a'); await corpus.put([{ file, bytes, addedAt }])
 */
export class PgCorpus {
  constructor(
    private readonly db: Database,
    readonly origin: string,
  ) {}

  async list(): Promise<CorpusEntry[]> {
    const { rows } = await this.db.pool.query<{ file: string; bytes_hash: string; added_at: string }>(
      'SELECT file, bytes_hash, added_at FROM corpus_files ORDER BY file',
    )
    return rows.map((r) => ({ file: r.file, bytesHash: r.bytes_hash, addedAt: Number(r.added_at) }))
  }

  async bytes(file: string): Promise<Buffer | undefined> {
    const { rows } = await this.db.pool.query<{ bytes: Buffer }>('SELECT bytes FROM corpus_files WHERE file = $1', [file])
    return rows[0]?.bytes
  }

  /**
   * Adds or replaces files, keeping a replaced file's first-added time, and
   * removes `removed`, all in one transaction. Returns the added times in force.
   */
  async change(put: Array<{ file: string; bytes: Uint8Array; addedAt: number }>, removed: string[] = []): Promise<Map<string, number>> {
    if (put.length === 0 && removed.length === 0) return new Map()
    return this.db.transaction(async (client) => {
      const addedAt = new Map<string, number>()
      for (const p of put) {
        const { rows } = await client.query<{ added_at: string }>(
          `INSERT INTO corpus_files (file, bytes_hash, added_at, bytes) VALUES ($1, $2, $3, $4)
           ON CONFLICT (file) DO UPDATE SET bytes_hash = EXCLUDED.bytes_hash, bytes = EXCLUDED.bytes, changed_at = clock_timestamp()
           RETURNING added_at`,
          [p.file, sha256(p.bytes), p.addedAt, Buffer.from(p.bytes)],
        )
        addedAt.set(p.file, Number(rows[0]!.added_at))
      }
      if (removed.length > 0) await client.query('DELETE FROM corpus_files WHERE file = ANY($1)', [removed])
      await client.query('SELECT pg_notify($1, $2)', [CORPUS_CHANNEL, JSON.stringify({ origin: this.origin })])
      return addedAt
    })
  }

  /**
   * Calls `onChange` when another replica changed the corpus, and once more
   * after a lost connection is back (changes may have been missed meanwhile).
   * Returns the function that stops listening.
   */
  async listen(onChange: () => void, logger: Pick<Logger, 'warn'>): Promise<() => Promise<void>> {
    let client: pg.Client | undefined
    let stopped = false
    let retry: NodeJS.Timeout | undefined
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: this.db.url })
      c.on('notification', (n) => {
        let origin: string | undefined
        try {
          origin = (JSON.parse(n.payload ?? '{}') as { origin?: string }).origin
        } catch {
          // Not ours to read: take it as a change.
        }
        if (origin !== this.origin) onChange()
      })
      c.on('error', (err) => {
        logger.warn({ err: err.message }, 'library: lost the corpus change feed; reconnecting')
        void c.end().catch(() => undefined)
        if (!stopped) retry = setTimeout(() => void connect().then(onChange, () => undefined), 2000)
      })
      await c.connect()
      await c.query(`LISTEN ${CORPUS_CHANNEL}`)
      client = c
    }
    await connect()
    return async () => {
      stopped = true
      clearTimeout(retry)
      await client?.end().catch(() => undefined)
    }
  }
}

export interface SharedLibraryOptions extends Omit<LibraryOptions, 'addedAt'> {
  db: Database
  /** Names this replica in change notices (default: a random id). */
  origin?: string
}

/** What this replica's SEEDS_DIR holds of the shared corpus: file → bytes hash (`DATA_DIR/corpus-sync.json`). */
type SyncState = Record<string, string>

/**
 * The library of a replica on a shared corpus. Each replica keeps its own
 * in-memory index and local snapshot (as with files), built from its SEEDS_DIR,
 * which it keeps as a copy of the corpus in PostgreSQL:
 * - at start, files the database has are written into SEEDS_DIR (and files it
 *   no longer has are removed); seed files it lacks are added to it;
 * - uploads, removals and `/reload` changes made through this replica are
 *   written to the database in one transaction and announced with NOTIFY;
 * - on another replica's notice, the changed files are written into SEEDS_DIR
 *   and the library reloads (only changed files are read), so an article
 *   uploaded through one replica is searchable through every replica within
 *   about a second.
 * Every article's first-added time comes from the database, so every replica's
 * digest counts the same articles as new.
 * @example const library = await openSharedLibrary({ seedsDir, dataDir, logger, db })
 */
export async function openSharedLibrary(options: SharedLibraryOptions): Promise<OpenedLibrary> {
  const { logger, seedsDir, dataDir } = options
  const corpus = new PgCorpus(options.db, options.origin ?? randomUUID())
  const statePath = join(dataDir, 'corpus-sync.json')
  const state: SyncState = readState(statePath)
  const addedAt = new Map<string, number>()

  /** Makes SEEDS_DIR hold what the database holds: writes what is new or changed, removes what it no longer has. */
  const syncDown = async (): Promise<number> => {
    const entries = await corpus.list()
    let changed = 0
    const listed = new Set<string>()
    for (const e of entries) {
      listed.add(e.file)
      addedAt.set(e.file, e.addedAt)
      // Known and still there (a container re-created with a fresh SEEDS_DIR keeps DATA_DIR, not the files).
      if (state[e.file] === e.bytesHash && existsSync(join(seedsDir, e.file))) continue
      const local = await readFile(join(seedsDir, e.file)).catch(() => undefined)
      if (!local || sha256(local) !== e.bytesHash) {
        const bytes = await corpus.bytes(e.file)
        if (!bytes) continue // removed meanwhile: the next notice says so
        await writeAtomically(join(seedsDir, e.file), bytes)
        changed++
      }
      state[e.file] = e.bytesHash
    }
    for (const file of Object.keys(state)) {
      if (listed.has(file)) continue
      await unlink(join(seedsDir, file)).catch(() => undefined)
      delete state[file]
      addedAt.delete(file)
      changed++
    }
    await saveState()
    return changed
  }

  const saveState = () =>
    writeAtomically(statePath, JSON.stringify(state)).catch((err: unknown) =>
      logger.warn({ err, path: statePath }, 'library: could not save which corpus files SEEDS_DIR holds; the next start checks them all'),
    )

  /** Writes this replica's own changes (files not in the database, or different from it) to the database. */
  const pushUp = async (articles: ArticleMeta[], removedFiles: string[]): Promise<void> => {
    const put: Array<{ file: string; bytes: Uint8Array; addedAt: number }> = []
    for (const meta of articles) {
      const bytes = await readFile(join(seedsDir, meta.file)).catch(() => undefined)
      if (!bytes || state[meta.file] === sha256(bytes)) continue
      put.push({ file: meta.file, bytes, addedAt: meta.addedAt })
    }
    const removed = removedFiles.filter((f) => f in state)
    if (put.length === 0 && removed.length === 0) return
    const inForce = await corpus.change(put, removed)
    for (const p of put) {
      state[p.file] = sha256(p.bytes)
      addedAt.set(p.file, inForce.get(p.file) ?? p.addedAt)
    }
    for (const f of removed) {
      delete state[f]
      addedAt.delete(f)
    }
    await saveState()
    logger.info({ added: put.length, removed: removed.length }, 'library: shared corpus updated')
  }

  // A fresh DATA_DIR knows no file: each one the database has is checked once against SEEDS_DIR.
  await syncDown()
  const library = await openLibrary({ ...options, watch: false, addedAt: (file) => addedAt.get(file) })
  // Seed files the database lacks (a first start, files put into SEEDS_DIR by hand) join the shared corpus.
  await pushUp(library.listArticles(), [])

  // Changes announced by other replicas: one sync and reload at a time; notices during one lead to one more.
  let syncing: Promise<void> | undefined
  let again = false
  const onNotice = () => {
    if (syncing) {
      again = true
      return
    }
    syncing = (async () => {
      do {
        again = false
        try {
          if ((await syncDown()) > 0) await library.reload()
        } catch (err) {
          logger.error({ err }, 'library: could not apply a change of the shared corpus; retried at the next change')
        }
      } while (again)
    })().finally(() => (syncing = undefined))
  }
  const unlisten = await corpus.listen(onNotice, logger)

  const shared: OpenedLibrary = {
    search: (query, opts) => library.search(query, opts),
    getArticle: (id) => library.getArticle(id),
    listArticles: () => library.listArticles(),
    stats: () => library.stats(),
    get reloading() {
      return library.reloading
    },
    reload: async (): Promise<ReloadReport> => {
      const report = await library.reload()
      // Files this replica's folder holds that the database has not (or differently), and files removed from it.
      const onDisk = new Set((await readdir(seedsDir)).filter((f) => !isTemporaryFile(f)))
      await pushUp(
        [...report.added, ...report.changed],
        report.removed.map((m) => m.file).filter((f) => !onDisk.has(f)),
      )
      return report
    },
    addArticle: async (bytes): Promise<AddResult> => {
      const result = await library.addArticle(bytes)
      if (result.ok) await pushUp([result.article], [])
      return result
    },
    removeArticle: async (id) => {
      const meta = await library.removeArticle(id)
      if (meta) await pushUp([], [meta.file])
      return meta
    },
    close: async () => {
      watcher?.close()
      await unlisten()
      await syncing
      await library.close()
    },
  }
  const watcher: CorpusWatcher | undefined = options.watch
    ? watchCorpus(seedsDir, async () => void (await shared.reload()), {
        onError: (err) => logger.warn({ err }, 'library: watch reload failed'),
      })
    : undefined
  return shared
}

function readState(path: string): SyncState {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as SyncState) : {}
  } catch {
    return {}
  }
}
