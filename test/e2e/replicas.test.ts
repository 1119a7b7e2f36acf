/**
 * Two bot processes in webhook mode on one PostgreSQL, fed by the fake Bot API
 * posting updates to each replica's URL: what one replica is told, the other
 * knows; an update delivered to both is handled once; the scheduled digest
 * (pg-boss, DIGEST_CRON every minute) reaches each chat once; and a replica
 * killed with SIGKILL in the middle of a delivery leaves the rest to the other,
 * with no chat sent to twice. Digests go out at most 25 a second bot-wide (one
 * part at a time, on one replica's throttle; 5 of Telegram's 30 stay free for
 * replies). Replies are throttled by each replica for itself.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server.js'
import { entitiesFor, users } from '../helpers/bot-harness.js'
import type { ApiCall } from '../helpers/fake-telegram.js'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js'
import { lastDigestPartAt, startReplica, until, type Replica } from '../helpers/replica.js'

const server = inject('postgresUrl')
const SECRET = 'e2e-webhook-secret-0123456789'

const message = (text: string, chat: { id: number; type: 'private' | 'supergroup' }, messageId = 1) => {
  const entities = entitiesFor(text)
  return {
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat:
        chat.type === 'private'
          ? { id: chat.id, type: 'private' as const, first_name: '小明' }
          : { id: chat.id, type: 'supergroup' as const, title: '科技群' },
      from: users.alice,
      text,
      ...(entities.length ? { entities } : {}),
    },
  }
}
const group = (id: number) => ({ id, type: 'supergroup' as const })
const alice = { id: users.alice.id, type: 'private' as const }

/** Whether a call sends a digest (its first part carries the header; the seed corpus' digest has one part). */
const isDigest = (c: ApiCall) => c.method === 'sendMessage' && String(c.payload.text).includes('科技新闻日报')
/** Digests received by a chat. */
const digestsTo = (calls: ApiCall[], chatId: number) => calls.filter((c) => isDigest(c) && Number(c.payload.chat_id) === chatId).length

describe.skipIf(!server)('two webhook replicas on one PostgreSQL', () => {
  let api: FakeBotApi
  let db: TestDatabase
  let sql: pg.Pool
  const replicas: Replica[] = []
  let a: Replica
  let b: Replica

  const start = async (name: string): Promise<Replica> => {
    const replica = await startReplica({
      name,
      api,
      databaseUrl: db.url,
      secret: SECRET,
      env: { ADMIN_IDS: String(users.alice.id), DIGEST_CRON: '* * * * *', DIGEST_TAKEOVER_SECONDS: '3' },
    })
    replicas.push(replica)
    return replica
  }

  beforeAll(async () => {
    api = await startFakeBotApi({ chatMemberStatus: 'administrator' })
    db = await createTestDatabase(server!, 'replicas')
    sql = new pg.Pool({ connectionString: db.url, max: 2 })
    // One after the other: the first creates the schema, the second finds it.
    a = await start('A')
    b = await start('B')
  }, 120_000)

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.cleanUp(0)))
    await sql?.end()
    await api?.close()
    await db?.drop()
  })

  it('sets the webhook with the secret token from each replica, and refuses a request without it', async () => {
    expect([...api.webhooks]).toEqual([
      [a.url, SECRET],
      [b.url, SECRET],
    ])
    const res = await fetch(a.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ update_id: 9 }),
    })
    expect(res.status).toBe(401)
  })

  it('handles an update Telegram delivers to both replicas once', async () => {
    const first = await api.postUpdate(a.url, message('/search 黄河', alice, 10))
    expect(first.status).toBe(200)
    await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('<b>黄河</b>'))
    const again = await api.postUpdate(b.url, message('/search 黄河', alice, 10), first.updateId)
    expect(again.status).toBe(200)
    const replies = api.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('<b>黄河</b>'))
    expect(replies).toHaveLength(1)
  })

  it('serves through replica B a group subscribed through replica A', async () => {
    await api.postUpdate(a.url, message('/subscribe', group(-1001)))
    await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === -1001)
    await api.postUpdate(b.url, message('/unsubscribe', group(-1001)))
    const answer = await api.waitFor(
      (c) => c.method === 'sendMessage' && c.payload.chat_id === -1001 && String(c.payload.text).includes('取消订阅'),
    )
    expect(answer.payload.text).toContain('已取消订阅每日摘要')
    await api.postUpdate(b.url, message('/subscribe', group(-1001)))
  })

  it('finds through replica B an article an admin uploaded through replica A', async () => {
    const article =
      '青藏高原冻土监测科技工作会议在西宁召开\n2024-05-20\n\n会议部署了冻土监测网络建设任务，要求建成覆盖青藏高原主要冻土区的观测站点。\n会议强调，要加强冻土变化对工程安全影响的研究。\n'
    const fileId = api.addFile(Buffer.from(article))
    await api.postUpdate(a.url, {
      message: {
        message_id: 50,
        date: Math.floor(Date.now() / 1000),
        chat: { id: users.alice.id, type: 'private', first_name: '小明' },
        from: users.alice,
        document: {
          file_id: fileId,
          file_unique_id: fileId,
          file_name: 'permafrost.txt',
          mime_type: 'text/plain',
          file_size: Buffer.byteLength(article),
        },
      },
    })
    await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('青藏高原冻土监测'))
    const afterUpload = api.calls.length
    let found: ApiCall | undefined
    await until(
      async () => {
        await api.postUpdate(b.url, message('/search 冻土监测', alice, 51))
        found = api.calls.slice(afterUpload).find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('青藏高原冻土监测'))
        return found !== undefined
      },
      10_000,
      'replica B to find the uploaded article',
    )
    expect(found!.payload.text).toContain('西宁')
  })

  it('counts updates and searches in /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${a.port}/metrics`)).text()
    expect(text).toMatch(/bot_updates_total\{kind="message"\} [1-9]/)
    expect(text).toMatch(/bot_search_seconds_count [1-9]/)
    expect(text).toContain('digest_sends_total')
  })

  const firstChats = Array.from({ length: 20 }, (_, i) => -2001 - i)

  it('delivers the scheduled digest to each subscribed chat exactly once', async () => {
    for (const [i, chatId] of firstChats.entries()) await api.postUpdate(i % 2 ? b.url : a.url, message('/subscribe', group(chatId)))
    const chats = [-1001, ...firstChats]
    await until(() => chats.every((id) => digestsTo(api.calls, id) >= 1), 150_000, 'every chat to get its digest')
    expect(chats.map((id) => digestsTo(api.calls, id))).toEqual(chats.map(() => 1))
    expect(api.maxSendsPerSecond(isDigest)).toBeLessThanOrEqual(25)
  }, 180_000)

  it('finishes the delivery of a replica killed in the middle of it, sending no chat twice', async () => {
    const newChats = Array.from({ length: 30 }, (_, i) => -3001 - i)
    // Chats are delivered in id order (-3030 first): these eight go out, and their answers never come back.
    const held = new Set(newChats.slice(12, 20))
    api.hold((c) => held.has(Number(c.payload.chat_id)))
    for (const [i, chatId] of newChats.entries()) await api.postUpdate(i % 2 ? b.url : a.url, message('/subscribe', group(chatId)))
    await until(() => [...held].every((id) => digestsTo(api.calls, id) === 1), 150_000, 'the held sends to arrive')
    // The replica delivering is the one that logged a part most recently.
    const [sender, survivor] = lastDigestPartAt(a) > lastDigestPartAt(b) ? [a, b] : [b, a]
    sender.process.kill('SIGKILL')
    await sender.process.exited
    await until(() => newChats.every((id) => digestsTo(api.calls, id) >= 1), 60_000, `the rest of the delivery by ${survivor.name}`)
    await until(
      async () => (await sql.query("SELECT 1 FROM digest_deliveries WHERE state = 'sending'")).rowCount === 0,
      30_000,
      'no chat left sending',
    )
    expect(newChats.map((id) => digestsTo(api.calls, id))).toEqual(newChats.map(() => 1))
    expect([-1001, ...firstChats].map((id) => digestsTo(api.calls, id))).toEqual([-1001, ...firstChats].map(() => 1))
    const { rows } = await sql.query<{ state: string; n: string }>(
      'SELECT state, count(*) AS n FROM digest_deliveries WHERE chat_id = ANY($1) GROUP BY state ORDER BY state',
      [newChats],
    )
    // What the killed replica had sent without an answer is ambiguous: never sent again.
    expect(rows.map((r) => [r.state, Number(r.n)])).toEqual([
      ['ambiguous', 8],
      ['sent', 22],
    ])
    expect(api.maxSendsPerSecond(isDigest)).toBeLessThanOrEqual(25)
  }, 240_000)
})
