import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import { localize } from '../../telegram/i18n.js'
import { TEXTS } from '../texts.js'

/**
 * Installed last: whatever no feature handled. In private chats the user gets a
 * pointer to /help; in groups the bot stays quiet (it only speaks when spoken to);
 * stray button presses are answered so the client stops spinning.
 */
export function createUnhandledFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.on('callback_query', async (ctx) => {
    await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.searchExpired) })
  })

  const priv = composer.chatType('private')
  priv.on('message:text', async (ctx) => {
    const isCommand = ctx.msg.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)
    await ctx.reply(localize(ctx.locale, isCommand ? TEXTS.unknownCommand : TEXTS.textOnly))
  })
  priv.on('message', async (ctx) => {
    await ctx.reply(localize(ctx.locale, TEXTS.textOnly))
  })

  return composer
}
