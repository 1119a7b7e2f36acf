import type { InlineKeyboard } from 'grammy'
import type { BotContext } from '../context.js'

/** Whether the update comes from a group or supergroup. */
export const isGroup = (ctx: BotContext): boolean => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup'

/**
 * Replies in HTML without link previews; in groups it quotes the user's message
 * so the answer is easy to find in a busy chat.
 */
export async function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const quote = isGroup(ctx) && ctx.msg?.message_id !== undefined && ctx.callbackQuery === undefined
  await ctx.reply(html, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
    ...(quote ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
  })
}
