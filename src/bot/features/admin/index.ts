import { Composer } from 'grammy'
import type { CommandSpec } from '../../commands.js'
import { CALLBACK_PATTERNS, CANCEL_REMOVE_DATA } from '../../callback-data.js'
import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'
import { HTML } from '../../../telegram/html.js'
import { createAddingFeature, type AddingOptions } from './add.js'
import { createArticlesFeature } from './articles.js'
import { createReloadFeature } from './reload.js'
import { createRemoveFeature } from './remove.js'
import { renderNotAdmin, renderPrivateOnly } from './render.js'
import { createStatsFeature, type StatsOptions } from './stats.js'

/** The admin commands, for the menus and /help of admins. */
export const ADMIN_COMMANDS: CommandSpec[] = [
  { command: 'reload', description: { zh: '重新加载文章目录', en: 'Re-read the article folder' }, audience: 'admin' },
  {
    command: 'add',
    description: { zh: '添加文章（回复文本，或直接发送 .txt 文件）', en: 'Add an article (reply to a text, or send a .txt file)' },
    audience: 'admin',
  },
  { command: 'articles', description: { zh: '文章列表', en: 'List articles' }, audience: 'admin' },
  { command: 'remove', description: { zh: '删除文章：/remove 编号', en: 'Delete an article: /remove id' }, audience: 'admin' },
  { command: 'stats', description: { zh: '索引与运行状态', en: 'Index and bot statistics' }, audience: 'admin' },
]

export type AdminOptions = AddingOptions & StatsOptions

/**
 * Admin content management from Telegram: /reload, adding articles (a .txt
 * upload or /add), /articles, /remove and /stats, one file per command family.
 *
 * Guarded once: only user ids in `config.adminIds`, in their private chat with
 * the bot, reach the admin handlers, so corpus details never leak into groups.
 * Anyone else who sends an admin command or presses an admin button is told
 * why not, and the library is never touched. Documents from anyone else go on
 * to the next middleware. Every admin action is logged with the admin's id.
 * @example bot.use(createAdminFeature(deps)) // tests: createAdminFeature(deps, { download: async () => bytes })
 */
export function createAdminFeature(deps: BotDeps, options: AdminOptions = {}): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && deps.config.adminIds.includes(ctx.from.id)

  const admin = composer.chatType('private').filter(isAdmin)
  admin.use(createReloadFeature(deps), createAddingFeature(deps, options), createArticlesFeature(deps), createRemoveFeature(deps))
  admin.use(createStatsFeature(deps, options))

  composer.command(
    ADMIN_COMMANDS.map((c) => c.command),
    async (ctx) => {
      const action = ctx.msg.text.slice(1).split(/[\s@]/)[0]
      if (isAdmin(ctx)) {
        deps.logger.info({ admin: ctx.from?.id, action, refused: 'not a private chat' }, 'admin: refused outside a private chat')
        await ctx.reply(renderPrivateOnly(ctx.locale), HTML)
        return
      }
      deps.logger.warn({ user: ctx.from?.id, action }, 'admin: refused a non-admin')
      await ctx.reply(renderNotAdmin(ctx.locale), HTML)
    },
  )
  composer.callbackQuery([CALLBACK_PATTERNS.articlesPage, CALLBACK_PATTERNS.confirmRemove, CANCEL_REMOVE_DATA], async (ctx) => {
    deps.logger.warn({ user: ctx.from.id, data: ctx.callbackQuery.data }, 'admin: refused a button press')
    await ctx.answerCallbackQuery({ text: renderNotAdmin(ctx.locale), show_alert: true })
  })

  return composer
}
