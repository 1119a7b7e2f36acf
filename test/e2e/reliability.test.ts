/**
 * Faults against the real process: the fake Bot API on 127.0.0.1 delays,
 * drops and refuses calls; the bot is killed with SIGKILL (kill -9) at chosen
 * moments and started again on the same DATA_DIR.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startBotProcess, POLLING, type BotProcess } from '../helpers/bot-process.js'
import { users } from '../helpers/bot-harness.js'
import { mountSmallDisk, NO_SMALL_DISK, type SmallDisk } from '../helpers/small-disk.js'
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server.js'

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds')

let api: FakeBotApi
let dataDir: string
const processes: BotProcess[] = []

beforeEach(async () => {
  api = await startFakeBotApi()
  dataDir = mkdtempSync(join(tmpdir(), 'keji-reliability-'))
})
afterEach(async () => {
  for (const p of processes.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.kill('SIGKILL')
  await api.close()
  rmSync(dataDir, { recursive: true, force: true })
})

function start(env: Record<string, string> = {}): BotProcess {
  const bot = startBotProcess({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    SEEDS_DIR: SEEDS,
    DATA_DIR: dataDir,
    DIGEST_TZ: 'UTC',
    ...env,
  })
  processes.push(bot)
  return bot
}

/** Subscriptions for `chats`, written as a previous run of the bot would have left them. */
function subscribe(chats: number[]): void {
  const subs = Object.fromEntries(chats.map((chatId) => [String(chatId), { chatId, active: true, subscribedAt: 0 }]))
  writeFileSync(join(dataDir, 'subscriptions.json'), JSON.stringify(subs))
}

/** Digests each chat received (first parts carry the header). */
function digestsPerChat(): Map<number, number> {
  const m = new Map<number, number>()
  for (const d of api.delivered) if (d.text.startsWith('📰')) m.set(d.chatId, (m.get(d.chatId) ?? 0) + 1)
  return m
}

function privateText(text: string, user: { id: number; first_name: string }, messageId: number) {
  const command = /^\/\w+/.exec(text)
  return {
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: 'private' as const, first_name: user.first_name },
      from: { id: user.id, is_bot: false, first_name: user.first_name },
      text,
      ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
    },
  }
}

describe('a crash in the middle of the scheduled digest run', () => {
  it('resumes at the next start: every chat not in flight at the crash gets its digest, none twice', async () => {
    const chats = Array.from({ length: 40 }, (_, i) => -1001 - i)
    subscribe(chats)
    // Telegram answers slowly, so the run is still going when the process is killed.
    api.setFault((call) => (call.method === 'sendMessage' ? { kind: 'delay', ms: 300 } : undefined))
    // Every two seconds from start-up: a one-shot time can pass while a loaded machine is still
    // starting. Runs never overlap, and a run gives a chat the day's digest once.
    const first = start({ DIGEST_CRON: '*/2 * * * * *' })
    await vi.waitFor(() => expect(digestsPerChat().size).toBeGreaterThanOrEqual(8), { timeout: 30_000, interval: 50 })
    first.kill('SIGKILL')
    await first.exited
    const before = digestsPerChat().size
    expect(before).toBeLessThan(chats.length)

    api.setFault(undefined)
    const second = start({ DIGEST_CRON: '0 0 1 1 *' })
    await second.waitForLog((l) => l.msg === 'digest: the scheduled run did not finish; resuming it')
    await second.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('digest: run '), 30_000)
    const perChat = digestsPerChat()
    for (const chat of chats) expect(perChat.get(chat) ?? 0, String(chat)).toBeLessThanOrEqual(1)
    // Only the chats whose message was on its way at the crash may miss it (at most once): one per sender.
    const missed = chats.filter((c) => !perChat.has(c))
    expect(missed.length).toBeLessThanOrEqual(8)
  }, 90_000)
})

describe('updates the bot took when it was killed', () => {
  it('are handled after a restart: 50 /subscribe in flight, every chat subscribed and answered', async () => {
    const people = Array.from({ length: 50 }, (_, i) => ({ id: 50_000 + i, first_name: `读者${i}` }))
    // Replies hang, so all fifty are in the middle of being handled (and confirmed to Telegram) at the kill.
    api.setFault((call) => (call.method === 'sendMessage' ? { kind: 'delay', ms: 60_000 } : undefined))
    const first = start()
    await first.waitForLog(POLLING)
    people.forEach((p, i) => api.pushUpdate(privateText('/subscribe', p, i + 1)))
    await vi.waitFor(() => expect(api.calls.filter((c) => c.method === 'sendMessage').length).toBeGreaterThanOrEqual(50), {
      timeout: 30_000,
    })
    // The next poll has confirmed them to Telegram: the fake no longer holds them.
    await vi.waitFor(() => expect(api.calls.filter((c) => c.method === 'getUpdates').at(-1)?.payload.offset).toBeGreaterThan(50), {
      timeout: 30_000,
    })
    first.kill('SIGKILL')
    await first.exited
    expect(api.delivered.length).toBe(0)

    api.setFault(undefined)
    const second = start()
    await second.waitForLog(POLLING, 60_000)
    const answered = new Set(api.delivered.filter((d) => d.text.startsWith('已订阅')).map((d) => d.chatId))
    expect(answered.size).toBe(50)
    const subs = JSON.parse(readFileSync(join(dataDir, 'subscriptions.json'), 'utf8')) as Record<string, { active: boolean }>
    expect(people.filter((p) => subs[String(p.id)]?.active)).toHaveLength(50)
  }, 90_000)
})

describe('stopping and starting against a Telegram that misbehaves', () => {
  it('exits within seconds on SIGTERM while Telegram holds a reply', async () => {
    api.setFault((call) => (call.method === 'sendMessage' ? { kind: 'delay', ms: 120_000 } : undefined))
    const bot = start()
    await bot.waitForLog(POLLING)
    api.pushUpdate(privateText('/search 黄河', users.alice, 1))
    await api.waitFor((c) => c.method === 'sendMessage')
    bot.kill('SIGTERM')
    const result = await Promise.race([bot.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))])
    expect(result).toEqual({ code: 0, signal: null })
  }, 40_000)

  it('warns that Telegram is unreachable and keeps trying, and SIGTERM then exits at once', async () => {
    const bot = start({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9' })
    const warning = await bot.waitForLog((l) => l.msg === 'bot: Telegram is not reachable; trying again')
    expect(warning.level).toBe(40)
    bot.kill('SIGTERM')
    expect(await bot.exited).toEqual({ code: 0, signal: null })
  }, 40_000)

  it('says in one line that the token was refused, and exits 1', async () => {
    const bot = start({ BOT_TOKEN: '999999:WRONG-token-abcdefghijklmnopqrst' })
    expect((await bot.exited).code).toBe(1)
    expect(bot.stderr()).toContain('BOT_TOKEN: Telegram refused the token (401')
    expect(bot.stderr()).not.toMatch(/\n\s+at /)
  }, 40_000)
})

const disk: SmallDisk | undefined = mountSmallDisk(1024)
if (!disk) console.log(NO_SMALL_DISK)
afterEach(() => {
  try {
    disk?.free()
  } catch {
    // not filled
  }
})

describe.skipIf(!disk)('a DATA_DIR that fills up', () => {
  it('still answers searches when full, and starts again after a crash once there is room', async () => {
    dataDir = join(disk!.dir, `data-${Date.now()}`)
    execFileSync('mkdir', ['-p', dataDir])
    subscribe(Array.from({ length: 20 }, (_, i) => -2001 - i))
    api.setFault((call) => (call.method === 'sendMessage' ? { kind: 'delay', ms: 200 } : undefined))
    const first = start({ DIGEST_CRON: '*/3 * * * * *' })
    await first.waitForLog(POLLING)
    await vi.waitFor(() => expect(digestsPerChat().size).toBeGreaterThanOrEqual(3), { timeout: 30_000, interval: 50 })
    disk!.fill()
    api.pushUpdate(privateText('/search 黄河', users.alice, 1))
    await vi.waitFor(() => expect(api.delivered.some((d) => d.text.includes('<b>黄河</b>'))).toBe(true), { timeout: 30_000 })
    disk!.free()
    await vi.waitFor(() => expect(digestsPerChat().size).toBeGreaterThanOrEqual(10), { timeout: 30_000, interval: 50 })
    first.kill('SIGKILL')
    await first.exited

    api.setFault(undefined)
    const second = start({ DIGEST_CRON: '*/3 * * * * *' })
    await second.waitForLog(POLLING, 60_000)
    expect(second.stderr()).not.toContain('CorruptStoreError')
    await vi.waitFor(() => expect(digestsPerChat().size).toBeGreaterThanOrEqual(15), { timeout: 30_000, interval: 100 })
    for (const n of digestsPerChat().values()) expect(n).toBe(1)
  }, 120_000)
})
