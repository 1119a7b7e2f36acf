import { Composer } from 'grammy'
import { HTML } from '../../../telegram/html.js'
import { CALLBACK_PATTERNS, CANCEL_REMOVE_DATA, parseCallbackData } from '../../callback-data.js'
import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'
import { editHtml } from '../../helpers/reply.js'
import { audit } from './audit.js'
import {
  renderNoSuchArticle,
  renderRemoveCancelled,
  renderRemoveConfirm,
  renderRemoved,
  renderRemoveFailed,
  renderRemoveUsage,
} from './render.js'

/** Article ids are short and safe; anything else cannot be one and never goes into callback data. */
const ARTICLE_ID = /^[\w-]{1,48}$/

/** /remove <id>: asks for confirmation with two buttons, then deletes the file and the index entry. */
export function createRemoveFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { library, logger } = deps

  composer.command('remove', async (ctx) => {
    const id = ctx.match.split(/\s+/)[0] ?? ''
    if (!id) {
      await ctx.reply(renderRemoveUsage(ctx.locale), HTML)
      return
    }
    const article = ARTICLE_ID.test(id) ? library.getArticle(id) : undefined
    audit(deps, ctx, 'remove-ask', { id, found: article !== undefined })
    if (!article) {
      await ctx.reply(renderNoSuchArticle(ctx.locale, id), HTML)
      return
    }
    const r = renderRemoveConfirm(ctx.locale, article)
    await ctx.reply(r.text, { ...HTML, reply_markup: r.keyboard })
  })

  composer.callbackQuery(CALLBACK_PATTERNS.confirmRemove, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    await ctx.answerCallbackQuery()
    if (action?.kind !== 'confirmRemove') return
    let text: string
    try {
      const removed = await library.removeArticle(action.id)
      audit(deps, ctx, 'remove', { id: action.id, removed: removed !== undefined, file: removed?.file })
      text = removed ? renderRemoved(ctx.locale, removed) : renderNoSuchArticle(ctx.locale, action.id)
    } catch (err) {
      logger.error({ admin: ctx.from.id, action: 'remove-failed', id: action.id, err }, 'admin: removal failed')
      text = renderRemoveFailed(ctx.locale, err instanceof Error ? err.message : String(err))
    }
    // Editing without a keyboard removes the buttons, so the removal cannot be pressed twice.
    await editHtml(ctx, text)
  })

  composer.callbackQuery(CANCEL_REMOVE_DATA, async (ctx) => {
    audit(deps, ctx, 'remove-cancel')
    await ctx.answerCallbackQuery()
    await editHtml(ctx, renderRemoveCancelled(ctx.locale))
  })

  return composer
}
