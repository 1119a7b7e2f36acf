import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Chat, Update, User } from 'grammy/types'
import { afterEach, describe, expect, it } from 'vitest'
import { GROUP_ANONYMOUS_BOT_ID } from '../../src/bot/helpers/chat-admin.js'
import { parseConfig } from '../../src/config.js'
import { MemoryDeliveryLog } from '../../src/digest/delivery-log.js'
import { createDigest } from '../../src/digest/create-digest.js'
import type { Subscription } from '../../src/digest/subscriptions.js'
import { silentLogger } from '../../src/logger.js'
import { MemoryStore } from '../../src/store/store.js'
import { callbackQuery, command, groupChat, groupMessage, myChatMember, supergroupChat, users } from '../helpers/bot-harness.js'
import type { FakeTelegramOptions } from '../helpers/fake-telegram.js'
import { YELLOW_RIVER } from '../helpers/articles.js'
import { createTestBot, idOf, sharedCorpus } from '../helpers/test-bot.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function setup(telegram: FakeTelegramOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'digest-bot-'))
  dirs.push(dir)
  const { library } = await sharedCorpus()
  const subscriptions = new MemoryStore<Subscription>()
  const digest = await createDigest({
    config: parseConfig({ DATA_DIR: dir }),
    library,
    logger: silentLogger,
    subscriptionStore: subscriptions,
    deliveryLog: new MemoryDeliveryLog(),
    stateStore: new MemoryStore(),
  })
  const t = await createTestBot({ digest: digest.service, telegram })
  digest.attachApi(t.bot.api)
  const sub = (chatId: number) => digest.service.subscription(chatId)
  const replies = () => t.api.texts()
  return { ...t, digest, sub, replies }
}

const anonymousAdmin: User = { id: GROUP_ANONYMOUS_BOT_ID, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }

/** A command sent as `sender_chat` (an anonymous admin posts as the group; a linked channel as itself). */
function commandAs(name: string, senderChat: Chat): Update {
  const update = command(name, '', { chat: groupChat, from: anonymousAdmin })
  ;(update.message as { sender_chat?: Chat }).sender_chat = senderChat
  return update
}

describe('/subscribe in a group', () => {
  it('refuses an ordinary member, saying who may', async () => {
    const t = await setup({ chatMemberStatus: 'member' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    expect(t.api.last('getChatMember')?.payload).toMatchObject({ chat_id: groupChat.id, user_id: users.alice.id })
    expect(t.replies().at(-1)).toContain('只有本群的群主或管理员')
    expect(await t.sub(groupChat.id)).toBeUndefined()
  })

  it.each(['administrator', 'creator'] as const)('lets the group’s %s subscribe', async (status) => {
    const t = await setup({ chatMemberStatus: status })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    expect(t.replies().at(-1)).toContain('已订阅')
    expect(await t.sub(groupChat.id)).toMatchObject({ active: true, subscribedBy: users.alice.id })
  })

  it('lets an anonymous administrator (GroupAnonymousBot, posting as the group) subscribe', async () => {
    const t = await setup({ chatMemberStatus: 'member' })
    await t.bot.handleUpdate(commandAs('subscribe', groupChat))
    expect(t.api.callsOf('getChatMember')).toHaveLength(0)
    expect(await t.sub(groupChat.id)).toMatchObject({ active: true })
  })

  it('refuses a linked channel posting into the group', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(commandAs('subscribe', { id: -1005550001, type: 'channel', title: '科技频道' }))
    expect(t.replies().at(-1)).toContain('只有本群的群主或管理员')
    expect(await t.sub(groupChat.id)).toBeUndefined()
  })

  it('answers in Traditional script to a Traditional-script member it refuses', async () => {
    const t = await setup({ chatMemberStatus: 'member' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: supergroupChat, from: users.bob }))
    expect(t.replies().at(-1)).toContain('只有本群的群主或管理員')
  })

  it('takes an optional time of day and rejects a malformed one', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(command('subscribe', '7:30', { chat: groupChat, from: users.alice }))
    expect(await t.sub(groupChat.id)).toMatchObject({ time: '07:30' })
    expect(t.replies().at(-1)).toContain('07:30（Asia/Shanghai）')
    await t.bot.handleUpdate(command('subscribe', '25:00', { chat: groupChat, from: users.alice }))
    expect(t.replies().at(-1)).toContain('时间格式应为')
    expect(await t.sub(groupChat.id)).toMatchObject({ time: '07:30' })
  })
})

describe('/subscribe and /unsubscribe in a private chat', () => {
  it('subscribes the user themself without asking Telegram about membership', async () => {
    const t = await setup()
    await t.bot.handleUpdate(command('subscribe', '', { from: users.carol }))
    expect(t.api.callsOf('getChatMember')).toHaveLength(0)
    expect(await t.sub(users.carol.id)).toMatchObject({ active: true, locale: 'en' })
    expect(t.replies().at(-1)).toContain('Subscribed')
    await t.bot.handleUpdate(command('unsubscribe', '', { from: users.carol }))
    expect(await t.sub(users.carol.id)).toMatchObject({ active: false })
    expect(t.replies().at(-1)).toContain('Unsubscribed')
  })
})

describe('/unsubscribe in a group', () => {
  it('is for administrators only, like /subscribe', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    t.api.respond('getChatMember', (p) => ({ status: 'member', user: { id: Number(p.user_id), is_bot: false, first_name: 'm' } }))
    await t.bot.handleUpdate(command('unsubscribe', '', { chat: groupChat, from: users.dave }))
    expect(t.replies().at(-1)).toContain('只有本群的群主或管理员')
    expect(await t.sub(groupChat.id)).toMatchObject({ active: true })
  })
})

describe('/digest', () => {
  it('shows the digest now, and the scheduled digest still covers the same articles', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    t.api.clear()
    await t.bot.handleUpdate(command('digest', '', { chat: groupChat, from: users.alice }))
    const now = t.replies().join('\n')
    expect(now).toContain('科技新闻日报')
    expect(now).toContain(`/read_${await idOf(YELLOW_RIVER)}`)
    expect((await t.sub(groupChat.id))?.coveredUntil).toBeUndefined()

    t.api.clear()
    expect(await t.digest.runOnce()).toMatchObject({ sent: 1 })
    const scheduled = t.replies().join('\n')
    expect(scheduled).toContain(`/read_${await idOf(YELLOW_RIVER)}`)
    expect(t.api.last('sendMessage')?.payload).toMatchObject({ chat_id: groupChat.id, parse_mode: 'HTML' })

    // After the scheduled one, /digest shows today's digest again (it used to say nothing was new).
    t.api.clear()
    await t.bot.handleUpdate(command('digest', '', { chat: groupChat, from: users.alice }))
    expect(t.replies().join('\n')).toContain(`/read_${await idOf(YELLOW_RIVER)}`)
    expect(t.replies().join('\n')).not.toContain('目前没有新文章')
  })

  it('says when the digest will come, and delivers a subscription made in a forum topic to that topic', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    const update = command('subscribe', '', { chat: supergroupChat, from: users.alice })
    Object.assign(update.message!, { is_topic_message: true, message_thread_id: 77 })
    await t.bot.handleUpdate(update)
    expect(t.replies().at(-1)).toBe(
      '已订阅：科技新闻摘要将于每天 08:00（Asia/Shanghai）推送，发到这个话题里。想换时间可以发送 /subscribe 07:30 这样的命令。',
    )
    t.api.clear()
    expect(await t.digest.runOnce()).toMatchObject({ sent: 1 })
    expect(t.api.last('sendMessage')?.payload).toMatchObject({ chat_id: supergroupChat.id, message_thread_id: 77 })
  })
})

describe('the full list of a group digest', () => {
  it('opens the bot’s private chat from the group’s button, and sends the full digest there', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    await t.bot.handleUpdate(command('digest', '', { chat: groupChat, from: users.alice }))
    const groupDigest = t.api.last('sendMessage')!.payload
    const button = groupDigest.reply_markup.inline_keyboard[0][0]
    expect(button.text).toBe('📋 完整列表')

    await t.bot.handleUpdate(callbackQuery(button.callback_data, { chat: groupChat, from: users.alice }))
    const answer = t.api.last('answerCallbackQuery')!.payload
    expect(answer.url).toBe(`https://t.me/KejiNewsBot?start=dg_${groupChat.id}`)

    t.api.clear()
    await t.bot.handleUpdate(command('start', `dg_${groupChat.id}`, { from: users.alice }))
    const full = t.api.callsOf('sendMessage')
    expect(full.length).toBeGreaterThanOrEqual(1)
    expect(full.every((c) => c.payload.chat_id === users.alice.id)).toBe(true)
    expect(full.map((c) => String(c.payload.text)).join('\n')).toContain('科技新闻日报')
  })
})

describe('chat events', () => {
  it('deactivates the subscription when the bot is removed from the group', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    await t.bot.handleUpdate(myChatMember('left', { chat: groupChat, from: users.alice }))
    expect(await t.sub(groupChat.id)).toMatchObject({ active: false, inactiveReason: 'removed' })
  })

  it('deactivates a private subscription when the user blocks the bot', async () => {
    const t = await setup()
    await t.bot.handleUpdate(command('subscribe', '', { from: users.alice }))
    await t.bot.handleUpdate(myChatMember('kicked', { from: users.alice }))
    expect(await t.sub(users.alice.id)).toMatchObject({ active: false, inactiveReason: 'blocked' })
  })

  it('moves the subscription when the group becomes a supergroup, and delivers there', async () => {
    const t = await setup({ chatMemberStatus: 'administrator' })
    await t.bot.handleUpdate(command('subscribe', '', { chat: groupChat, from: users.alice }))
    const migrated = groupMessage('', { chat: groupChat, from: users.alice })
    const message = migrated.message as unknown as Record<string, unknown>
    delete message.text
    message.migrate_to_chat_id = supergroupChat.id
    await t.bot.handleUpdate(migrated)
    expect(await t.sub(groupChat.id)).toMatchObject({ active: false, migratedTo: supergroupChat.id })
    expect(await t.sub(supergroupChat.id)).toMatchObject({ active: true })
    t.api.clear()
    await t.digest.runOnce()
    expect(t.api.callsOf('sendMessage').map((c) => c.payload.chat_id)).toEqual([supergroupChat.id])
  })
})
