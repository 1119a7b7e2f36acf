import { Composer, InlineKeyboard } from 'grammy'
import type { InlineQueryResultArticle } from 'grammy/types'
import type { ArticleMeta, SearchHit } from '../../search/types.js'
import type { Locale } from '../../telegram/locale.js'
import type { BotContext } from '../context.js'
import { format, localize } from '../../telegram/i18n.js'
import type { BotDeps } from '../deps.js'
import { forDisplay } from '../../telegram/display.js'
import { escapeHtml, HTML } from '../../telegram/html.js'
import { excerptHtml, metaLine } from '../render/search-results.js'
import { TEXTS } from '../texts.js'
import { readDeepLink } from './reading.js'
import { cleanQuery } from './search.js'

/** Telegram shows about two lines of description; longer is cut anyway. */
const DESCRIPTION_MAX = 120

/** One inline result: the article's title, its excerpt as description, and a message with a "read" deep link. */
export function inlineResult(
  article: ArticleMeta,
  excerpt: { html: string; plain: string },
  locale: Locale,
  botUsername: string,
): InlineQueryResultArticle {
  const title = forDisplay(article.title, locale)
  const meta = metaLine(article, locale)
  const message = [`<b>${escapeHtml(title)}</b>`, ...(meta ? [meta] : []), excerpt.html].join('\n')
  return {
    type: 'article',
    id: article.id.slice(0, 64),
    title,
    description: Array.from(excerpt.plain).slice(0, DESCRIPTION_MAX).join(''),
    input_message_content: { message_text: message, ...HTML },
    reply_markup: new InlineKeyboard().url(localize(locale, TEXTS.readFullButton), readDeepLink(botUsername, article.id)),
  }
}

function fromHit(hit: SearchHit, locale: Locale, botUsername: string): InlineQueryResultArticle {
  const plain = forDisplay(hit.excerpt.text.replace(/\s+/g, ' '), locale)
  return inlineResult(hit.article, { html: excerptHtml(hit, locale), plain }, locale, botUsername)
}

/** The one item shown when nothing matches: the query, and a hint on how to search. */
function noResultItem(query: string, locale: Locale): InlineQueryResultArticle {
  const title = format(locale, TEXTS.inlineNoResults, { query })
  const hint = localize(locale, TEXTS.inlineNoResultsHint)
  return {
    type: 'article',
    id: 'no-result',
    title,
    description: hint,
    input_message_content: { message_text: `${escapeHtml(title)}\n${escapeHtml(hint)}`, ...HTML },
  }
}

/**
 * Inline mode: `@BotName query` in any chat lists matching articles with their
 * excerpts; an empty query lists the latest articles. Paged with `next_offset`.
 * No match gives one item saying so, with a hint.
 */
export function createInlineFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { library } = deps
  const limit = deps.options.inlineResults

  composer.on('inline_query', async (ctx) => {
    const query = cleanQuery(ctx.inlineQuery.query)
    const offset = Math.max(0, Number.parseInt(ctx.inlineQuery.offset, 10) || 0)
    const decision = ctx.from ? deps.inlineLimiter.hit(ctx.from.id) : 'allow'
    if (decision !== 'allow') {
      await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true })
      return
    }
    const username = ctx.me.username
    let results: InlineQueryResultArticle[]
    let more: boolean
    if (query === '') {
      const latest = library.listArticles()
      results = latest.slice(offset, offset + limit).map((meta) => {
        const first = library.getArticle(meta.id)?.text.split('\n')[0]?.slice(0, 200) ?? ''
        const plain = forDisplay(first, ctx.locale)
        return inlineResult(meta, { html: escapeHtml(plain), plain }, ctx.locale, username)
      })
      more = latest.length > offset + limit
    } else {
      const found = await library.search(query, { limit, offset })
      results = found.hits.map((hit) => fromHit(hit, ctx.locale, username))
      more = found.total > offset + limit
      // Nothing found: one item that says so and how to search, rather than an empty list.
      if (results.length === 0 && offset === 0) results = [noResultItem(query, ctx.locale)]
    }
    await ctx.answerInlineQuery(results, {
      cache_time: 30,
      // Results depend on the user's language.
      is_personal: true,
      next_offset: more ? String(offset + limit) : '',
    })
  })

  return composer
}
