import { Composer } from 'grammy'
import { HTML } from '../../../telegram/html.js'
import { CALLBACK_PATTERNS, parseCallbackData } from '../../callback-data.js'
import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'
import { editHtml } from '../../helpers/reply.js'
import { audit } from './audit.js'
import { renderArticlesPage } from './render.js'

/** /articles: the article list, a page at a time, with page buttons that edit the same message. */
export function createArticlesFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { library } = deps

  composer.command('articles', async (ctx) => {
    const page = Number.parseInt(ctx.match, 10) || 1
    audit(deps, ctx, 'articles', { page })
    const r = renderArticlesPage(ctx.locale, library.listArticles(), page)
    await ctx.reply(r.text, { ...HTML, ...(r.keyboard ? { reply_markup: r.keyboard } : {}) })
  })

  composer.callbackQuery(CALLBACK_PATTERNS.articlesPage, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    await ctx.answerCallbackQuery()
    if (action?.kind !== 'articlesPage') return
    audit(deps, ctx, 'articles', { page: action.page })
    const r = renderArticlesPage(ctx.locale, library.listArticles(), action.page)
    await editHtml(ctx, r.text, r.keyboard)
  })

  return composer
}
