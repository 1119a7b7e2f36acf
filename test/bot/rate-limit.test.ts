import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/bot/middleware/rate-limit.js'
import { callbackQuery, command, privateMessage, users } from '../helpers/bot-harness.js'
import { YELLOW_RIVER } from '../helpers/articles.js'
import { createTestBot } from '../helpers/test-bot.js'

describe('RateLimiter', () => {
  it('allows the limit, warns once, then drops until the window ends', () => {
    let now = 0
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, () => now)
    expect([limiter.hit(1), limiter.hit(1), limiter.hit(1), limiter.hit(1)]).toEqual(['allow', 'allow', 'warn', 'drop'])
    expect(limiter.hit(2)).toBe('allow')
    now = 1000
    expect(limiter.hit(1)).toBe('allow')
  })
})

describe('search rate limiting', () => {
  it('tells a flooding user to slow down once, not once per message', async () => {
    const t = await createTestBot({ tuning: { searchRate: { limit: 3, windowMs: 10_000 } } })
    for (let i = 0; i < 6; i++) await t.bot.handleUpdate(command('search', '黄河'))
    const texts = t.api.texts()
    expect(texts).toHaveLength(4)
    expect(texts[3]).toBe('⏳ 你搜索得太快了，请稍等几秒再试。')
    expect(t.library.queries).toHaveLength(3)
  })

  it('counts questions too, and lets the user search again after the window', async () => {
    const t = await createTestBot({ tuning: { searchRate: { limit: 2, windowMs: 10_000 } } })
    await t.bot.handleUpdate(privateMessage('黄河'))
    await t.bot.handleUpdate(privateMessage('煤炭'))
    await t.bot.handleUpdate(privateMessage('铜业'))
    expect(t.library.queries).toEqual(['黄河', '煤炭'])
    t.clock.advance(10_000)
    await t.bot.handleUpdate(privateMessage('铜业'))
    expect(t.library.queries).toEqual(['黄河', '煤炭', '铜业'])
  })

  it('limits each user separately', async () => {
    const t = await createTestBot({ tuning: { searchRate: { limit: 1, windowMs: 10_000 } } })
    await t.bot.handleUpdate(command('search', '黄河', { from: users.alice }))
    await t.bot.handleUpdate(command('search', '黄河', { from: users.dave }))
    expect(t.library.queries).toHaveLength(2)
  })

  it('answers a limited button press with a short toast', async () => {
    const t = await createTestBot({ tuning: { searchRate: { limit: 1, windowMs: 10_000 } } })
    await t.bot.handleUpdate(command('search', '黄河'))
    await t.bot.handleUpdate(callbackQuery(`r:${t.idOf(YELLOW_RIVER)}`))
    expect(t.api.last('answerCallbackQuery')!.payload.text).toBe('太快了，请稍等几秒。')
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
  })
})
