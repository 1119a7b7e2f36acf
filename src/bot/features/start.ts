import { Composer, InlineKeyboard } from 'grammy'
import type { BotContext } from '../context.js'
import { LANG_MENU_DATA } from '../callback-data.js'
import { localize } from '../../telegram/i18n.js'
import { isGroup, replyHtml } from '../helpers/reply.js'
import type { BotServices } from '../helpers/services.js'
import { escapeHtml } from '../../telegram/html.js'
import { format, TEXTS } from '../texts.js'
import type { CommandDescription } from './command-list.js'
import { sendArticle } from './reading.js'

export interface StartFeatureOptions {
  /** Commands of other features (digest) listed in the private help. */
  extraCommands: CommandDescription[]
  /** Listed only to admins, in private. */
  adminCommands: CommandDescription[]
}

/** Deep link payload of "read the full article" buttons in inline results: `r_<id>`. */
const READ_PAYLOAD = /^r_([A-Za-z0-9]+)$/

/** `/start` and `/help`: what the bot does, its commands, two example searches; short in groups. */
export function createStartFeature(services: BotServices, options: StartFeatureOptions): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command(['start', 'help'], async (ctx) => {
    const payload = READ_PAYLOAD.exec(ctx.match.trim())
    if (payload && ctx.hasCommand('start')) {
      await sendArticle(ctx, services, payload[1]!)
      return
    }
    const bot = escapeHtml(ctx.me.username)
    if (isGroup(ctx)) {
      await replyHtml(ctx, format(ctx.locale, TEXTS.startGroup, { bot }))
      return
    }
    const isAdmin = ctx.from !== undefined && services.deps.config.adminIds.includes(ctx.from.id)
    const listed = [...options.extraCommands, ...(isAdmin ? options.adminCommands : [])]
    const extra = listed.map((c) => `\n/${c.command} — ${escapeHtml(localize(ctx.locale, { zh: c.zh, en: c.en }))}`).join('')
    const keyboard = new InlineKeyboard().text(localize(ctx.locale, TEXTS.langButton), LANG_MENU_DATA)
    await replyHtml(ctx, format(ctx.locale, TEXTS.startPrivate, { bot, extra }), keyboard)
  })

  return composer
}
