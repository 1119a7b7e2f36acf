import { describe, expect, it } from 'vitest'
import { callbackQuery, command, groupChat, privateMessage } from '../helpers/bot-harness.js'
import { COAL_GEOLOGY, COPPER, LONG_REPORT, YELLOW_RIVER } from '../helpers/articles.js'
import { createTestBot, idOf, replyTo } from '../helpers/test-bot.js'

describe('reading', () => {
  it('sends the full article when a result read button is pressed', async () => {
    const t = await createTestBot()
    await t.send(command('search', '黄河'))
    const button = t.lastReply().reply_markup.inline_keyboard[0][0]
    expect(button).toEqual({ text: '📖 1', callback_data: `r:${await idOf(YELLOW_RIVER)}` })
    await t.send(callbackQuery(button.callback_data))
    expect(t.api.last('answerCallbackQuery')).toBeDefined()
    const text = t.lastText()
    expect(text).toMatch(/^<b>黄河流域生态保护科技工作会议在郑州召开<\/b>\n📅 2024-03-15 · 来源：河南科技网\n\n3月14日/)
    expect(text).toContain('培养高水平科技人才队伍。')
  })

  it('reads an article with /read <id> and with the tappable /read_<id>', async () => {
    const t = await createTestBot()
    await t.send(command('read', await idOf(COPPER)), privateMessage(`/read_${await idOf(COPPER)}`))
    const texts = t.api.texts()
    expect(texts).toHaveLength(2)
    for (const text of texts) expect(text).toContain('<b>中国铜业召开2024年科技工作会议</b>')
  })

  it('splits a very long article into parts under 4,096 characters, between paragraphs', async () => {
    const t = await createTestBot()
    await t.send(command('read', await idOf(LONG_REPORT)))
    const parts = t.api.texts()
    expect(parts.length).toBeGreaterThanOrEqual(3)
    for (const [i, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(4096)
      expect(part.endsWith(`<i>(${i + 1}/${parts.length})</i>`)).toBe(true)
    }
    const article = t.library.getArticle(await idOf(LONG_REPORT))!
    const shortParagraphs = article.paragraphs.map((s) => article.text.slice(s.start, s.end)).filter((p) => p.length < 4000)
    for (const p of shortParagraphs) expect(parts.some((part) => part.includes(p))).toBe(true)
  })

  it('shows a Traditional article in Simplified for a Simplified chat', async () => {
    expect(await replyTo(command('read', await idOf(COAL_GEOLOGY)))).toContain('<b>中国煤炭地质总局召开科技专题工作会</b>')
  })

  it('explains the usage of /read without an id', async () => {
    expect(await replyTo(command('read'))).toContain('请在 /read 后面写上文章编号')
  })

  it('says clearly when the article does not exist', async () => {
    expect(await replyTo(command('read', '<b>nope</b>'))).toBe('找不到编号为 &lt;b&gt;nope&lt;/b&gt; 的文章，它可能已被删除。请重新搜索。')
  })
})

describe('reading in a group', () => {
  it('shows a long article’s opening with a button to read it all in private, instead of flooding the group', async () => {
    const t = await createTestBot()
    await t.send(command('read', await idOf(LONG_REPORT), { chat: groupChat, mention: true }))
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
    const reply = t.lastReply()
    expect(reply.text).toMatch(/^<b>河南省2024年科技创新工作要点<\/b>/)
    expect(reply.text.length).toBeLessThan(800)
    expect(reply.text).toContain('在私聊中阅读全文')
    expect(reply.reply_markup.inline_keyboard[0][0].url).toBe(`https://t.me/KejiNewsBot?start=r_${await idOf(LONG_REPORT)}`)
  })

  it('sends a short article whole', async () => {
    const t = await createTestBot()
    await t.send(command('read', await idOf(COPPER), { chat: groupChat, mention: true }))
    expect(t.lastText()).toContain('加快绿色冶炼和资源综合利用技术研发')
    expect(t.lastReply().reply_markup).toBeUndefined()
  })

  it('finds the article whatever the letter case of its id', async () => {
    const t = await createTestBot()
    await t.send(privateMessage(`/read_${(await idOf(COPPER)).toUpperCase()}`))
    expect(t.lastText()).toContain('<b>中国铜业召开2024年科技工作会议</b>')
  })
})
