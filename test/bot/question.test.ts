import { describe, expect, it } from 'vitest'
import { groupMessage, groupReplyToBot, privateMessage, users } from '../helpers/bot-harness.js'
import { createTestBot, replyTo } from '../helpers/test-bot.js'

describe('free-text questions', () => {
  it('answers any text in a private chat with the best excerpts', async () => {
    const text = await replyTo(privateMessage('中国铜业的会议在哪里召开？'))
    expect(text).toContain('💬 关于 <b>「中国铜业的会议在哪里召开？」</b>，最相关的段落：')
    expect(text).toContain('<b>1. 中国铜业召开2024年科技工作会议</b>')
    expect(text).toContain('云南昆明')
  })

  it('suggests shorter keywords when nothing matches', async () => {
    expect(await replyTo(privateMessage('火星车今天着陆了吗'))).toContain('试试更短或更常见的关键词')
  })

  it('answers in English for an English-speaking user', async () => {
    expect(await replyTo(privateMessage('黄河', { from: users.carol }))).toContain('The most relevant passages for <b>“黄河”</b>')
  })

  it('stays quiet in groups when the bot is neither mentioned nor replied to', async () => {
    const t = await createTestBot()
    await t.send(groupMessage('黄河流域今年的项目怎么样？'))
    expect(t.api.calls).toEqual([])
  })

  it('answers in groups when mentioned, without searching for its own name', async () => {
    const t = await createTestBot()
    await t.send(groupMessage('@KejiNewsBot 黄河'))
    expect(t.library.queries).toEqual(['黄河'])
    expect(t.lastText()).toContain('<b>黄河</b>')
  })

  it('answers in groups when someone replies to the bot', async () => {
    expect(await replyTo(groupReplyToBot('量子芯片'))).toContain('<b>量子芯片</b>')
  })

  it('gives the short help when mentioned with nothing else', async () => {
    const t = await createTestBot()
    await t.send(groupMessage('@KejiNewsBot'))
    expect(t.lastText()).toContain('我是科技新闻搜索机器人')
    expect(t.library.queries).toEqual([])
  })
})
