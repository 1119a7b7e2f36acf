import { describe, expect, it } from 'vitest'
import { groupMessage, groupReplyToBot, privateMessage, users } from '../helpers/bot-harness.js'
import { createTestBot } from '../helpers/test-bot.js'

describe('free-text questions', () => {
  it('answers any text in a private chat with the best excerpts', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(privateMessage('中国铜业的会议在哪里召开？'))
    const text = String(t.api.last('sendMessage')!.payload.text)
    expect(text).toContain('💬 关于 <b>「中国铜业的会议在哪里召开？」</b>，最相关的段落：')
    expect(text).toContain('<b>1. 中国铜业召开2024年科技工作会议</b>')
    expect(text).toContain('云南昆明')
  })

  it('suggests shorter keywords when nothing matches', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(privateMessage('火星车今天着陆了吗'))
    expect(t.api.last('sendMessage')!.payload.text).toContain('试试更短或更常见的关键词')
  })

  it('answers in English for an English-speaking user', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(privateMessage('黄河', { from: users.carol }))
    expect(t.api.last('sendMessage')!.payload.text).toContain('The most relevant passages for <b>“黄河”</b>')
  })

  it('stays quiet in groups when the bot is neither mentioned nor replied to', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(groupMessage('黄河流域今年的项目怎么样？'))
    expect(t.api.calls).toEqual([])
  })

  it('answers in groups when mentioned, without searching for its own name', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(groupMessage('@KejiNewsBot 黄河'))
    expect(t.library.queries).toEqual(['黄河'])
    expect(t.api.last('sendMessage')!.payload.text).toContain('<b>黄河</b>')
  })

  it('answers in groups when someone replies to the bot', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(groupReplyToBot('量子芯片'))
    expect(t.api.last('sendMessage')!.payload.text).toContain('<b>量子芯片</b>')
  })

  it('gives the short help when mentioned with nothing else', async () => {
    const t = createTestBot()
    await t.bot.handleUpdate(groupMessage('@KejiNewsBot'))
    expect(t.api.last('sendMessage')!.payload.text).toContain('我是科技新闻搜索机器人')
    expect(t.library.queries).toEqual([])
  })
})
