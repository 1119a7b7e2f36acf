import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Api } from 'grammy'
import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { MemoryDeliveryLog } from '../../src/digest/delivery-log.js'
import { createDigest, type CreateDigestOptions } from '../../src/digest/create-digest.js'
import type { Subscription } from '../../src/digest/subscriptions.js'
import { silentLogger } from '../../src/logger.js'
import { MemoryStore } from '../../src/store/store.js'
import { telegramTransformers } from '../../src/telegram/retry.js'
import { Throttle } from '../../src/telegram/throttle.js'
import { TEST_TOKEN } from '../helpers/bot-harness.js'
import { createFakeTelegram, type Fault, type FakeTelegram } from '../helpers/fake-telegram.js'
import { VirtualClock } from '../helpers/virtual-clock.js'
import { article, seedArticles, TestLibrary } from './seed-articles.js'
import { inventedWindow } from './story-articles.js'

// 2024-06-02 08:00 in Asia/Shanghai.
const MORNING = Date.UTC(2024, 5, 2, 0, 0)
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'digest-delivery-'))
  dirs.push(d)
  return d
}

interface Setup {
  chats?: number[]
  fault?: (chatId: number, attempt: number) => Fault | undefined
  dataDir?: string
  memory?: boolean
  sendEmpty?: boolean
  library?: TestLibrary
  subscriptions?: MemoryStore<Subscription>
  log?: MemoryDeliveryLog
  concurrency?: number
}

/**
 * The bot's API as production builds it (the retry policy on top), with the fake
 * Telegram beneath it, where the network would be. Returns the fake.
 */
function telegramApi(
  clock: VirtualClock,
  fault?: (chatId: number, attempt: number) => Fault | undefined,
): { api: Api; telegram: FakeTelegram } {
  const telegram = createFakeTelegram({
    clock,
    ...(fault
      ? { fault: (call, attempt) => (call.method === 'sendMessage' ? fault(Number(call.payload.chat_id), attempt) : undefined) }
      : {}),
  })
  const api = new Api(TEST_TOKEN)
  api.config.use(telegram.transformer)
  for (const t of telegramTransformers(silentLogger, new Throttle(clock))) api.config.use(t)
  return { api, telegram }
}

async function setup(s: Setup = {}) {
  const clock = new VirtualClock(MORNING)
  const { api: botApi, telegram: api } = telegramApi(clock, s.fault)
  const library = s.library ?? new TestLibrary(seedArticles())
  const dataDir = s.dataDir ?? tempDir()
  const memory = s.memory ?? true
  const subscriptions = s.subscriptions ?? new MemoryStore<Subscription>()
  const log = s.log ?? new MemoryDeliveryLog()
  const options: CreateDigestOptions = {
    config: parseConfig({ DATA_DIR: dataDir, DIGEST_SEND_EMPTY: s.sendEmpty ? 'true' : 'false' }),
    library,
    logger: silentLogger,
    clock,
    api: botApi,
    ...(memory ? { subscriptionStore: subscriptions, deliveryLog: log, stateStore: new MemoryStore() } : {}),
    ...(s.concurrency ? { concurrency: s.concurrency } : {}),
  }
  const digest = await createDigest(options)
  for (const chatId of s.chats ?? []) await digest.service.subscribe(chatId, {})
  return { clock, api, library, digest, subscriptions, log, dataDir }
}

const groups = (n: number) => Array.from({ length: n }, (_, i) => -100000 - i)

describe('scheduled delivery', () => {
  it('sends every subscribed chat its digest once, and a second run the same day sends nothing', async () => {
    const { api, digest } = await setup({ chats: [...groups(5), 42] })
    const first = await digest.runOnce()
    expect(first).toMatchObject({ sent: 6, failed: 0 })
    const perChat = api.countByChat()
    expect(perChat.size).toBe(6)
    const messages = api.delivered.length
    const second = await digest.runOnce()
    expect(second).toMatchObject({ sent: 0, skipped: 6 })
    expect(api.delivered.length).toBe(messages)
    expect(api.delivered[0]!.text).toContain('科技新闻日报')
  })

  it('covers only what was added since the chat’s previous digest, and skips a day with nothing new', async () => {
    const library = new TestLibrary(seedArticles(), Date.UTC(2024, 5, 1))
    const { api, digest, clock } = await setup({ chats: [-1001], library })
    await digest.runOnce({ day: '2024-06-02' })
    expect(api.delivered.at(-1)!.text).toContain('本期 5 篇新文章')

    library.add(
      article(
        'n1',
        '量子计算产业化推进会召开',
        ['会议指出，量子计算是新一轮科技革命的战略制高点，要加快量子计算原型机研制。'],
        '2024-06-02',
      ),
      clock.now() + 1,
    )
    await digest.runOnce({ day: '2024-06-03' })
    const text = api.delivered.at(-1)!.text
    expect(text).toContain('本期 1 篇新文章')
    expect(text).toContain('/read_n1')
    expect(text).not.toContain('/read_7d3c0c2c')

    const before = api.delivered.length
    const quiet = await digest.runOnce({ day: '2024-06-04' })
    expect(api.delivered.length).toBe(before)
    expect(quiet.skipped).toBe(1)
  })

  it('sends a short note on a day with nothing new when DIGEST_SEND_EMPTY is set', async () => {
    const { api, digest } = await setup({ chats: [-1001], sendEmpty: true })
    await digest.runOnce({ day: '2024-06-02' })
    await digest.runOnce({ day: '2024-06-03' })
    expect(api.delivered.at(-1)!.text).toContain('没有新文章')
  })

  it('does not move the schedule when /digest shows the digest now', async () => {
    const { api, digest } = await setup({ chats: [-1001] })
    const preview = await digest.service.preview(-1001, 'zh-Hant')
    expect(preview.map((p) => p.text).join('\n')).toContain('科技新聞日報')
    expect(api.delivered).toHaveLength(0)
    await digest.runOnce()
    expect(api.delivered[0]!.text).toContain('本期 5 篇新文章')
  })

  it('shows each chat its digest in the chat’s script', async () => {
    const clock = new VirtualClock(MORNING)
    const { api: botApi, telegram: api } = telegramApi(clock)
    const digest = await createDigest({
      config: parseConfig({ DATA_DIR: tempDir() }),
      library: new TestLibrary(seedArticles()),
      logger: silentLogger,
      clock,
      api: botApi,
      subscriptionStore: new MemoryStore(),
      deliveryLog: new MemoryDeliveryLog(),
      stateStore: new MemoryStore(),
      localeOf: async (chatId) => (chatId === -2 ? 'zh-Hant' : undefined),
    })
    await digest.service.subscribe(-1, {})
    await digest.service.subscribe(-2, {})
    await digest.runOnce()
    const byChat = new Map(api.delivered.map((d) => [d.chatId, d.text]))
    expect(byChat.get(-1)).toContain('中国煤炭地质总局')
    expect(byChat.get(-2)).toContain('中國煤炭地質總局')
    expect(byChat.get(-2)).not.toContain('中国煤炭')
  })
})

describe('stories across days', () => {
  const day1 = Date.UTC(2031, 4, 8)
  const day2 = Date.UTC(2031, 4, 9, 12)

  /** Day 1: everything but the launch's last report; day 2: that report and one unrelated article. */
  function twoDays() {
    const all = inventedWindow()
    const library = new TestLibrary(
      all.filter((a) => a.id !== 'sat4' && a.id !== 'sc1'),
      day1,
    )
    const later = all.filter((a) => a.id === 'sat4' || a.id === 'sc1')
    return { library, later }
  }

  it('shows a story again the next day only with its new articles, saying so, and not the story with nothing new', async () => {
    const { library, later } = twoDays()
    const { api, digest } = await setup({ chats: [42], library })
    await digest.runOnce({ day: '2031-05-08' })
    const first = api.delivered.map((d) => d.text).join('\n')
    expect(first).toMatch(/天枢三号/)
    expect(first).toMatch(/海棠/)
    for (const a of later) library.add(a, day2)
    api.delivered.splice(0)
    await digest.runOnce({ day: '2031-05-09' })
    const second = api.delivered.map((d) => d.text).join('\n')
    expect(second).toMatch(/天枢三号.*（续，新增 1 篇）/)
    expect(second).toContain('/read_sat4')
    expect(second).not.toContain('/read_sat1')
    expect(second).not.toMatch(/海棠/)
  })

  it('gives a group one message with a button for the full list, and a private chat the full form', async () => {
    const { library } = twoDays()
    const { api, digest } = await setup({ chats: [-1001, 42], library })
    await digest.runOnce({ day: '2031-05-08' })
    const group = api.callsOf('sendMessage').filter((c) => c.payload.chat_id === -1001)
    expect(group).toHaveLength(1)
    expect(String(group[0]!.payload.text).length).toBeLessThanOrEqual(4096)
    expect(group[0]!.payload.reply_markup.inline_keyboard[0][0]).toEqual({ text: '📋 完整列表', callback_data: 'dg:20310508' })
    const personal = api.callsOf('sendMessage').filter((c) => c.payload.chat_id === 42)
    expect(personal.map((c) => String(c.payload.text)).join('\n')).toContain('<i>')
    expect(personal.every((c) => c.payload.reply_markup === undefined)).toBe(true)
  })
})

describe('exactly once', () => {
  it('never sends a second copy after a restart in the middle of a delivery', async () => {
    const dataDir = tempDir()
    const chats = groups(6)
    // The process dies right after the fourth chat's message reached Telegram, before it was recorded.
    const crashAt = chats[3]!
    const first = await setup({
      chats,
      dataDir,
      memory: false,
      concurrency: 1,
      fault: (id) => (id === crashAt ? { kind: 'crash' } : undefined),
    })
    void first.digest.runOnce()
    await first.api.crashed

    // Restart: new process state, same files.
    const second = await setup({ dataDir, memory: false })
    const summary = await second.digest.runOnce()
    // The crashed chat's message did arrive: it is not sent again; everyone not reached yet is.
    expect(summary).toMatchObject({ ambiguous: 1, sent: chats.length - first.api.delivered.length })

    const total = new Map<number, number>()
    for (const d of [...first.api.delivered, ...second.api.delivered]) total.set(d.chatId, (total.get(d.chatId) ?? 0) + 1)
    for (const chat of chats) expect(total.get(chat), String(chat)).toBe(1)

    // A third start the same day changes nothing.
    const third = await setup({ dataDir, memory: false })
    await third.digest.runOnce()
    expect(third.api.delivered).toHaveLength(0)
  })

  it('resolves a sending record a crash left for a chat with its own time, so the next day repeats nothing', async () => {
    const log = new MemoryDeliveryLog()
    const library = new TestLibrary(seedArticles(), Date.UTC(2024, 5, 1))
    const { api, digest } = await setup({ log, library })
    await digest.service.subscribe(-1001, { time: '07:30' })
    const newest = Math.max(...library.listArticles().map((m) => m.addedAt))
    // Yesterday's run for this chat stopped between its send and its record.
    await log.put({
      chatId: -1001,
      day: '2024-06-01',
      state: 'sending',
      partsSent: 0,
      at: MORNING - 86_400_000,
      cursor: newest,
      run: 'crashed',
    })
    // Today's scheduled run (for other chats) resolves it: ambiguous, cursor moved.
    await digest.runOnce({ day: '2024-06-02' })
    expect((await log.get(-1001, '2024-06-01'))?.state).toBe('ambiguous')
    expect((await digest.service.subscription(-1001))?.coveredUntil).toBe(newest)
    // Its own run today finds nothing new: yesterday's articles do not go out again.
    expect(await digest.runOnce({ all: true, day: '2024-06-02' })).toMatchObject({ sent: 0 })
    expect(api.delivered).toHaveLength(0)
  })

  it('repairs a cursor a crash left behind after the digest was recorded as sent, without sending again', async () => {
    const log = new MemoryDeliveryLog()
    const { api, digest, library } = await setup({ chats: [-1001], log })
    const newest = Math.max(...library.listArticles().map((m) => m.addedAt))
    await log.put({ chatId: -1001, day: '2024-06-02', state: 'sent', partsSent: 1, at: MORNING, cursor: newest, run: 'earlier' })
    expect(await digest.runOnce()).toMatchObject({ sent: 0, skipped: 1 })
    expect(api.delivered).toHaveLength(0)
    expect((await digest.service.subscription(-1001))?.coveredUntil).toBe(newest)
  })

  it('retries a chat whose send failed on the next run, without duplicating the others', async () => {
    const chats = groups(4)
    const flaky = chats[1]!
    // No connection could be made: nothing reached Telegram, so the next run may send it.
    const { api, digest } = await setup({
      chats,
      fault: (id, attempt) => (id === flaky && attempt === 1 ? { kind: 'refused' } : undefined),
    })
    expect(await digest.runOnce()).toMatchObject({ sent: 3, failed: 1 })
    expect(api.countByChat().has(flaky)).toBe(false)
    expect(await digest.runOnce()).toMatchObject({ sent: 1, failed: 0, skipped: 3 })
    for (const chat of chats) expect(api.countByChat().get(chat)).toBe(1)
  })

  it('does not send twice when overlapping runs start together', async () => {
    const { api, digest } = await setup({ chats: groups(10) })
    await Promise.all([digest.runOnce(), digest.runOnce(), digest.runOnce()])
    expect([...api.countByChat().values()]).toEqual(Array(10).fill(1))
  })
})

describe('Telegram errors, through the bot API’s retry policy', () => {
  it('waits retry_after on a 429 and then delivers once', async () => {
    const chats = groups(3)
    const { api, digest } = await setup({
      chats,
      fault: (id, attempt) => (id === chats[0] && attempt === 1 ? { kind: '429', retryAfter: 1 } : undefined),
    })
    expect(await digest.runOnce()).toMatchObject({ sent: 3, failed: 0 })
    expect(api.callsOf('sendMessage').filter((c) => c.payload.chat_id === chats[0])).toHaveLength(2)
    expect(api.countByChat().get(chats[0]!)).toBe(1)
  })

  it('tries again after a 5xx, and the chat gets its digest once', async () => {
    const chats = groups(2)
    const { api, digest } = await setup({ chats, fault: (id, attempt) => (id === chats[1] && attempt === 1 ? { kind: '500' } : undefined) })
    expect(await digest.runOnce()).toMatchObject({ sent: 2, failed: 0 })
    expect(api.countByChat().get(chats[1]!)).toBe(1)
  })

  it('does not send again when Telegram took the message but the answer was lost, then or the next day', async () => {
    const chats = groups(3)
    const lost = chats[1]!
    const { api, digest } = await setup({
      chats,
      fault: (id, attempt) => (id === lost && attempt === 1 ? { kind: 'delivered-then-reset' } : undefined),
    })
    expect(await digest.runOnce()).toMatchObject({ sent: 2, ambiguous: 1 })
    expect(await digest.runOnce()).toMatchObject({ sent: 0 })
    expect(api.countByChat().get(lost)).toBe(1)
    // The articles it covered count as delivered: tomorrow's digest does not repeat them.
    expect(await digest.runOnce({ day: '2024-06-03' })).toMatchObject({ sent: 0 })
    expect(api.countByChat().get(lost)).toBe(1)
  })

  it('deactivates a chat that blocked or removed the bot (403), and leaves it alone next time', async () => {
    const chats = groups(3)
    const { api, digest } = await setup({ chats, fault: (id) => (id === chats[2] ? { kind: '403' } : undefined) })
    expect(await digest.runOnce()).toMatchObject({ sent: 2, deactivated: 1 })
    expect((await digest.service.subscription(chats[2]!))?.active).toBe(false)
    expect(await digest.service.subscribedChats()).toBe(2)
    const calls = api.calls
    await digest.runOnce({ day: '2024-06-03' })
    expect(api.calls).toBe(calls)
  })

  it('moves the subscription of a group that became a supergroup and delivers there', async () => {
    const chats = groups(2)
    const supergroup = -1009876543210
    const { api, digest } = await setup({ chats, fault: (id) => (id === chats[0] ? { kind: 'migrate', to: supergroup } : undefined) })
    expect(await digest.runOnce()).toMatchObject({ sent: 2, migrated: 1 })
    expect(api.countByChat().get(supergroup)).toBe(1)
    expect(api.countByChat().has(chats[0]!)).toBe(false)
    expect(await digest.service.subscription(chats[0]!)).toMatchObject({ active: false, migratedTo: supergroup })
    expect(await digest.service.subscription(supergroup)).toMatchObject({ active: true })
    // Next day: straight to the supergroup, nothing to the old id.
    await digest.runOnce({ day: '2024-06-03' })
    expect(api.countByChat().has(chats[0]!)).toBe(false)
  })

  it('keeps sending to the other chats when one is asked to wait longer than a minute', async () => {
    const chats = groups(5)
    const { api, digest } = await setup({ chats, fault: (id) => (id === chats[0] ? { kind: '429', retryAfter: 120 } : undefined) })
    const summary = await digest.runOnce()
    expect(summary).toMatchObject({ sent: 4, failed: 1 })
    expect(api.countByChat().size).toBe(4)
  })
})

describe('rate limits', () => {
  it('delivers to a thousand chats with blocks, migrations and flood waits: each active chat once, at most 30 a second', async () => {
    const chats = [...groups(700), ...Array.from({ length: 300 }, (_, i) => 5_000_000 + i)]
    const fault = (id: number, attempt: number): Fault | undefined => {
      const n = Math.abs(id) % 100
      if (n === 7) return { kind: '403' }
      if (n === 13 && id < 0 && id > -1_000_000_000_000) return { kind: 'migrate', to: id - 1_000_000_000_000 }
      if (n === 21 && attempt === 1) return { kind: '429', retryAfter: 0 }
      return undefined
    }
    const { api, digest } = await setup({ chats, fault, concurrency: 32 })
    const summary = await digest.runOnce()
    const blocked = chats.filter((id) => Math.abs(id) % 100 === 7)
    const migrated = chats.filter((id) => Math.abs(id) % 100 === 13 && id < 0)
    expect(summary).toMatchObject({ deactivated: blocked.length, migrated: migrated.length, failed: 0 })
    const perChat = api.countByChat()
    for (const id of chats) {
      const target = migrated.includes(id) ? id - 1_000_000_000_000 : id
      expect(perChat.get(target) ?? 0, String(id)).toBe(blocked.includes(id) ? 0 : 1)
    }
    expect(api.maxInWindow(1000)).toBeLessThanOrEqual(30)
    expect(api.maxPerGroupPerMinute()).toBeLessThanOrEqual(20)
    expect(await digest.runOnce()).toMatchObject({ sent: 0 })
  })

  it('never sends more than 30 messages a second overall or 20 a minute to one group', async () => {
    const chats = groups(150)
    const { api, digest, clock } = await setup({ chats, concurrency: 16 })
    const start = clock.now()
    await digest.runOnce()
    expect(api.countByChat().size).toBe(150)
    expect(api.maxInWindow(1000)).toBeLessThanOrEqual(30)
    expect(api.maxInWindow(1000)).toBeGreaterThan(20)
    expect(api.maxPerGroupPerMinute()).toBeLessThanOrEqual(20)
    // 150 messages at 30/s take at least four seconds of virtual time.
    expect(clock.now() - start).toBeGreaterThanOrEqual(4000)
  })
})
