import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { callbackQuery, command, inlineQuery } from '../helpers/bot-harness.js'
import type { ChatSettings } from '../../src/bot/deps.js'
import type { SavedSearch } from '../../src/bot/helpers/search-memory.js'
import { MemoryStore, StoreWriteError } from '../../src/store/store.js'
import { YELLOW_RIVER } from '../helpers/articles.js'
import { createTestBot } from '../helpers/test-bot.js'

/** A logger whose lines tests can read. */
function capturingLogger() {
  const lines: Array<Record<string, any>> = []
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) })
  return { logger, lines }
}

describe('error boundary', () => {
  it('turns a failing search into a short apology and a log line with the update id', async () => {
    const { logger, lines } = capturingLogger()
    const t = await createTestBot({ logger })
    t.library.failures.search = new Error('index: corrupt segment')
    const update = command('search', '黄河')
    await expect(t.bot.handleUpdate(update)).resolves.toBeUndefined()
    expect(t.api.last('sendMessage')!.payload.text).toBe('抱歉，处理你的请求时出错了，请稍后再试。')
    const line = lines.find((l) => l.msg === 'bot: a handler failed')!
    expect(line.update_id).toBe(update.update_id)
    expect(line.err.message).toBe('index: corrupt segment')
  })

  it('apologises in the chat language with a toast for a button press not answered yet', async () => {
    const searches = new MemoryStore<SavedSearch>()
    searches.read = () => Promise.reject(new Error('store: unreadable'))
    const t = await createTestBot({ savedSearches: searches })
    await t.bot.handleUpdate(callbackQuery('p:1:sometoken', { from: { id: 7, is_bot: false, first_name: 'E', language_code: 'en' } }))
    expect(t.api.callsOf('answerCallbackQuery').map((c) => c.payload)).toEqual([
      expect.objectContaining({
        text: 'Sorry, something went wrong while handling your request. Please try again later.',
        show_alert: true,
      }),
    ])
    expect(t.api.callsOf('sendMessage')).toEqual([])
  })

  it('apologises with a message, not a second answer, when the press was already answered', async () => {
    const t = await createTestBot()
    t.library.failures.getArticle = new Error('disk gone')
    await t.bot.handleUpdate(
      callbackQuery(`r:${t.idOf(YELLOW_RIVER)}`, { from: { id: 7, is_bot: false, first_name: 'E', language_code: 'en' } }),
    )
    expect(t.api.callsOf('answerCallbackQuery')).toHaveLength(1)
    expect(t.api.last('sendMessage')!.payload.text).toBe('Sorry, something went wrong while handling your request. Please try again later.')
  })

  it('answers a failing inline query with no results', async () => {
    const t = await createTestBot()
    t.library.failures.search = new Error('boom')
    await t.bot.handleUpdate(inlineQuery('黄河'))
    expect(t.api.last('answerInlineQuery')!.payload.results).toEqual([])
  })

  it('logs a Telegram refusal (GrammyError) and does not write to a chat that blocked the bot', async () => {
    const { logger, lines } = capturingLogger()
    const t = await createTestBot({ logger })
    t.api.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user')
    await t.bot.handleUpdate(command('search', '黄河'))
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
    const line = lines.find((l) => l.msg === 'bot: Telegram refused a call')!
    expect(line).toMatchObject({ error_code: 403, method: 'sendMessage' })
  })

  it('sends a reply once when Telegram took it but the answer was lost, and adds no apology', async () => {
    const { logger, lines } = capturingLogger()
    const t = await createTestBot({
      logger,
      telegram: {
        fault: (call, attempt) => (call.method === 'sendMessage' && attempt === 1 ? { kind: 'delivered-then-reset' } : undefined),
      },
    })
    await t.bot.handleUpdate(command('search', '黄河'))
    expect(lines.some((l) => l.msg === 'bot: network error talking to Telegram')).toBe(true)
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
    expect(t.api.delivered.map((d) => d.text)).toEqual([expect.stringContaining('<b>黄河</b>')])
  })

  it('tells the user truthfully when a change could not be saved, and does not apply it', async () => {
    const settings = new MemoryStore<ChatSettings>()
    settings.write = () => Promise.reject(new StoreWriteError('store: could not save chat-settings.json (ENOSPC)'))
    const t = await createTestBot({ chatSettings: settings })
    await t.send(callbackQuery('l:en'))
    expect(t.api.last('answerCallbackQuery')!.payload).toMatchObject({ text: expect.stringContaining('没能保存'), show_alert: true })
    await t.send(command('help'))
    expect(t.lastText()).toContain('你好！')
  })
})

describe('outgoing calls', () => {
  it('retry after a 429 with retry_after, so the user still gets the reply', async () => {
    const t = await createTestBot()
    t.api.failNext('sendMessage', 429, 'Too Many Requests: retry after 0', 0)
    await t.bot.handleUpdate(command('search', '黄河'))
    const sends = t.api.callsOf('sendMessage')
    expect(sends).toHaveLength(2)
    expect(sends[1]!.payload.text).toContain('<b>黄河</b>')
  })
})
