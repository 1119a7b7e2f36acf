/**
 * The real process (`npm start` path: tsx src/main.ts) against the fake Bot API
 * on 127.0.0.1: real long polling, the five real seed articles, SIGTERM at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server.js'
import { entitiesFor, users } from '../helpers/bot-harness.js'

const ROOT = join(import.meta.dirname, '..', '..')

function textMessage(text: string, messageId: number) {
  const entities = entitiesFor(text)
  return {
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: users.alice.id, type: 'private' as const, first_name: users.alice.first_name },
      from: users.alice,
      text,
      ...(entities.length ? { entities } : {}),
    },
  }
}

describe('the bot process with long polling', () => {
  let api: FakeBotApi
  let child: ChildProcess
  let dataDir: string
  let stderr = ''
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>

  beforeAll(async () => {
    api = await startFakeBotApi()
    dataDir = mkdtempSync(join(tmpdir(), 'keji-e2e-'))
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.url,
        DATA_DIR: dataDir,
        SEEDS_DIR: './seeds',
        LOG_LEVEL: 'info',
        ADMIN_IDS: '',
        SEEDS_WATCH: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout!.resume()
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
    // Polling has started once the bot asks for updates with a long-poll timeout.
    await api
      .waitFor((c) => c.method === 'getUpdates' && Number(c.payload.timeout) > 0, 45_000)
      .catch((err: Error) => {
        throw new Error(`${err.message}\nstderr:\n${stderr}`)
      })
  }, 60_000)

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await api?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('publishes its command menu in Chinese and English at start-up', async () => {
    const menus = api.calls.filter((c) => c.method === 'setMyCommands')
    expect(menus.map((c) => c.payload.language_code ?? 'default')).toEqual(['default', 'zh', 'en'])
    expect(menus[2]!.payload.commands).toContainEqual(expect.objectContaining({ command: 'search' }))
  })

  it('answers /search 中国铜业 with the copper conference article', async () => {
    api.pushUpdate(textMessage('/search 中国铜业', 1))
    const reply = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('中国铜业召开2024年科技工作会议'))
    expect(reply.payload.parse_mode).toBe('HTML')
    expect(reply.payload.text).toContain('<b>中国铜业</b>')
    expect(reply.payload.reply_markup.inline_keyboard[0][0].callback_data).toMatch(/^r:\w+$/)
  })

  it('answers a question with the excerpt that mentions 昆明', async () => {
    api.pushUpdate(textMessage('中国铜业的会议在哪里召开？', 2))
    const reply = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('💬'))
    expect(reply.payload.text).toContain('昆明')
  })

  it('sends the full article when its read button is pressed', async () => {
    const results = api.calls.find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('中国铜业召开2024年科技工作会议'))!
    const data = results.payload.reply_markup.inline_keyboard[0][0].callback_data as string
    api.pushUpdate({
      callback_query: {
        id: 'e2e-cb-1',
        from: users.alice,
        chat_instance: 'e2e',
        data,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: users.alice.id, type: 'private', first_name: users.alice.first_name },
          text: 'results',
        },
      },
    })
    await api.waitFor((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === 'e2e-cb-1')
    const article = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('许波'))
    expect(String(article.payload.text).length).toBeLessThanOrEqual(4096)
  })

  it('confirms updates by polling with an advancing offset', () => {
    const offsets = api.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset ?? 0))
    expect(Math.max(...offsets)).toBeGreaterThanOrEqual(3)
  })

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM')
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000))
    const result = await Promise.race([exited, timeout])
    expect(result, stderr).toEqual({ code: 0, signal: null })
    expect(stderr).toContain('bot: stopped')
  }, 15_000)
})
