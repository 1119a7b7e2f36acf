import { Composer } from 'grammy'
import { isDigestControl } from '../../digest/service.js'
import { parseTimeOfDay } from '../../digest/subscriptions.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { localize, type Text } from '../../telegram/i18n.js'
import type { CommandDescription } from './command-list.js'

/** The digest commands, for `setMyCommands` and /help. */
export const DIGEST_COMMANDS: CommandDescription[] = [
  {
    command: 'subscribe',
    zh: '订阅每日摘要（群管理员；可加时间，如 /subscribe 07:30）',
    en: 'Subscribe to the daily digest (group admins; optional time, e.g. /subscribe 07:30)',
  },
  { command: 'unsubscribe', zh: '取消订阅每日摘要', en: 'Unsubscribe from the daily digest' },
  { command: 'digest', zh: '现在查看摘要（不影响定时推送）', en: 'Show the digest now (the schedule is unchanged)' },
]

/** Telegram's user for messages an anonymous group admin sends. */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824

const T = {
  unavailable: { zh: '每日摘要暂不可用。', en: 'The daily digest is not available right now.' },
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

/** Replies with `text` in the chat's language. */
const say = (ctx: BotContext, text: Text) => ctx.reply(localize(ctx.locale, text))

const subscribedText = (time: string | undefined, tz: string): Text =>
  time
    ? { zh: `已订阅：每天 ${time}（${tz}）推送科技新闻摘要。`, en: `Subscribed: the digest arrives daily at ${time} (${tz}).` }
    : { zh: `已订阅：每天定时推送科技新闻摘要（${tz}）。`, en: `Subscribed: the digest arrives daily on the default schedule (${tz}).` }

/**
 * /subscribe, /unsubscribe and /digest, plus the chat events that change a
 * subscription: the bot removed or blocked (`my_chat_member`), and a group
 * upgraded to a supergroup (`migrate_to_chat_id` / `migrate_from_chat_id`).
 */
export function createDigestFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const digest = isDigestControl(deps.digest) ? deps.digest : undefined

  composer.command('subscribe', async (ctx) => {
    if (!digest) return void (await say(ctx, T.unavailable))
    const arg = ctx.match.trim()
    const time = arg === '' ? undefined : parseTimeOfDay(arg)
    if (arg !== '' && time === undefined) return void (await say(ctx, T.badTime))
    if (!(await mayManage(ctx, deps))) return
    const old = await digest.subscription(ctx.chat.id)
    const sub = await digest.subscribe(ctx.chat.id, {
      ...(ctx.from ? { by: ctx.from.id } : {}),
      // A re-subscription without a time keeps the chat's time.
      ...(time ? { time } : old?.time ? { time: old.time } : {}),
      locale: ctx.locale,
    })
    await say(ctx, subscribedText(sub.time, digest.timeZone))
  })

  composer.command('unsubscribe', async (ctx) => {
    if (!digest) return void (await say(ctx, T.unavailable))
    if (!(await mayManage(ctx, deps))) return
    await say(ctx, (await digest.unsubscribe(ctx.chat.id)) ? T.unsubscribed : T.notSubscribed)
  })

  composer.command('digest', async (ctx) => {
    if (!digest) return void (await say(ctx, T.unavailable))
    const parts = await digest.preview(ctx.chat.id, ctx.locale)
    if (parts.length === 0) return void (await say(ctx, T.nothingNew))
    for (const part of parts) await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
  })

  composer.on('my_chat_member', async (ctx, next) => {
    const status = ctx.myChatMember.new_chat_member.status
    if (digest && (status === 'left' || status === 'kicked'))
      await digest.chatGone(ctx.chat.id, status === 'kicked' ? 'blocked' : 'removed')
    await next()
  })

  composer.on('message:migrate_to_chat_id', async (ctx, next) => {
    if (digest) await digest.chatMigrated(ctx.chat.id, ctx.message.migrate_to_chat_id)
    await next()
  })
  composer.on('message:migrate_from_chat_id', async (ctx, next) => {
    if (digest) await digest.chatMigrated(ctx.message.migrate_from_chat_id, ctx.chat.id)
    await next()
  })

  return composer
}

/**
 * Who may change a chat's subscription: in a private chat, the user (for
 * themself); in a group, its creator and administrators — checked with
 * `getChatMember` — including an anonymous administrator, whose messages come
 * from `GroupAnonymousBot` with the group itself as `sender_chat`. Everyone
 * else is told why not.
 */
async function mayManage(ctx: BotContext, deps: BotDeps): Promise<boolean> {
  const chat = ctx.chat!
  if (chat.type === 'private') return true
  if (chat.type === 'channel') {
    await say(ctx, T.channelsNo)
    return false
  }
  const senderChat = ctx.msg?.sender_chat
  if (senderChat) {
    // Only Telegram can post as the group itself: that is an anonymous admin. A linked channel is not.
    if (senderChat.id === chat.id) return true
    await say(ctx, T.adminsOnly)
    return false
  }
  if (!ctx.from || ctx.from.id === GROUP_ANONYMOUS_BOT_ID) {
    await say(ctx, T.adminsOnly)
    return false
  }
  try {
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id)
    if (member.status === 'creator' || member.status === 'administrator') return true
  } catch (err) {
    deps.logger.warn({ chatId: chat.id, err: String(err) }, 'digest: getChatMember failed')
    await say(ctx, T.couldNotCheck)
    return false
  }
  await say(ctx, T.adminsOnly)
  return false
}
