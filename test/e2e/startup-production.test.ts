/**
 * Start-up in production settings (DATABASE_URL, WEBHOOK_URL) as an operator
 * meets it: what is not there yet is a warning and tried again, a stop signal
 * meanwhile exits cleanly, and a refused token is one line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server.js'
import pg from 'pg'
import { users } from '../helpers/bot-harness.js'
import { POLLING, startBotProcess } from '../helpers/bot-process.js'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js'

const server = inject('postgresUrl')
const ROOT = join(import.meta.dirname, '..', '..')

describe('start-up with DATABASE_URL and WEBHOOK_URL', () => {
  let api: FakeBotApi
  let dataDir: string
  beforeAll(async () => {
    api = await startFakeBotApi()
    dataDir = mkdtempSync(join(tmpdir(), 'keji-startup-'))
  })
  afterAll(async () => {
    await api.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const env = (extra: Record<string, string>) => ({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    SEEDS_DIR: join(ROOT, 'seeds'),
    DATA_DIR: dataDir,
    WEBHOOK_URL: 'https://bot.example.org/telegram',
    WEBHOOK_SECRET: 'startup-secret-0123456789',
    PORT: '0',
    ...extra,
  })

  it('warns that PostgreSQL is unreachable and keeps trying, and SIGTERM then exits at once', async () => {
    const bot = startBotProcess(env({ DATABASE_URL: 'postgres://postgres@127.0.0.1:9/keji' }))
    const warnings = [
      await bot.waitForLog((l) => l.msg === 'store: PostgreSQL is not reachable; trying again'),
      await bot.waitForLog((l) => l.msg === 'store: PostgreSQL is not reachable; trying again' && l.attempt === 2),
    ]
    expect(warnings.map((w) => [w.level, w.waitMs])).toEqual([
      [40, 1000],
      [40, 2000],
    ])
    bot.kill('SIGTERM')
    expect(await bot.exited).toEqual({ code: 0, signal: null })
    expect(bot.stderr()).not.toMatch(/\n\s+at /)
  }, 40_000)

  it('stops with one line naming WEBHOOK_SECRET when WEBHOOK_URL comes without it', async () => {
    const bot = startBotProcess({ ...env({}), WEBHOOK_SECRET: '' })
    expect((await bot.exited).code).toBe(1)
    expect(bot.stderr()).toContain('WEBHOOK_SECRET: required with WEBHOOK_URL')
    expect(bot.stderr()).not.toMatch(/\n\s+at /)
  }, 40_000)

  describe.skipIf(!server)('on a reachable PostgreSQL', () => {
    let db: TestDatabase
    beforeAll(async () => (db = await createTestDatabase(server!, 'startup')))
    afterAll(() => db?.drop())

    it('long-polls on PostgreSQL stores without WEBHOOK_URL, and keeps a subscription there', async () => {
      const bot = startBotProcess({ ...env({ DATABASE_URL: db.url }), WEBHOOK_URL: '', WEBHOOK_SECRET: '' })
      try {
        await bot.waitForLog(POLLING)
        api.pushUpdate({
          message: {
            message_id: 1,
            date: Math.floor(Date.now() / 1000),
            chat: { id: users.alice.id, type: 'private', first_name: '小明' },
            from: users.alice,
            text: '/subscribe',
            entities: [{ type: 'bot_command', offset: 0, length: 10 }],
          },
        })
        await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === users.alice.id)
        const sql = new pg.Client({ connectionString: db.url })
        await sql.connect()
        const { rows } = await sql.query<{ key: string }>("SELECT key FROM kv WHERE namespace = 'subscriptions'")
        await sql.end()
        expect(rows.map((r) => r.key)).toEqual([String(users.alice.id)])
      } finally {
        bot.kill('SIGTERM')
        await bot.exited
      }
    }, 60_000)

    it('says in one line that the token was refused, and exits 1', async () => {
      const bot = startBotProcess(env({ DATABASE_URL: db.url, BOT_TOKEN: '999999:WRONG-token-abcdefghijklmnopqrst' }))
      expect((await bot.exited).code).toBe(1)
      expect(bot.stderr()).toContain('BOT_TOKEN: Telegram refused the token (401')
      expect(bot.stderr()).not.toMatch(/\n\s+at /)
    }, 40_000)
  })
})
