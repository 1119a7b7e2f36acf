import { Composer } from 'grammy'
import { escapeHtml } from '../../telegram/html.js'
import { format } from '../../telegram/i18n.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { passRateLimit } from '../helpers/rate-gate.js'
import { isGroup, replyHtml } from '../helpers/reply.js'
import { TEXTS } from '../texts.js'
import { cleanQuery, showResults } from './search.js'

/**
 * Free text as a question, answered with the best excerpts: every non-command
 * text in a private chat; in groups only when the bot is mentioned or replied
 * to, which works with privacy mode on. Installed after every command feature,
 * so none of their messages is taken for a question.
 */
export function createQuestionFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.on('message:text', async (ctx, next) => {
    const msg = ctx.msg
    if (msg.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return next()
    let text = msg.text
    if (isGroup(ctx)) {
      const mention = `@${ctx.me.username}`.toLowerCase()
      const mentioned = msg.entities?.some(
        (e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention,
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
    if (!(await passRateLimit(ctx, deps.searchLimiter))) return
    await showResults(ctx, deps, query, { mode: 'question' })
  })

  return composer
}
