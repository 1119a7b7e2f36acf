import { Composer } from 'grammy'
import { parseTimeOfDay } from '../../digest/subscriptions.js'
import { HTML } from '../../telegram/html.js'
import { localize, type Text } from '../../telegram/i18n.js'
import type { CommandSpec } from '../commands.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { isChatAdmin } from '../helpers/chat-admin.js'
import { CALLBACK_PATTERNS } from '../callback-data.js'

/** The digest commands, for the menus and /help. */
export const DIGEST_COMMANDS: CommandSpec[] = [
  {
    command: 'subscribe',
    description: {
      zh: '订阅每日摘要（群管理员；可加时间，如 /subscribe 07:30）',
      en: 'Subscribe to the daily digest (group admins; optional time, e.g. /subscribe 07:30)',
    },
    audience: 'everyone',
  },
  { command: 'unsubscribe', description: { zh: '取消订阅每日摘要', en: 'Unsubscribe from the daily digest' }, audience: 'everyone' },
  {
    command: 'digest',
    description: { zh: '现在查看摘要（不影响定时推送）', en: 'Show the digest now (the schedule is unchanged)' },
    audience: 'everyone',
  },
]

const T = {
  adminsOnly: {
    zh: '只有本群的群主或管理员可以订阅或取消订阅每日摘要。',
    en: 'Only the group’s owner or administrators can subscribe to or unsubscribe from the daily digest.',
  },
  channelsNo: { zh: '频道中不支持订阅，请在群组或私聊中使用。', en: 'Subscriptions work in groups and private chats, not channels.' },
  badTime: {
    zh: '时间格式应为 时:分，例如 /subscribe 07:30。',
    en: 'The time should be HH:MM, e.g. /subscribe 07:30.',
  },
  couldNotCheck: {
    zh: '无法确认你的管理员身份，请稍后再试。',
    en: 'Could not check whether you are an administrator; please try again later.',
  },
  nothingNew: { zh: '目前没有新文章。', en: 'No new articles right now.' },
  notSubscribed: { zh: '本聊天没有订阅每日摘要。', en: 'This chat is not subscribed to the daily digest.' },
  unsubscribed: { zh: '已取消订阅每日摘要。', en: 'Unsubscribed from the daily digest.' },
} satisfies Record<string, Text>

/** The deep-link payload that opens a chat's full digest in private: `dg_<chat id>` (ids may be negative). */
const FULL_LIST_PAYLOAD_PREFIX = 'dg_'
const FULL_LIST_PAYLOAD = /^dg_(-?\d{1,20})$/

/** Replies with `text` in the chat's language. */
const say = (ctx: BotContext, text: Text) => ctx.reply(localize(ctx.locale, text))

/** What /subscribe answers: when the digest will come, and where (the topic it was sent in). */
const subscribedText = (time: string, tz: string, custom: boolean, inTopic: boolean): Text => {
  const daily = /^\d\d:\d\d$/.test(time)
  const when = daily
    ? { zh: `每天 ${time}（${tz}）`, en: `daily at ${time} (${tz})` }
    : { zh: `按计划 ${time}（${tz}）`, en: `on the schedule ${time} (${tz})` }
  const where = inTopic ? { zh: '，发到这个话题里', en: ', in this topic' } : { zh: '', en: '' }
  const change = custom
    ? { zh: '', en: '' }
    : { zh: '想换时间可以发送 /subscribe 07:30 这样的命令。', en: 'To choose another time, send e.g. /subscribe 07:30.' }
  return {
    zh: `已订阅：科技新闻摘要将于${when.zh}推送${where.zh}。${change.zh}`,
    en: `Subscribed: the digest arrives ${when.en}${where.en}. ${change.en}`.trim(),
  }
}

/**
 * /subscribe, /unsubscribe and /digest, plus the chat events that change a
 * subscription: the bot removed or blocked (`my_chat_member`), and a group
 * upgraded to a supergroup (`migrate_to_chat_id` / `migrate_from_chat_id`).
 */
export function createDigestFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { digest } = deps

  /** Who may change a chat's subscription: the user in a private chat, a group's admins; everyone else is told why not. */
  const mayManage = async (ctx: BotContext): Promise<boolean> => {
    if (ctx.chat?.type === 'channel') {
      await say(ctx, T.channelsNo)
      return false
    }
    const check = await isChatAdmin(ctx)
    if (check === 'admin') return true
    if (check === 'unknown') deps.logger.warn({ chatId: ctx.chat?.id }, 'digest: getChatMember failed')
    await say(ctx, check === 'unknown' ? T.couldNotCheck : T.adminsOnly)
    return false
  }

  composer.command('subscribe', async (ctx) => {
    const arg = ctx.match.trim()
    const time = arg === '' ? undefined : parseTimeOfDay(arg)
    if (arg !== '' && time === undefined) return void (await say(ctx, T.badTime))
    if (!(await mayManage(ctx))) return
    const old = await digest.subscription(ctx.chat.id)
    // In a forum, the topic the command was sent in is where the digest goes.
    const threadId = ctx.msg.is_topic_message ? ctx.msg.message_thread_id : undefined
    const sub = await digest.subscribe(ctx.chat.id, {
      ...(ctx.from ? { by: ctx.from.id } : {}),
      // A re-subscription without a time keeps the chat's time.
      ...(time ? { time } : old?.time ? { time: old.time } : {}),
      locale: ctx.locale,
      ...(threadId !== undefined ? { threadId } : {}),
    })
    await say(ctx, subscribedText(sub.time ?? digest.defaultTime, digest.timeZone, sub.time !== undefined, threadId !== undefined))
  })

  composer.command('unsubscribe', async (ctx) => {
    if (!(await mayManage(ctx))) return
    await say(ctx, (await digest.unsubscribe(ctx.chat.id)) ? T.unsubscribed : T.notSubscribed)
  })

  composer.command('digest', async (ctx) => {
    const parts = await digest.preview(ctx.chat.id, ctx.locale)
    if (parts.length === 0) return void (await say(ctx, T.nothingNew))
    for (const part of parts) await ctx.reply(part.text, { ...HTML, ...(part.replyMarkup ? { reply_markup: part.replyMarkup } : {}) })
  })

  // The group digest's "full list" button: the full form, in a private chat so the group is not flooded.
  composer.callbackQuery(CALLBACK_PATTERNS.fullList, async (ctx) => {
    const chat = ctx.chat
    if (!chat || chat.type === 'private') {
      await ctx.answerCallbackQuery()
      await sendFull(ctx, ctx.from.id)
      return
    }
    // Telegram opens the bot's private chat with this payload (t.me/<bot>?start=…).
    await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=${FULL_LIST_PAYLOAD_PREFIX}${chat.id}` })
  })

  const sendFull = async (ctx: BotContext, chatId: number) => {
    const parts = await digest.preview(chatId, ctx.locale, 'full')
    if (parts.length === 0) return void (await say(ctx, T.nothingNew))
    for (const part of parts) await ctx.api.sendMessage(ctx.from!.id, part.text, HTML)
  }

  // /start dg_<chat id>: the full list of that chat's digest, opened from its button.
  composer.command('start', async (ctx, next) => {
    const payload = FULL_LIST_PAYLOAD.exec(ctx.match.trim())
    if (!payload || ctx.chat.type !== 'private') return next()
    await sendFull(ctx, Number(payload[1]))
  })

  composer.on('my_chat_member', async (ctx, next) => {
    const status = ctx.myChatMember.new_chat_member.status
    if (status === 'left' || status === 'kicked') await digest.chatGone(ctx.chat.id, status === 'kicked' ? 'blocked' : 'removed')
    await next()
  })

  composer.on('message:migrate_to_chat_id', async (ctx, next) => {
    await digest.chatMigrated(ctx.chat.id, ctx.message.migrate_to_chat_id)
    await next()
  })
  composer.on('message:migrate_from_chat_id', async (ctx, next) => {
    await digest.chatMigrated(ctx.message.migrate_from_chat_id, ctx.chat.id)
    await next()
  })

  return composer
}
