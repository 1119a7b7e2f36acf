import { describe, expect, it } from 'vitest'
import { command, documentMessage, groupChat, groupMessage, myChatMember, privateMessage, users } from '../helpers/bot-harness.js'
import { COPPER } from '../helpers/articles.js'
import { BOT_COMMANDS } from '../../src/bot/create-bot.js'
import { createTestBot, idOf, replyTo } from '../helpers/test-bot.js'

describe('/start and /help', () => {
  it('explains what the bot does, its commands and two example searches in a private chat', async () => {
    const t = await createTestBot()
    await t.send(command('start'))
    const reply = t.lastReply()
    const text = t.lastText()
    expect(text).toContain('科技新闻搜索机器人')
    for (const c of ['/search', '/read', '/lang', '/help']) expect(text).toContain(c)
    expect(text).toContain('<code>/search 黄河流域</code>')
    expect(text).toContain('<code>中国铜业的会议在哪里召开？</code>')
    expect(text).toContain('@KejiNewsBot')
    expect(reply.reply_markup.inline_keyboard[0][0].callback_data).toBe('l')
  })

  it('gives the same help for /help, in English for English users', async () => {
    expect(await replyTo(command('help', '', { from: users.carol }))).toContain('/search — Search articles, e.g. /search 黄河流域')
  })

  it('lists the same commands as the menus: the admin ones only to admins', async () => {
    const everyone = BOT_COMMANDS.filter((c) => c.audience === 'everyone' && c.command !== 'start').map((c) => `/${c.command} — `)
    const admins = BOT_COMMANDS.filter((c) => c.audience === 'admin').map((c) => `/${c.command} — `)
    const user = await replyTo(command('help'))
    for (const line of everyone) expect(user).toContain(line)
    for (const line of admins) expect(user).not.toContain(line)
    const t = await createTestBot({ config: { adminIds: [users.alice.id] } })
    await t.send(command('help'))
    for (const line of [...everyone, ...admins]) expect(t.lastText()).toContain(line)
  })

  it('gives a short version in groups', async () => {
    const text = await replyTo(command('help', '', { chat: groupChat, mention: true }))
    expect(text).toContain('私聊我查看完整说明')
    expect(text.length).toBeLessThan(150)
  })

  it('opens an article from a deep link of an inline result', async () => {
    expect(await replyTo(command('start', `r_${await idOf(COPPER)}`))).toContain('<b>中国铜业召开2024年科技工作会议</b>')
  })
})

describe('anything else', () => {
  it('points to /help for an unknown command in a private chat', async () => {
    expect(await replyTo(command('frobnicate'))).toBe('我不认识这个命令。发送 /help 查看可用的命令。')
  })

  it('says it only reads text when sent something else in private', async () => {
    expect(await replyTo(documentMessage({ file_name: 'photo.jpg', mime_type: 'image/jpeg' }))).toContain('我只能读文字消息')
  })

  it('stays quiet in groups about unknown commands and chatter', async () => {
    const t = await createTestBot()
    await t.send(groupMessage('/frobnicate'), groupMessage('今天天气不错'))
    expect(t.api.calls).toEqual([])
  })

  it('says nothing when a user blocks it', async () => {
    const t = await createTestBot()
    await t.send(myChatMember('kicked'))
    expect(t.api.calls).toEqual([])
  })

  it('greets a group it is added to, once, with how to use it there', async () => {
    const t = await createTestBot()
    await t.send(myChatMember('member', { chat: groupChat }), myChatMember('administrator', { chat: groupChat, oldStatus: 'member' }))
    expect(t.api.texts()).toHaveLength(1)
    expect(t.lastText()).toContain('<code>/search 关键词</code>')
    expect(t.lastText()).toContain('/subscribe')
  })

  it('does not take a private command for a question', async () => {
    const t = await createTestBot()
    await t.send(privateMessage('/frobnicate 黄河'))
    expect(t.library.queries).toEqual([])
  })
})
