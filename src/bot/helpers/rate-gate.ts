import type { BotContext } from '../context.js'
import { localize } from '../../telegram/i18n.js'
import { TEXTS } from '../texts.js'
import type { RateLimiter } from '../middleware/rate-limit.js'

/**
 * Lets an action through unless the user is over the limit. Over it, the user
 * is told once per window (a message, or a toast on a button press); further
 * actions in the same window are dropped silently so the bot never floods back.
 */
export async function passRateLimit(ctx: BotContext, limiter: RateLimiter): Promise<boolean> {
  const user = ctx.from?.id
  if (user === undefined) return true
  const decision = limiter.hit(user)
  if (decision === 'allow') return true
  if (ctx.callbackQuery) {
    // Every button press must be answered, or the client keeps spinning.
    await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.slowDownShort) })
  } else if (decision === 'warn' && ctx.chat) {
    await ctx.reply(localize(ctx.locale, TEXTS.slowDown))
  }
  return false
}
