import { GrammyError, type InlineKeyboard } from 'grammy'
import { HTML } from '../../telegram/html.js'
import type { BotContext } from '../context.js'

/** Whether the update comes from a group or supergroup. */
export const isGroup = (ctx: BotContext): boolean => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup'

/**
 * Replies in HTML without link previews; in groups it quotes the user's message
 * so the answer is easy to find in a busy chat.
 * @example await replyHtml(ctx, '<b>黄河</b>', keyboard)
 */
export async function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const quote = isGroup(ctx) && ctx.msg?.message_id !== undefined && ctx.callbackQuery === undefined
  await ctx.reply(html, {
    ...HTML,
    ...(keyboard ? { reply_markup: keyboard } : {}),
    ...(quote ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
  })
}

/**
 * Edits the message a button belongs to, in HTML; pressing the same button twice
 * ("message is not modified") is not an error. Without a keyboard the buttons go.
 */
export async function editHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(html, { ...HTML, ...(keyboard ? { reply_markup: keyboard } : {}) })
  } catch (err) {
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return
    throw err
  }
}
