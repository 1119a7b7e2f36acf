/**
 * One suite, every backend: `Store<T>`, `DeliveryLog` and `UpdateInbox` must
 * behave the same in memory, in files and in PostgreSQL, since nothing above
 * them knows which one runs. Backends that persist are also reopened; the
 * PostgreSQL ones are also opened twice at once, as two replicas would.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  DeliveryTakenError,
  FileDeliveryLog,
  MemoryDeliveryLog,
  type DeliveryLog,
  type DeliveryRecord,
} from '../../src/digest/delivery-log.js'
import { PgDeliveryLog } from '../../src/digest/pg-delivery-log.js'
import { JsonFileStore } from '../../src/store/file-store.js'
import { JsonLinesStore } from '../../src/store/lines-store.js'
import { openDatabase, type Database } from '../../src/store/pg/database.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { MemoryStore, type Store } from '../../src/store/store.js'
import { PgUpdateInbox } from '../../src/telegram/pg-update-inbox.js'
import { FileUpdateInbox, MemoryUpdateInbox, type UpdateInbox } from '../../src/telegram/update-inbox.js'
import { users } from '../helpers/bot-harness.js'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js'

const server = inject('postgresUrl')
let testDb: TestDatabase | undefined
let db: Database | undefined
const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'store-contract-'))
  dirs.push(d)
  return d
}

beforeAll(async () => {
  if (!server) return
  testDb = await createTestDatabase(server, 'stores')
  db = await openDatabase(testDb.url)
})
afterAll(async () => {
  await db?.close()
  await testDb?.drop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** How a backend is opened: `open` gives a fresh one; `reopen` opens the same data again (a restart, another replica). */
interface Backend<S> {
  name: string
  /** Needs PostgreSQL. */
  pg?: boolean
  open(): Promise<{ store: S; reopen?: () => Promise<S> }>
}

let namespaces = 0
const nextNamespace = () => `contract-${++namespaces}`

interface Settings {
  locale: string
  topics?: string[]
}

const stores: Array<Backend<Store<Settings>>> = [
  { name: 'memory', open: async () => ({ store: new MemoryStore<Settings>() }) },
  {
    name: 'JSON file',
    open: async () => {
      const path = join(tempDir(), 'store.json')
      return { store: new JsonFileStore<Settings>(path), reopen: async () => new JsonFileStore<Settings>(path) }
    },
  },
  {
    name: 'JSON lines',
    open: async () => {
      const path = join(tempDir(), 'store.jsonl')
      const first = new JsonLinesStore<Settings>(path)
      return {
        store: first,
        reopen: async () => {
          await first.close()
          return new JsonLinesStore<Settings>(path)
        },
      }
    },
  },
  {
    name: 'PostgreSQL',
    pg: true,
    open: async () => {
      const ns = nextNamespace()
      return { store: new PgStore<Settings>(db!.pool, ns), reopen: async () => new PgStore<Settings>(db!.pool, ns) }
    },
  },
]

const skip = (b: { pg?: boolean }) => b.pg === true && !server
/** Tests of what survives a reopen: not defined at all for the memory backends, which keep nothing. */
const ifPersistent = (b: { name: string; pg?: boolean }) => (b.name === 'memory' ? () => undefined : it.skipIf(skip(b)))

describe.each(stores)('a store ($name)', (backend) => {
  it.skipIf(skip(backend))('reads back what was written, and nothing for a key never written', async () => {
    const { store } = await backend.open()
    await store.write('-100200300', { locale: 'zh-Hant', topics: ['黄河', '铜业'] })
    expect(await store.read('-100200300')).toEqual({ locale: 'zh-Hant', topics: ['黄河', '铜业'] })
    expect(await store.read('1001')).toBeUndefined()
  })

  it.skipIf(skip(backend))('replaces on a second write, forgets on delete, and lists every entry', async () => {
    const { store } = await backend.open()
    await store.write('a', { locale: 'en' })
    await store.write('b', { locale: 'zh-Hans' })
    await store.write('a', { locale: 'zh-Hant' })
    await store.delete('b')
    await store.delete('never-written')
    expect(await store.entries()).toEqual([['a', { locale: 'zh-Hant' }]])
  })

  it.skipIf(skip(backend))('hands out copies: changing what was read changes nothing stored', async () => {
    const { store } = await backend.open()
    await store.write('a', { locale: 'en', topics: ['煤炭'] })
    const read = (await store.read('a'))!
    read.topics!.push('改了')
    expect(await store.read('a')).toEqual({ locale: 'en', topics: ['煤炭'] })
  })

  ifPersistent(backend)('keeps every entry across a reopen', async () => {
    const { store, reopen } = await backend.open()
    await store.write('1001', { locale: 'zh-Hans' })
    await store.write('-100', { locale: 'en' })
    await store.delete('1001')
    const again = await reopen!()
    expect(await again.entries()).toEqual([['-100', { locale: 'en' }]])
  })
})

const record = (chatId: number, state: DeliveryRecord['state'], run = 'run-a', day = '2024-06-02'): DeliveryRecord => ({
  chatId,
  day,
  state,
  partsSent: state === 'sent' ? 1 : 0,
  at: 1_717_300_000_000,
  run,
  ...(state === 'sent' ? { cursor: 1_717_200_000_000 } : {}),
})

const logs: Array<Backend<DeliveryLog>> = [
  { name: 'memory', open: async () => ({ store: new MemoryDeliveryLog() }) },
  {
    name: 'file',
    open: async () => {
      const path = join(tempDir(), 'log.jsonl')
      const first = await FileDeliveryLog.open(path)
      return {
        store: first,
        reopen: async () => {
          await first.close()
          return FileDeliveryLog.open(path)
        },
      }
    },
  },
  {
    name: 'PostgreSQL',
    pg: true,
    open: async () => {
      await db!.pool.query('TRUNCATE digest_deliveries')
      return { store: new PgDeliveryLog(db!.pool), reopen: async () => new PgDeliveryLog(db!.pool) }
    },
  },
]

describe.each(logs)('a delivery log ($name)', (backend) => {
  it.skipIf(skip(backend))('gives the latest record of a chat and day, and nothing for another day', async () => {
    const { store: log } = await backend.open()
    await log.put(record(-1, 'sending'))
    await log.put(record(-1, 'sent'))
    expect(await log.get(-1, '2024-06-02')).toEqual(record(-1, 'sent'))
    expect(await log.get(-1, '2024-06-03')).toBeUndefined()
  })

  it.skipIf(skip(backend))('lists the chats still sending, of any day', async () => {
    const { store: log } = await backend.open()
    await log.put(record(-1, 'sending', 'run-a', '2024-06-01'))
    await log.put(record(-2, 'sending'))
    await log.put(record(-2, 'sent'))
    expect((await log.unresolved()).map((r) => [r.chatId, r.day])).toEqual([[-1, '2024-06-01']])
  })

  it.skipIf(skip(backend))('refuses a claim to send to a chat already sent to, or being sent to by another run', async () => {
    const { store: log } = await backend.open()
    await log.put(record(-1, 'sent'))
    await log.put(record(-2, 'sending', 'run-a'))
    await expect(log.put(record(-1, 'sending', 'run-b'))).rejects.toThrow(DeliveryTakenError)
    await expect(log.put(record(-2, 'sending', 'run-b'))).rejects.toThrow(DeliveryTakenError)
    expect((await log.get(-1, '2024-06-02'))?.state).toBe('sent')
    expect((await log.get(-2, '2024-06-02'))?.run).toBe('run-a')
  })

  it.skipIf(skip(backend))('lets a run resume a failed chat, and its own next part', async () => {
    const { store: log } = await backend.open()
    await log.put(record(-1, 'failed', 'run-a'))
    await log.put(record(-1, 'sending', 'run-b'))
    await log.put({ ...record(-1, 'sending', 'run-b'), partsSent: 1 })
    expect(await log.get(-1, '2024-06-02')).toMatchObject({ state: 'sending', run: 'run-b', partsSent: 1 })
  })

  it.skipIf(skip(backend))('grants exactly one of two runs claiming the same chat at once', async () => {
    const { store: log, reopen } = await backend.open()
    const other = backend.pg ? await reopen!() : log
    const claims = await Promise.allSettled([log.put(record(-7, 'sending', 'run-a')), other.put(record(-7, 'sending', 'run-b'))])
    expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1)
    expect(claims.filter((c) => c.status === 'rejected' && c.reason instanceof DeliveryTakenError)).toHaveLength(1)
  })

  ifPersistent(backend)('keeps every record across a reopen', async () => {
    const { store: log, reopen } = await backend.open()
    await log.put(record(-1, 'sent'))
    await log.put(record(-2, 'failed'))
    const again = await reopen!()
    expect((await again.get(-1, '2024-06-02'))?.state).toBe('sent')
    expect((await again.get(-2, '2024-06-02'))?.state).toBe('failed')
  })

  ifPersistent(backend)('forgets days older than a week when compacted', async () => {
    const { store: log } = await backend.open()
    await log.put(record(-1, 'sent', 'run-a', '2024-05-01'))
    await log.put(record(-1, 'sent', 'run-a', '2024-06-01'))
    await log.compact!('2024-06-02')
    expect(await log.get(-1, '2024-05-01')).toBeUndefined()
    expect((await log.get(-1, '2024-06-01'))?.state).toBe('sent')
  })
})

let updateIds = 500
const update = (text: string): Update => ({
  update_id: ++updateIds,
  message: { message_id: updateIds, date: 1_717_000_000, chat: { id: 1001, type: 'private', first_name: '小明' }, from: users.alice, text },
})

const inboxes: Array<Backend<UpdateInbox>> = [
  { name: 'memory', open: async () => ({ store: new MemoryUpdateInbox() }) },
  {
    name: 'file',
    open: async () => {
      const path = join(tempDir(), 'updates.jsonl')
      const first = new FileUpdateInbox(path)
      return {
        store: first,
        reopen: async () => {
          await first.close()
          return new FileUpdateInbox(path)
        },
      }
    },
  },
  {
    name: 'PostgreSQL',
    pg: true,
    open: async () => {
      await db!.pool.query('TRUNCATE update_inbox')
      // No lease: a reopened inbox (a restart) takes over what is open at once, as the file one does.
      return { store: new PgUpdateInbox(db!.pool, { leaseMs: 0 }), reopen: async () => new PgUpdateInbox(db!.pool, { leaseMs: 0 }) }
    },
  },
]

describe.each(inboxes)('an update inbox ($name)', (backend) => {
  it.skipIf(skip(backend))('hands over each update once, in order, however often it is received', async () => {
    const { store: inbox } = await backend.open()
    const [a, b] = [update('/search 黄河'), update('中国铜业的会议在哪里召开？')]
    expect(await inbox.receive([a, b])).toEqual([a, b])
    expect(await inbox.receive([b])).toEqual([])
    await inbox.done(a.update_id)
    expect(await inbox.receive([a])).toEqual([])
  })

  it.skipIf(skip(backend))('lists what was received and not handled, oldest first', async () => {
    const { store: inbox } = await backend.open()
    const [a, b, c] = [update('一'), update('二'), update('三')]
    await inbox.receive([a, b, c])
    await inbox.done(b.update_id)
    expect(await inbox.pending()).toEqual([a, c])
  })

  ifPersistent(backend)('after a restart, still knows what is pending and what was handled', async () => {
    const { store: inbox, reopen } = await backend.open()
    const [a, b] = [update('/read abc'), update('/lang')]
    await inbox.receive([a, b])
    await inbox.done(a.update_id)
    const again = await reopen!()
    expect(await again.pending()).toEqual([b])
    expect(await again.receive([a, b])).toEqual([])
  })
})

describe.skipIf(!server)('the update inbox shared by two replicas', () => {
  it('gives an update delivered to both replicas to exactly one', async () => {
    await db!.pool.query('TRUNCATE update_inbox')
    const [a, b] = [new PgUpdateInbox(db!.pool), new PgUpdateInbox(db!.pool)]
    const u = update('/search 煤炭')
    const [toA, toB] = await Promise.all([a.receive([u]), b.receive([u])])
    expect(toA.length + toB.length).toBe(1)
  })

  it('leaves an update to its replica during the lease, then lets one other replica take it over', async () => {
    await db!.pool.query('TRUNCATE update_inbox')
    const u = update('/digest')
    await new PgUpdateInbox(db!.pool).receive([u])
    expect(await new PgUpdateInbox(db!.pool, { leaseMs: 60_000 }).pending()).toEqual([])
    const [b, c] = [new PgUpdateInbox(db!.pool, { leaseMs: 0 }), new PgUpdateInbox(db!.pool, { leaseMs: 50 })]
    expect(await b.pending()).toEqual([u])
    // Taken over by b just now: c waits for b's lease in turn.
    expect(await c.pending()).toEqual([])
  })
})
