import { describe, expect, it } from 'vitest'
import type { ChatSettings } from '../../src/bot/deps.js'
import { MemoryStore } from '../../src/store/store.js'
import { callbackQuery, command, groupChat, privateMessage, users } from '../helpers/bot-harness.js'
import { createTestBot, replyTo } from '../helpers/test-bot.js'

describe('reply language', () => {
  it('replies in Simplified by default', async () => {
    expect(await replyTo(command('search', '煤炭', { from: users.dave }))).toContain('<b>1. 中国煤炭地质总局召开科技专题工作会</b>')
  })

  it('replies in Traditional when the user writes Traditional', async () => {
    expect(await replyTo(privateMessage('採煤沉陷區', { from: users.dave }))).toContain('最相關的段落')
  })

  it('replies in Traditional when the Telegram language is zh-tw', async () => {
    const text = await replyTo(command('search', '黄河', { from: users.bob }))
    expect(text).toContain('第 1/1 頁')
    expect(text).toContain('<b>黃河</b>流域生態保護')
  })

  it('replies in English when the Telegram language is English, with every article in Simplified script', async () => {
    const text = await replyTo(command('search', '煤炭 铜业', { from: users.carol }))
    expect(text).toContain('2 articles, page 1/1')
    expect(text).toContain('中国煤炭地质总局')
    expect(text).toContain('中国铜业')
    expect(text).not.toContain('中國')
  })

  it('tells an English speaker whose English query found nothing that the articles are in Chinese', async () => {
    const text = await replyTo(command('search', 'quantum computing', { from: users.carol }))
    expect(text).toContain('The articles are in Chinese')
    expect(text).toContain('<code>/search 人工智能</code>')
  })
})

describe('/lang', () => {
  it('offers 简体 / 繁體 / English with the current choice ticked', async () => {
    const t = await createTestBot()
    await t.send(command('lang'))
    const reply = t.lastReply()
    expect(reply.text).toBe('请选择回复和文章显示的语言：')
    expect(reply.reply_markup.inline_keyboard[0].map((b: { text: string }) => b.text)).toEqual(['✓ 简体中文', '繁體中文', 'English'])
  })

  it('switches the chat to Traditional, converting later excerpts', async () => {
    const t = await createTestBot()
    await t.send(callbackQuery('l:zh-Hant'))
    expect(t.api.last('answerCallbackQuery')!.payload.text).toBe('好的，以後用繁體中文回覆。')
    expect(t.api.last('editMessageText')!.payload.text).toBe('好的，以後用繁體中文回覆。')
    await t.send(command('search', '黄河'))
    expect(t.lastText()).toContain('<b>黃河</b>流域生態保護')
  })

  it('lets a chosen language win over the Telegram language', async () => {
    const text = await replyTo(callbackQuery('l:zh-Hans', { from: users.carol }), command('search', '煤炭', { from: users.carol }))
    expect(text).toContain('共 1 篇')
  })

  it('remembers the choice across restarts', async () => {
    const settings = new MemoryStore<ChatSettings>()
    const before = await createTestBot({ chatSettings: settings })
    await before.send(callbackQuery('l:en'))
    const after = await createTestBot({ chatSettings: settings })
    await after.send(command('help'))
    expect(after.lastText()).toContain('Hello! I search Chinese science-and-technology news')
    expect(await settings.read(String(users.alice.id))).toEqual({ locale: 'en' })
  })

  it('is opened from the language button of /start', async () => {
    expect(await replyTo(callbackQuery('l'))).toBe('请选择回复和文章显示的语言：')
  })

  it('lets only group admins change a group language', async () => {
    const member = await createTestBot({ telegram: { chatMemberStatus: 'member' } })
    await member.send(callbackQuery('l:en', { chat: groupChat }))
    expect(member.api.last('answerCallbackQuery')!.payload).toMatchObject({ text: '只有群管理员可以更改本群的语言。', show_alert: true })
    expect(await member.deps.chatSettings.read(String(groupChat.id))).toBeUndefined()

    const admin = await createTestBot({ telegram: { chatMemberStatus: 'administrator' } })
    await admin.send(callbackQuery('l:en', { chat: groupChat }))
    expect(await admin.deps.chatSettings.read(String(groupChat.id))).toEqual({ locale: 'en' })
  })
})
