import { Composer, InlineKeyboard } from 'grammy'
import { escapeHtml, HTML } from '../../telegram/html.js'
import { format, localize } from '../../telegram/i18n.js'
import { CALLBACK_PATTERNS, parseCallbackData } from '../callback-data.js'
import type { CommandSpec } from '../commands.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { passRateLimit } from '../helpers/rate-gate.js'
import { renderArticle, renderArticlePreview } from '../render/article.js'
import { isGroup, replyHtml } from '../helpers/reply.js'
import { TEXTS } from '../texts.js'

export const READING_COMMANDS: CommandSpec[] = [
  { command: 'read', description: { zh: '阅读全文：/read 文章编号', en: 'Read an article: /read id' }, audience: 'everyone' },
]

/** A link that opens the bot's private chat and reads the article there (`/start r_<id>`). */
export const readDeepLink = (botUsername: string, id: string): string => `https://t.me/${botUsername}?start=r_${id}`

/**
 * Sends a whole article in parts under Telegram's 4,096-character limit, split
 * between paragraphs. In a group, an article longer than one short message is
 * shown as its opening, with a button that reads it all in a private chat, so
 * the group is not flooded. Unknown ids get a clear "not found".
 */
export async function sendArticle(ctx: BotContext, deps: BotDeps, id: string): Promise<void> {
  const article = deps.library.getArticle(id)
  if (!article) {
    await ctx.reply(format(ctx.locale, TEXTS.articleNotFound, { id: escapeHtml(id) }), HTML)
    return
  }
  const parts = renderArticle(article, ctx.locale)
  if (isGroup(ctx) && (parts.length > 1 || parts[0]!.length > GROUP_WHOLE_CHARS)) {
    const keyboard = new InlineKeyboard().url(localize(ctx.locale, TEXTS.readInPrivate), readDeepLink(ctx.me.username, article.id))
    await replyHtml(ctx, `${renderArticlePreview(article, ctx.locale)}\n\n<i>${localize(ctx.locale, TEXTS.readShortened)}</i>`, keyboard)
    return
  }
  const max = deps.options.maxArticleParts
  for (const part of parts.slice(0, max)) await ctx.reply(part, HTML)
  if (parts.length > max) await ctx.reply(format(ctx.locale, TEXTS.articleTruncated, { parts: max }))
}

/** An article this short is sent whole in a group too. */
const GROUP_WHOLE_CHARS = 1000

/** Matches `/read_<id>` and `/read_<id>@BotName`, the tappable form shown in results. */
const READ_SHORTCUT = /^\/read_([A-Za-z0-9]+)(?:@(\w+))?$/

/** Reading an article: `/read <id>`, `/read_<id>`, and the 📖 buttons of results. */
export function createReadingFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command('read', async (ctx) => {
    const id = ctx.match.trim().split(/\s+/)[0] ?? ''
    if (id === '') {
      const example = deps.library.listArticles()[0]?.id ?? 'a1b2c3d4'
      await ctx.reply(format(ctx.locale, TEXTS.readUsage, { example: escapeHtml(example) }), HTML)
      return
    }
    if (!(await passRateLimit(ctx, deps.searchLimiter))) return
    await sendArticle(ctx, deps, id)
  })

  composer.hears(READ_SHORTCUT, async (ctx, next) => {
    const [, id, botName] = ctx.match
    if (botName && botName.toLowerCase() !== ctx.me.username.toLowerCase()) return next()
    if (!(await passRateLimit(ctx, deps.searchLimiter))) return
    await sendArticle(ctx, deps, id!)
  })

  composer.callbackQuery(CALLBACK_PATTERNS.read, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    if (action?.kind !== 'read') {
      await ctx.answerCallbackQuery()
      return
    }
    if (!(await passRateLimit(ctx, deps.searchLimiter))) return
    await ctx.answerCallbackQuery()
    await sendArticle(ctx, deps, action.id)
  })

  return composer
}
