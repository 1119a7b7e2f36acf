/**
 * Who talks to the bot in tests, and the updates they send, following grammY's
 * own test suite: one `botInfo` fixture (so no `getMe` call), users and chats,
 * and update factories (every update gets a fresh `update_id`). What the bot
 * sends back is recorded by the fake Telegram in `fake-telegram.ts`.
 *
 * @example
 *   await bot.handleUpdate(command('search', '黄河'))
 */
import type { CallbackQuery, Chat, Document, InlineQuery, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types'
import { BOT_INFO } from '../../src/bot/bot-info.js'

/** The bot as `getMe` would describe it (the console's too). Pass as `new Bot(token, { botInfo })`. */
export const botInfo: UserFromGetMe = BOT_INFO

/** A token grammY accepts; never sent anywhere because the transformer answers every call. */
export const TEST_TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv'

/** Users and chats the factories default to. */
export const users = {
  /** A mainland user writing Simplified, Telegram language zh-hans. */
  alice: { id: 1001, is_bot: false, first_name: '小明', language_code: 'zh-hans' } satisfies User,
  /** A Taiwanese user, Telegram language zh-tw. */
  bob: { id: 1002, is_bot: false, first_name: '阿寶', language_code: 'zh-tw' } satisfies User,
  /** An English-speaking user. */
  carol: { id: 1003, is_bot: false, first_name: 'Carol', language_code: 'en' } satisfies User,
  /** A user with no language code at all. */
  dave: { id: 1004, is_bot: false, first_name: '大卫' } satisfies User,
}

export const groupChat: Chat.GroupChat = { id: -100200300, type: 'group', title: '科技新闻讨论组' }
export const supergroupChat: Chat.SupergroupChat = { id: -1001234567890, type: 'supergroup', title: '科技圈' }

// ---------------------------------------------------------------------------
// Update factories. Every update gets a fresh `update_id`.

let updateId = 1
let messageCounter = 1
const nextUpdateId = () => updateId++
const DATE = 1_717_000_000

/** Entities Telegram would attach: a leading `/command`, `@mentions`. */
export function entitiesFor(text: string): MessageEntity[] {
  const entities: MessageEntity[] = []
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text)
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length })
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
    if (command && m.index < command[0].length) continue
    entities.push({ type: 'mention', offset: m.index, length: m[0].length })
  }
  return entities
}

export interface MessageOptions {
  from?: User
  chat?: Chat
  /** The message this one replies to. */
  replyTo?: Message
  message_id?: number
}

/** A raw message object (for `replyTo`, or to build custom updates). */
export function messageObject(text: string, opts: MessageOptions = {}): Message.TextMessage {
  const from = opts.from ?? users.alice
  const chat = opts.chat ?? privateChatOf(from)
  const entities = entitiesFor(text)
  return {
    message_id: opts.message_id ?? messageCounter++,
    date: DATE,
    chat,
    from,
    text,
    ...(entities.length ? { entities } : {}),
    ...(opts.replyTo ? { reply_to_message: opts.replyTo as Message & { reply_to_message: undefined } } : {}),
  }
}

export function privateChatOf(user: User): Chat.PrivateChat {
  return { id: user.id, type: 'private', first_name: user.first_name, ...(user.username ? { username: user.username } : {}) }
}

/** A text message in the sender's private chat with the bot. Commands and mentions get entities. */
export function privateMessage(text: string, opts: Omit<MessageOptions, 'chat'> = {}): Update {
  return { update_id: nextUpdateId(), message: messageObject(text, opts) as NonNullable<Update['message']> }
}

/** A text message in a group (default `groupChat`). */
export function groupMessage(text: string, opts: MessageOptions = {}): Update {
  return {
    update_id: nextUpdateId(),
    message: messageObject(text, { ...opts, chat: opts.chat ?? groupChat }) as NonNullable<Update['message']>,
  }
}

/** A message that replies to one of the bot's messages, in a group. */
export function groupReplyToBot(text: string, opts: MessageOptions = {}): Update {
  const botMessage = messageObject('之前的回复', { from: botInfo, chat: opts.chat ?? groupChat })
  return groupMessage(text, { ...opts, replyTo: botMessage })
}

/**
 * A command message. `args` is appended after a space; `chat` selects private (default) or group;
 * `mention` adds `@<botname>` like Telegram does in groups.
 * @example command('search', '黄河 生态', { chat: groupChat, mention: true }) // "/search@KejiNewsBot 黄河 生态"
 */
export function command(name: string, args = '', opts: MessageOptions & { mention?: boolean } = {}): Update {
  const text = `/${name}${opts.mention ? `@${botInfo.username}` : ''}${args ? ` ${args}` : ''}`
  return opts.chat ? groupMessage(text, opts) : privateMessage(text, opts)
}

export interface CallbackOptions {
  from?: User
  /** The message the pressed button belongs to (default: a bot message in the sender's private chat). */
  message?: Message
  chat?: Chat
}

/** A press of an inline-keyboard button with `data`. */
export function callbackQuery(data: string, opts: CallbackOptions = {}): Update {
  const from = opts.from ?? users.alice
  const message = opts.message ?? messageObject('结果', { from: botInfo, chat: opts.chat ?? privateChatOf(from), message_id: 500 })
  const query: CallbackQuery = {
    id: `cbq-${updateId}`,
    from,
    chat_instance: 'ci-1',
    data,
    message,
  }
  return { update_id: nextUpdateId(), callback_query: query }
}

/** An inline query `@KejiNewsBot <query>` from any chat. */
export function inlineQuery(query: string, opts: { from?: User; offset?: string } = {}): Update {
  const inline: InlineQuery = {
    id: `iq-${updateId}`,
    from: opts.from ?? users.alice,
    query,
    offset: opts.offset ?? '',
    chat_type: 'sender',
  }
  return { update_id: nextUpdateId(), inline_query: inline }
}

/** A message carrying a document (e.g. an uploaded `.txt` article), optionally with a caption. */
export function documentMessage(
  document: Partial<Document> & { file_name?: string } = {},
  opts: MessageOptions & { caption?: string } = {},
): Update {
  const from = opts.from ?? users.alice
  const chat = opts.chat ?? privateChatOf(from)
  const doc: Document = {
    file_id: document.file_id ?? `file-${updateId}`,
    file_unique_id: document.file_unique_id ?? `unique-${updateId}`,
    file_name: document.file_name ?? 'article.txt',
    mime_type: document.mime_type ?? 'text/plain',
    file_size: document.file_size ?? 2048,
  }
  const caption = opts.caption
  const entities = caption ? entitiesFor(caption) : []
  const message = {
    message_id: opts.message_id ?? messageCounter++,
    date: DATE,
    chat,
    from,
    document: doc,
    ...(caption ? { caption } : {}),
    ...(entities.length ? { caption_entities: entities } : {}),
  } as Message.DocumentMessage as NonNullable<Update['message']>
  return { update_id: nextUpdateId(), message }
}

/**
 * The bot's own membership changed in a chat (added to a group, blocked in private, …).
 * @example myChatMember('kicked') // the user blocked the bot
 */
export function myChatMember(
  status: 'member' | 'administrator' | 'left' | 'kicked',
  opts: { from?: User; chat?: Chat; oldStatus?: 'member' | 'left' | 'kicked' | 'administrator' } = {},
): Update {
  const from = opts.from ?? users.alice
  const chat = opts.chat ?? privateChatOf(from)
  const old = opts.oldStatus ?? (status === 'member' || status === 'administrator' ? 'left' : 'member')
  const member = (s: string) => ({ status: s, user: botInfo }) as never
  return {
    update_id: nextUpdateId(),
    my_chat_member: {
      chat,
      from,
      date: DATE,
      old_chat_member: member(old),
      new_chat_member: member(status),
    },
  }
}
