/**
 * A replica's HTTP side on a real port: Telegram's webhook requests (secret
 * token, redeliveries, slow updates), /healthz and /metrics, with the whole
 * bot behind it and the fake Telegram beneath its API.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Update } from 'grammy/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpServer } from '../../src/app/http-server.js'
import { createMetrics } from '../../src/app/metrics.js'
import { HandledOnce } from '../../src/bot/middleware/handled-once.js'
import { silentLogger } from '../../src/logger.js'
import { MemoryUpdateInbox } from '../../src/telegram/update-inbox.js'
import { command } from '../helpers/bot-harness.js'
import { createTestBot } from '../helpers/test-bot.js'

const SECRET = 'unit-test-secret-0123456789'
const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r))
})

async function replica(options: { ready?: boolean; answerWithinMs?: number; inbox?: MemoryUpdateInbox } = {}) {
  const inbox = options.inbox ?? new MemoryUpdateInbox()
  const once = new HandledOnce(inbox, silentLogger)
  const metrics = createMetrics()
  let ready = options.ready ?? true
  const t = await createTestBot({ bot: { before: [once.middleware(), metrics.countUpdates()] } })
  const server = createHttpServer({
    bot: () => t.bot,
    webhookPath: '/telegram',
    secret: SECRET,
    ready: () => ready,
    metrics,
    logger: silentLogger,
    ...(options.answerWithinMs !== undefined ? { answerWithinMs: options.answerWithinMs } : {}),
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const post = (update: Update, secret: string | null = SECRET) =>
    fetch(`${base}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    })
  return { t, inbox, base, post, setReady: (r: boolean) => void (ready = r) }
}

describe('the webhook', () => {
  it('answers an update with 200 once it is handled', async () => {
    const { t, post } = await replica()
    const res = await post(command('search', '黄河'))
    expect(res.status).toBe(200)
    expect(t.lastText()).toContain('<b>黄河</b>')
  })

  it('refuses a request without the secret token, or with another one, and handles nothing', async () => {
    const { t, post } = await replica()
    expect((await post(command('search', '黄河'), null)).status).toBe(401)
    expect((await post(command('search', '黄河'), 'not-the-secret-at-all')).status).toBe(401)
    expect(t.api.callsOf('sendMessage')).toHaveLength(0)
  })

  it('handles an update Telegram delivers twice once', async () => {
    const { t, post } = await replica()
    const update = command('search', '铜业')
    await post(update)
    expect((await post(update)).status).toBe(200)
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
  })

  it('answers a slow update in time, finishes it behind, and does not handle its redelivery', async () => {
    const { t, post, inbox } = await replica({ answerWithinMs: 50 })
    let release!: () => void
    const slow = new Promise<void>((r) => (release = r))
    const search = t.library.search.bind(t.library)
    t.library.search = async (q, o) => {
      await slow
      return search(q, o)
    }
    const update = command('search', '煤炭')
    expect((await post(update)).status).toBe(200)
    expect(t.api.callsOf('sendMessage')).toHaveLength(0)
    expect((await post(update)).status).toBe(200)
    release()
    await vi.waitFor(() => expect(t.api.callsOf('sendMessage')).toHaveLength(1))
    expect(await inbox.pending()).toEqual([])
  })

  it('answers and keeps serving when an update cannot be marked handled (it stays open, to be taken over)', async () => {
    const inbox = new MemoryUpdateInbox()
    inbox.done = () => Promise.reject(new Error('store: PostgreSQL went away'))
    const { t, post } = await replica({ inbox })
    expect((await post(command('search', '黄河'))).status).toBe(200)
    expect((await post(command('search', '铜业'))).status).toBe(200)
    expect(t.api.callsOf('sendMessage')).toHaveLength(2)
    expect((await inbox.pending()).length).toBe(2)
  })

  it('says 500 when an update cannot be recorded, so that Telegram delivers it again, and handles nothing', async () => {
    const inbox = new MemoryUpdateInbox()
    inbox.receive = () => Promise.reject(new Error('store: PostgreSQL went away'))
    const { t, post } = await replica({ inbox })
    expect((await post(command('search', '黄河'))).status).toBe(500)
    expect(t.api.callsOf('sendMessage')).toHaveLength(0)
  })

  it('says 503 while the replica is starting, so that Telegram delivers the update again later', async () => {
    const { t, post, setReady } = await replica({ ready: false })
    const update = command('search', '黄河')
    expect((await post(update)).status).toBe(503)
    setReady(true)
    expect((await post(update)).status).toBe(200)
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
  })
})

describe('/healthz and /metrics', () => {
  it('reports starting, then ready once the index is loaded', async () => {
    const { base, setReady } = await replica({ ready: false })
    const before = await fetch(`${base}/healthz`)
    expect([before.status, await before.text()]).toEqual([503, 'starting\n'])
    setReady(true)
    const after = await fetch(`${base}/healthz`)
    expect([after.status, await after.text()]).toEqual([200, 'ready\n'])
  })

  it('counts updates by kind and digest sends, in Prometheus text format', async () => {
    const { base, post } = await replica()
    await post(command('search', '黄河'))
    await post(command('search', '铜业'))
    const res = await fetch(`${base}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toContain('bot_updates_total{kind="message"} 2')
    expect(text).toMatch(/^digest_sends_total 0$/m)
  })
})
