import { Composer, GrammyError } from 'grammy'
import type { BotContext } from '../context.js'
import { NOOP_DATA, parseCallbackData } from '../callback-data.js'
import { localize } from '../../telegram/i18n.js'
import { isGroup, replyHtml } from '../helpers/reply.js'
import { passRateLimit } from '../helpers/rate-gate.js'
import type { BotServices } from '../helpers/services.js'
import { escapeHtml } from '../../telegram/html.js'
import { pageCount, renderResultPage } from '../render/search-results.js'
import { format, TEXTS } from '../texts.js'

/** Longest query we pass on; Telegram messages can be 4,096 characters, searches need far fewer. */
const MAX_QUERY = 200

/** Trims and shortens a query typed by a user. */
export function cleanQuery(text: string): string {
  return Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, MAX_QUERY).join('')
}

/**
 * Runs a search and sends (or, for page buttons, edits in place) one page of results.
 * No match gets a helpful reply rather than silence.
 */
export async function showResults(
  ctx: BotContext,
  services: BotServices,
  query: string,
  options: { page?: number; mode?: 'search' | 'question'; token?: string; edit?: boolean } = {},
): Promise<void> {
  const { pageSize } = services.settings
  let page = options.page ?? 0
  let result = await services.deps.library.search(query, { limit: pageSize, offset: page * pageSize })
  // The corpus may have shrunk since the button was made: show the last page instead of nothing.
  if (result.hits.length === 0 && page > 0 && result.total > 0) {
    page = pageCount(result.total, pageSize) - 1
    result = await services.deps.library.search(query, { limit: pageSize, offset: page * pageSize })
  }
  if (result.hits.length === 0) {
    const text = format(ctx.locale, TEXTS.noResults, { query: escapeHtml(query) })
    if (options.edit) await editHtml(ctx, text)
    else await replyHtml(ctx, text)
    return
  }
  const token = options.token ?? (await services.searches.remember(query))
  const rendered = renderResultPage(
    { query, hits: result.hits, total: result.total, page, pageSize },
    { locale: ctx.locale, token, mode: options.mode ?? 'search' },
  )
  if (options.edit) await editHtml(ctx, rendered.text, rendered.keyboard)
  else await replyHtml(ctx, rendered.text, rendered.keyboard)
}

async function editHtml(ctx: BotContext, html: string, keyboard?: Parameters<typeof replyHtml>[2]): Promise<void> {
  try {
    await ctx.editMessageText(html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
    })
  } catch (err) {
    // Pressing the same page twice is harmless.
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return
    throw err
  }
}

/** `/search <query>` (also `/search@BotName` in groups) and the page buttons of its results. */
export function createSearchFeature(services: BotServices): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command('search', async (ctx) => {
    const query = cleanQuery(ctx.match)
    if (query === '') {
      await replyHtml(ctx, localize(ctx.locale, TEXTS.searchUsage))
      return
    }
    if (!(await passRateLimit(ctx, services.searchLimiter))) return
    await showResults(ctx, services, query)
  })

  // The "page n/N" label between the arrows.
  composer.callbackQuery(NOOP_DATA, (ctx) => ctx.answerCallbackQuery())

  composer.callbackQuery(/^p:/, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    if (action?.kind !== 'page') {
      await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.searchExpired), show_alert: true })
      return
    }
    const query = await services.searches.recall(action.token)
    if (query === undefined) {
      await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.searchExpired), show_alert: true })
      return
    }
    if (!(await passRateLimit(ctx, services.searchLimiter))) return
    // Answer first: the edit below may take a moment, and the spinner should stop either way.
    await ctx.answerCallbackQuery()
    await showResults(ctx, services, query, { page: action.page, token: action.token, edit: true })
  })

  return composer
}

/**
 * Free text as a question, answered with the best excerpts: every non-command
 * text in a private chat; in groups only when the bot is mentioned or replied
 * to, which works with privacy mode on.
 */
export function createQuestionFeature(services: BotServices): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.on('message:text', async (ctx, next) => {
    const msg = ctx.msg
    if (msg.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return next()
    let text = msg.text
    if (isGroup(ctx)) {
      const mention = `@${ctx.me.username}`
      const mentioned = msg.entities?.some(
        (e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention.toLowerCase(),
      )
      const repliedTo = msg.reply_to_message?.from?.id === ctx.me.id
      if (!mentioned && !repliedTo) return next()
      text = text.replace(new RegExp(`@${ctx.me.username}\\b`, 'gi'), ' ')
    } else if (ctx.chat.type !== 'private') {
      return next()
    }
    const query = cleanQuery(text)
    if (query === '') {
      await replyHtml(ctx, format(ctx.locale, TEXTS.startGroup, { bot: escapeHtml(ctx.me.username) }))
      return
    }
    if (!(await passRateLimit(ctx, services.searchLimiter))) return
    await showResults(ctx, services, query, { mode: 'question' })
  })

  return composer
}
