import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../src/store/store.js'
import type { SavedSearch } from '../../src/bot/helpers/search-memory.js'
import { botInfo, callbackQuery, command, groupChat, groupMessage, messageObject, privateMessage, users } from '../helpers/bot-harness.js'
import { openTestLibrary, YELLOW_RIVER } from '../helpers/articles.js'
import { createTestBot, idOf, replyTo, type TestBot } from '../helpers/test-bot.js'

describe('/search', () => {
  it('answers with the top results: title, date, source and excerpt with matches in bold', async () => {
    const t = await createTestBot()
    await t.send(command('search', '黄河'))
    const reply = t.lastReply()
    expect(reply.chat_id).toBe(users.alice.id)
    expect(reply.parse_mode).toBe('HTML')
    const text = t.lastText()
    expect(text).toContain('🔎 <b>「黄河」</b>：共 2 篇，第 1/1 页')
    expect(text).toContain('<b>1. 黄河流域生态保护科技工作会议在郑州召开</b>')
    expect(text).toContain('📅 2024-03-15 · 来源：河南科技网')
    expect(text).toContain('<b>黄河</b>流域生态保护和高质量发展')
    expect(text).toContain(`/read_${await idOf(YELLOW_RIVER)}`)
  })

  it('explains the usage when the query is missing', async () => {
    const t = await createTestBot()
    await t.send(command('search'))
    expect(t.lastText()).toContain('请在 /search 后面写上要找的关键词')
    expect(t.library.queries).toEqual([])
  })

  it('suggests shorter keywords when nothing matches, instead of staying silent', async () => {
    const text = await replyTo(command('search', '火星探测器着陆'))
    expect(text).toContain('没有找到与「火星探测器着陆」相关的文章')
    expect(text).toContain('更短')
  })

  it('answers a Traditional query with Traditional excerpts', async () => {
    const text = await replyTo(command('search', '黃河流域', { from: users.dave }))
    expect(text).toContain('共 2 篇，第 1/1 頁')
    expect(text).toContain('<b>黃河流域</b>生態保護')
    expect(text).not.toContain('生态')
  })

  it('escapes hostile text in titles, sources, excerpts and the query itself', async () => {
    const text = await replyTo(command('search', '量子 <b>&</a>'))
    expect(text).toContain('「量子 &lt;b&gt;&amp;&lt;/a&gt;」')
    expect(text).toContain('&lt;b&gt;量子&lt;/b&gt;芯片 &amp; 测控系统 &lt;/a&gt; 研讨会')
    expect(text).toContain('来源：&lt;i&gt;科技&lt;/i&gt;&amp;日报')
    expect(text).not.toMatch(/<(?!\/?b>)[^>]*>/)
  })

  it('works as /search@BotName in a group and quotes the asker', async () => {
    const t = await createTestBot()
    await t.send(command('search', '黄河', { chat: groupChat, mention: true, message_id: 77 }))
    const reply = t.lastReply()
    expect(reply.chat_id).toBe(groupChat.id)
    expect(reply.text).toContain('<b>黄河</b>')
    expect(reply.reply_parameters).toEqual({ message_id: 77, allow_sending_without_reply: true })
  })

  it('ignores /search addressed to another bot in a group', async () => {
    const t = await createTestBot()
    await t.send(groupMessage('/search@OtherBot 黄河'))
    expect(t.api.calls).toEqual([])
  })
})

describe('pagination', () => {
  async function searchScience(t: TestBot) {
    await t.send(command('search', '科技'))
    const sent = t.lastReply()
    const nav = sent.reply_markup.inline_keyboard[1] as Array<{ text: string; callback_data: string }>
    return { sent, nav }
  }

  it('shows page 1/2 with a 下一页 button whose data is short', async () => {
    const t = await createTestBot()
    const { sent, nav } = await searchScience(t)
    expect(sent.text).toContain('共 4 篇，第 1/2 页')
    expect(nav.map((b) => b.text)).toEqual(['1/2', '下一页 ›'])
    expect(Buffer.byteLength(nav[1]!.callback_data)).toBeLessThanOrEqual(20)
  })

  it('edits the same message when 下一页 and 上一页 are pressed', async () => {
    const t = await createTestBot()
    const { nav } = await searchScience(t)
    const resultsMessage = messageObject('results', { from: botInfo, message_id: 321 })
    await t.send(callbackQuery(nav[1]!.callback_data, { message: resultsMessage }))
    const edit = t.api.last('editMessageText')!
    expect(edit.payload.message_id).toBe(321)
    expect(edit.payload.text).toContain('第 2/2 页')
    expect(edit.payload.text).toContain('<b>4. ')
    const back = edit.payload.reply_markup.inline_keyboard[1] as Array<{ text: string; callback_data: string }>
    expect(back.map((b) => b.text)).toEqual(['‹ 上一页', '2/2'])
    expect(t.api.callsOf('answerCallbackQuery')).toHaveLength(1)

    await t.send(callbackQuery(back[0]!.callback_data, { message: resultsMessage }))
    expect(t.api.last('editMessageText')!.payload.text).toContain('第 1/2 页')
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
  })

  it('still works after a restart, re-running the search from the stored query', async () => {
    const searches = new MemoryStore<SavedSearch>()
    const before = await createTestBot({ savedSearches: searches })
    const { nav } = await searchScience(before)
    const after = await createTestBot({ savedSearches: searches })
    await after.send(callbackQuery(nav[1]!.callback_data))
    expect(after.api.last('editMessageText')!.payload.text).toContain('第 2/2 页')
    expect(after.library.queries).toEqual(['科技'])
  })

  it('says clearly that the search expired when the query is unknown', async () => {
    const before = await createTestBot()
    const { nav } = await searchScience(before)
    const after = await createTestBot()
    await after.send(callbackQuery(nav[1]!.callback_data))
    expect(after.api.last('answerCallbackQuery')!.payload).toMatchObject({
      text: '这次搜索已过期，请重新搜索。',
      show_alert: true,
    })
    expect(after.api.callsOf('editMessageText')).toEqual([])
  })

  it('answers a press on the page label without doing anything', async () => {
    const t = await createTestBot()
    await t.send(callbackQuery('n'))
    expect(t.api.calls.map((c) => c.method)).toEqual(['answerCallbackQuery'])
    expect(t.api.last('answerCallbackQuery')!.payload.text).toBeUndefined()
  })

  it('treats "message is not modified" as harmless when the same page is pressed twice', async () => {
    const t = await createTestBot()
    const { nav } = await searchScience(t)
    t.api.failNext('editMessageText', 400, 'Bad Request: message is not modified')
    await t.send(callbackQuery(nav[1]!.callback_data))
    expect(t.api.callsOf('sendMessage')).toHaveLength(1)
  })
})

describe('what a user types', () => {
  it('never echoes control characters or direction overrides back', async () => {
    const text = await replyTo(command('search', '火星\u0007\u001b[31m\u202e着陆'))
    expect(text).toContain('「火星 [31m 着陆」')
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/)
  })
})

describe('a question the articles do not answer', () => {
  it('says the articles on it never mention what it asks, when they are about the rest of it', async () => {
    const text = await replyTo(privateMessage('中国铜业科技工作会议的主持人是谁？'))
    expect(text).toMatch(/^相关的文章都没有提到「主持人」/)
    expect(text).toContain('中国铜业科技工作会议的主持人是谁？')
  })

  it('says the reports do not know it yet, when they say what it asks is still under investigation', async () => {
    const own = await openTestLibrary([
      {
        file: 'fire.txt',
        title: '青禾市一居民区发生火灾',
        date: '2024-11-25',
        paragraphs: ['青禾市一个居民区24日发生火灾，上百栋房屋被烧毁。大火已被扑灭，没有人员伤亡。起火原因正在调查中。'],
      },
    ])
    try {
      const t = await createTestBot({ corpus: own })
      await t.send(privateMessage('青禾市居民区那场大火是什么原因引起的？'))
      expect(t.lastText()).toMatch(/^相关的报道说「原因」还不清楚或仍在调查/)
      await t.send(privateMessage('青禾市居民区大火烧毁了多少栋房屋？'))
      expect(t.lastText()).toContain('上百栋房屋')
    } finally {
      await own.close()
    }
  })

  it('names a letter code the reports never mention as the user typed it', async () => {
    const text = await replyTo(privateMessage('中国铜业科技工作会议 ChatGPT'))
    expect(text).toMatch(/^相关的文章都没有提到「ChatGPT」/)
  })

  it('says which word nothing here is about, instead of suggesting shorter keywords', async () => {
    const text = await replyTo(privateMessage('会议的午餐菜单'))
    expect(text).toMatch(/^没有找到关于「(菜单|午餐)」的文章/)
    expect(text).not.toContain('更短')
  })
})
