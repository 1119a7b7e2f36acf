import { Composer, InlineKeyboard } from 'grammy'
import { escapeHtml } from '../../telegram/html.js'
import { format, localize } from '../../telegram/i18n.js'
import { LANG_MENU_DATA } from '../callback-data.js'
import { commandsFor, type CommandSpec } from '../commands.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { isGroup, replyHtml } from '../helpers/reply.js'
import { TEXTS } from '../texts.js'
import { sendArticle } from './reading.js'

export const START_COMMANDS: CommandSpec[] = [
  { command: 'start', description: { zh: '开始使用', en: 'Get started' }, audience: 'everyone' },
  { command: 'help', description: { zh: '使用说明', en: 'How to use the bot' }, audience: 'everyone' },
]

/** Deep link payload of "read the full article" buttons in inline results: `r_<id>`. */
const READ_PAYLOAD = /^r_([A-Za-z0-9]+)$/
/** Deep link payloads other features handle. */
const OTHER_PAYLOAD = /^dg_/

/**
 * `/start` and `/help`: what the bot does, every command the user may use (built
 * from the features' declarations, so /help and the menus never disagree), a
 * question and a search to try; a short version in groups.
 */
export function createStartFeature(deps: BotDeps, commands: readonly CommandSpec[]): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command(['start', 'help'], async (ctx, next) => {
    const payload = READ_PAYLOAD.exec(ctx.match.trim())
    if (payload && ctx.hasCommand('start')) {
      await sendArticle(ctx, deps, payload[1]!)
      return
    }
    // Other deep links belong to other features (the digest's full list: dg_<chat>).
    if (ctx.hasCommand('start') && OTHER_PAYLOAD.test(ctx.match.trim())) return next()
    const bot = escapeHtml(ctx.me.username)
    if (isGroup(ctx)) {
      await replyHtml(ctx, format(ctx.locale, TEXTS.startGroup, { bot }))
      return
    }
    const isAdmin = ctx.from !== undefined && deps.config.adminIds.includes(ctx.from.id)
    const lines = commandsFor(commands, isAdmin)
      .filter((c) => c.command !== 'start')
      .map((c) => `/${c.command} — ${escapeHtml(localize(ctx.locale, c.description))}`)
    const keyboard = new InlineKeyboard().text(localize(ctx.locale, TEXTS.langButton), LANG_MENU_DATA)
    await replyHtml(ctx, format(ctx.locale, TEXTS.startPrivate, { bot, commands: lines.join('\n') }), keyboard)
  })

  // Added to a group: say hello once, with how to use the bot there.
  composer.on('my_chat_member', async (ctx, next) => {
    const { old_chat_member: before, new_chat_member: now } = ctx.myChatMember
    const joined = (now.status === 'member' || now.status === 'administrator') && (before.status === 'left' || before.status === 'kicked')
    if (joined && isGroup(ctx)) await replyHtml(ctx, format(ctx.locale, TEXTS.greeting, { bot: escapeHtml(ctx.me.username) }))
    await next()
  })

  return composer
}
