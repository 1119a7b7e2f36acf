import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import { parseCallbackData } from '../callback-data.js'
import { passRateLimit } from '../helpers/rate-gate.js'
import type { BotServices } from '../helpers/services.js'
import { renderArticle } from '../render/article.js'
import { escapeHtml } from '../../telegram/html.js'
import { format, TEXTS } from '../texts.js'

/**
 * Sends a whole article in parts under Telegram's 4,096-character limit, split
 * between paragraphs. Unknown ids get a clear "not found".
 */
export async function sendArticle(ctx: BotContext, services: BotServices, id: string): Promise<void> {
  const article = services.deps.library.getArticle(id)
  if (!article) {
    await ctx.reply(format(ctx.locale, TEXTS.articleNotFound, { id: escapeHtml(id) }), { parse_mode: 'HTML' })
    return
  }
  const parts = renderArticle(article, ctx.locale)
  const max = services.settings.maxArticleParts
  for (const part of parts.slice(0, max)) {
    await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
  }
  if (parts.length > max) await ctx.reply(format(ctx.locale, TEXTS.articleTruncated, { parts: max }))
}

/** Matches `/read_<id>` and `/read_<id>@BotName`, the tappable form shown in results. */
const READ_SHORTCUT = /^\/read_([A-Za-z0-9]+)(?:@(\w+))?$/

/** Reading an article: `/read <id>`, `/read_<id>`, and the 📖 buttons of results. */
export function createReadingFeature(services: BotServices): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command('read', async (ctx) => {
    const id = ctx.match.trim().split(/\s+/)[0] ?? ''
    if (id === '') {
      const example = services.deps.library.listArticles()[0]?.id ?? 'a1b2c3d4'
      await ctx.reply(format(ctx.locale, TEXTS.readUsage, { example: escapeHtml(example) }), { parse_mode: 'HTML' })
      return
    }
    if (!(await passRateLimit(ctx, services.searchLimiter))) return
    await sendArticle(ctx, services, id)
  })

  composer.hears(READ_SHORTCUT, async (ctx, next) => {
    const [, id, botName] = ctx.match as RegExpMatchArray
    if (botName && botName.toLowerCase() !== ctx.me.username.toLowerCase()) return next()
    if (!(await passRateLimit(ctx, services.searchLimiter))) return
    await sendArticle(ctx, services, id!)
  })

  composer.callbackQuery(/^r:/, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    if (action?.kind !== 'read') {
      await ctx.answerCallbackQuery()
      return
    }
    if (!(await passRateLimit(ctx, services.searchLimiter))) return
    await ctx.answerCallbackQuery()
    await sendArticle(ctx, services, action.id)
  })

  return composer
}
