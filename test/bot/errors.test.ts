import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { callbackQuery, command, inlineQuery } from '../helpers/bot-harness.js'
import { recordApi } from '../helpers/fake-telegram.js'
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

  it('apologises in the chat language, and with a toast for button presses', async () => {
    const t = await createTestBot()
    t.library.failures.getArticle = new Error('disk gone')
    await t.bot.handleUpdate(
      callbackQuery(`r:${t.idOf(YELLOW_RIVER)}`, { from: { id: 7, is_bot: false, first_name: 'E', language_code: 'en' } }),
    )
    expect(t.api.last('answerCallbackQuery')!.payload).toMatchObject({
      text: 'Sorry, something went wrong while handling your request. Please try again later.',
      show_alert: true,
    })
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

  it('logs a network failure (HttpError) apart from other errors and still apologises', async () => {
    const { logger, lines } = capturingLogger()
    const t = await createTestBot({ logger })
    // Installed on top of the retry policy, so the failure reaches the handler at once.
    const outer = recordApi(t.bot.api)
    outer.networkFailNext('sendMessage')
    await t.bot.handleUpdate(command('search', '黄河'))
    expect(lines.some((l) => l.msg === 'bot: network error talking to Telegram')).toBe(true)
    expect(outer.callsOf('sendMessage').map((c) => c.payload.text)).toEqual([
      expect.stringContaining('黄河'),
      '抱歉，处理你的请求时出错了，请稍后再试。',
    ])
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
