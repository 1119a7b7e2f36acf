import { describe, expect, it } from 'vitest'
import { inlineQuery, users } from '../helpers/bot-harness.js'
import { COAL_GEOLOGY, YELLOW_RIVER } from '../helpers/articles.js'
import { createTestBot, idOf } from '../helpers/test-bot.js'

describe('inline mode', () => {
  it('returns matching articles with their excerpts', async () => {
    const t = await createTestBot()
    await t.bot.handleUpdate(inlineQuery('黄河'))
    const answer = t.api.last('answerInlineQuery')!
    const results = answer.payload.results as Array<Record<string, any>>
    expect(results.map((r) => r.id)).toEqual([await idOf(YELLOW_RIVER), await idOf(COAL_GEOLOGY)])
    expect(results[0]!.title).toBe('黄河流域生态保护科技工作会议在郑州召开')
    expect(results[0]!.description).toContain('黄河流域生态保护和高质量发展')
    expect(results[0]!.input_message_content).toMatchObject({ parse_mode: 'HTML' })
    expect(results[0]!.input_message_content.message_text).toContain('<b>黄河</b>流域')
    expect(results[0]!.reply_markup.inline_keyboard[0][0].url).toBe(`https://t.me/KejiNewsBot?start=r_${await idOf(YELLOW_RIVER)}`)
    expect(answer.payload.is_personal).toBe(true)
  })

  it('converts results for a Traditional-script user', async () => {
    const t = await createTestBot()
    await t.bot.handleUpdate(inlineQuery('黄河', { from: users.bob }))
    const [first] = t.api.last('answerInlineQuery')!.payload.results as Array<Record<string, any>>
    expect(first!.title).toBe('黃河流域生態保護科技工作會議在鄭州召開')
  })

  it('lists the latest articles for an empty query', async () => {
    const t = await createTestBot()
    await t.bot.handleUpdate(inlineQuery(''))
    const results = t.api.last('answerInlineQuery')!.payload.results as Array<Record<string, any>>
    expect(results[0]!.id).toBe(await idOf(COAL_GEOLOGY))
    expect(results).toHaveLength(5)
  })

  it('escapes hostile titles in the message it sends', async () => {
    const t = await createTestBot()
    await t.bot.handleUpdate(inlineQuery('量子'))
    const [first] = t.api.last('answerInlineQuery')!.payload.results as Array<Record<string, any>>
    expect(first!.title).toBe('<b>量子</b>芯片 & 测控系统 </a> 研讨会')
    expect(first!.input_message_content.message_text).toContain('<b>&lt;b&gt;量子&lt;/b&gt;芯片 &amp; 测控系统 &lt;/a&gt; 研讨会</b>')
  })

  it('pages with next_offset', async () => {
    const t = await createTestBot({ tuning: { inlineResults: 2 } })
    await t.bot.handleUpdate(inlineQuery('科技'))
    expect(t.api.last('answerInlineQuery')!.payload.next_offset).toBe('2')
    await t.bot.handleUpdate(inlineQuery('科技', { offset: '2' }))
    const answer = t.api.last('answerInlineQuery')!
    expect(answer.payload.results).toHaveLength(2)
    expect(answer.payload.next_offset).toBe('')
  })
})

describe('inline mode with nothing found', () => {
  it('shows one item that says so and how to search', async () => {
    const t = await createTestBot()
    await t.bot.handleUpdate(inlineQuery('火星探测器着陆'))
    const results = t.api.last('answerInlineQuery')!.payload.results as Array<Record<string, any>>
    expect(results).toHaveLength(1)
    expect(results[0]!.title).toBe('没有找到「火星探测器着陆」的相关文章')
    expect(results[0]!.description).toContain('中文关键词')
  })
})
