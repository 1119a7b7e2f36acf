import { GrammyError, HttpError, type BotError } from 'grammy'
import type { Logger } from '../logger.js'
import type { BotContext } from './context.js'
import { localize } from '../telegram/i18n.js'
import { TEXTS } from './texts.js'

/**
 * What happens when a handler throws: a log line with the update id, and a short
 * apology to the user (a toast for button presses, a message otherwise). Never
 * rethrows, so one bad update cannot stop polling. Telegram's refusals
 * (`GrammyError`) and network failures (`HttpError`) are logged apart; when
 * Telegram itself refused, the apology is attempted only if the chat is still reachable.
 */
export function createErrorHandler(logger: Logger): (err: BotError<BotContext>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx
    const update_id = ctx.update.update_id
    const e = err.error
    if (e instanceof GrammyError) {
      logger.error(
        { update_id, err: e, method: e.method, error_code: e.error_code, description: e.description },
        'bot: Telegram refused a call',
      )
      // Blocked, kicked or chat gone: nobody to apologise to.
      if (e.error_code === 403 || /chat not found/i.test(e.description)) return
    } else if (e instanceof HttpError) {
      logger.error({ update_id, err: e }, 'bot: network error talking to Telegram')
    } else {
      logger.error({ update_id, err: e }, 'bot: a handler failed')
    }
    const apology = localize(ctx.locale ?? 'zh-Hans', TEXTS.apology)
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: apology, show_alert: true })
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 })
      else if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, apology)
    } catch (apologyError) {
      logger.warn({ update_id, err: apologyError }, 'bot: could not send the apology')
    }
  }
}
