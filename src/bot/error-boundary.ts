import { GrammyError, HttpError, type BotError, type MiddlewareFn } from 'grammy'
import type { Logger } from '../logger.js'
import { StoreWriteError } from '../store/store.js'
import type { BotContext } from './context.js'
import { localize } from '../telegram/i18n.js'
import { TEXTS } from './texts.js'

/** Button presses whose query the handler answered already (Telegram takes one answer per press). */
const answeredQueries = new WeakSet<BotContext>()

/** Whether this update's button press has been answered. */
const answered = (ctx: BotContext): boolean => answeredQueries.has(ctx)

/** Notes when a button press is answered, so that an error afterwards is not a second answer. */
export function trackCallbackAnswers(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (ctx.callbackQuery) {
      ctx.api.config.use((prev, method, payload, signal) => {
        if (method === 'answerCallbackQuery') answeredQueries.add(ctx)
        return prev(method, payload, signal)
      })
    }
    return next()
  }
}

/**
 * What happens when a handler throws: a log line with the update id, and a short
 * apology to the user (a toast for button presses not yet answered, a message
 * otherwise). Never rethrows, so one bad update cannot stop polling. A change
 * that could not be saved says so truthfully. Telegram's refusals (`GrammyError`)
 * and network failures (`HttpError`) are logged apart; when Telegram refused, the
 * apology is attempted only if the chat is still reachable; after a network
 * failure there is none (the reply may have arrived).
 */
export function createErrorHandler(logger: Logger): (err: BotError<BotContext>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx
    const update_id = ctx.update.update_id
    const e = err.error
    if (e instanceof StoreWriteError) {
      logger.error({ update_id, err: e }, 'bot: a change could not be saved; it was not applied')
    } else if (e instanceof GrammyError) {
      logger.error(
        { update_id, err: e, method: e.method, error_code: e.error_code, description: e.description },
        'bot: Telegram refused a call',
      )
      // Blocked, kicked or chat gone: nobody to apologise to.
      if (e.error_code === 403 || /chat not found/i.test(e.description)) return
    } else if (e instanceof HttpError) {
      // The reply may well have arrived (the answer was lost, not the request): an apology could
      // contradict it, and the network is likely down anyway. Log it and stay quiet.
      logger.error({ update_id, err: e }, 'bot: network error talking to Telegram')
      return
    } else {
      logger.error({ update_id, err: e }, 'bot: a handler failed')
    }
    const apology = localize(ctx.locale ?? 'zh-Hans', e instanceof StoreWriteError ? TEXTS.notSaved : TEXTS.apology)
    try {
      // A button press gets one answer: if the handler gave it already, the apology is a message.
      if (ctx.callbackQuery && !answered(ctx)) await ctx.answerCallbackQuery({ text: apology, show_alert: true })
      else if (ctx.callbackQuery && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, apology)
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 })
      else if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, apology)
    } catch (apologyError) {
      logger.warn({ update_id, err: apologyError }, 'bot: could not send the apology')
    }
  }
}
