import { Composer } from 'grammy'
import { MAX_QUERY_CHARS } from '../../search/tokenize.js'
import { localize } from '../../telegram/i18n.js'
import { CALLBACK_PATTERNS, NOOP_DATA, parseCallbackData } from '../callback-data.js'
import type { CommandSpec } from '../commands.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { passRateLimit } from '../helpers/rate-gate.js'
import { editHtml, replyHtml } from '../helpers/reply.js'
import { pageCount, renderNothingFound, renderResultPage } from '../render/search-results.js'
import { TEXTS } from '../texts.js'

export const SEARCH_COMMANDS: CommandSpec[] = [
  {
    command: 'search',
    description: { zh: '搜索文章，例如 /search 黄河流域', en: 'Search articles, e.g. /search 黄河流域' },
    audience: 'everyone',
  },
]

/**
 * Trims a query typed by a user and shortens it to what the search looks at.
 * @example cleanQuery('  黄河\n流域 ') === '黄河 流域'
 */
export function cleanQuery(text: string): string {
  const visible = text.replace(CONTROL, ' ')
  return Array.from(visible.replace(/\s+/g, ' ').trim()).slice(0, MAX_QUERY_CHARS).join('')
}

/** Control characters and bidirectional overrides: never searched for, never echoed back. */
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/**
 * Runs a search and sends (or, for page buttons, edits in place) one page of results.
 * No match gets a helpful reply rather than silence.
 */
export async function showResults(
  ctx: BotContext,
  deps: BotDeps,
  query: string,
  options: { page?: number; mode?: 'search' | 'question'; token?: string; edit?: boolean } = {},
): Promise<void> {
  const { pageSize } = deps.options
  let page = options.page ?? 0
  let result = await deps.library.search(query, { limit: pageSize, offset: page * pageSize })
  // The corpus may have shrunk since the button was made: show the last page instead of nothing.
  if (result.hits.length === 0 && page > 0 && result.total > 0) {
    page = pageCount(result.total, pageSize) - 1
    result = await deps.library.search(query, { limit: pageSize, offset: page * pageSize })
  }
  if (result.hits.length === 0) {
    const text = renderNothingFound(ctx.locale, query, result)
    if (options.edit) await editHtml(ctx, text)
    else await replyHtml(ctx, text)
    return
  }
  const token = options.token ?? (await deps.searches.remember(query))
  const rendered = renderResultPage(
    { query, hits: result.hits, total: result.total, page, pageSize },
    { locale: ctx.locale, token, mode: options.mode ?? 'search' },
  )
  if (options.edit) await editHtml(ctx, rendered.text, rendered.keyboard)
  else await replyHtml(ctx, rendered.text, rendered.keyboard)
}

/** `/search <query>` (also `/search@BotName` in groups) and the page buttons of its results. */
export function createSearchFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command('search', async (ctx) => {
    const query = cleanQuery(ctx.match)
    if (query === '') {
      await replyHtml(ctx, localize(ctx.locale, TEXTS.searchUsage))
      return
    }
    if (!(await passRateLimit(ctx, deps.searchLimiter))) return
    await showResults(ctx, deps, query)
  })

  // The "page n/N" label between the arrows.
  composer.callbackQuery(NOOP_DATA, (ctx) => ctx.answerCallbackQuery())

  composer.callbackQuery(CALLBACK_PATTERNS.page, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    const query = action?.kind === 'page' ? await deps.searches.recall(action.token) : undefined
    if (action?.kind !== 'page' || query === undefined) {
      await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.searchExpired), show_alert: true })
      return
    }
    if (!(await passRateLimit(ctx, deps.searchLimiter))) return
    // Answer first: the edit below may take a moment, and the spinner should stop either way.
    await ctx.answerCallbackQuery()
    await showResults(ctx, deps, query, { page: action.page, token: action.token, edit: true })
  })

  return composer
}
