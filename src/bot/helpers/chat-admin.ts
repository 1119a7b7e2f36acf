import type { BotContext } from '../context.js'

/** Telegram's user for messages an anonymous group admin sends. */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824

/** What `isChatAdmin` found: an admin, not one, or Telegram could not be asked. */
export type AdminCheck = 'admin' | 'not-admin' | 'unknown'

/**
 * Whether the sender may change a group's settings: its creator or an
 * administrator (asked with `getChatMember`), including an anonymous
 * administrator, whose messages come from `GroupAnonymousBot` with the group
 * itself as `sender_chat`. A linked channel posting in the group is not one.
 * In a private chat the user is the chat's admin. `unknown` when Telegram could
 * not answer, so the caller can say so rather than refuse.
 * @example if ((await isChatAdmin(ctx)) !== 'admin') return say(ctx, T.adminsOnly)
 */
export async function isChatAdmin(ctx: BotContext): Promise<AdminCheck> {
  const chat = ctx.chat
  if (!chat) return 'not-admin'
  if (chat.type === 'private') return 'admin'
  const senderChat = ctx.msg?.sender_chat
  if (senderChat) return senderChat.id === chat.id ? 'admin' : 'not-admin'
  if (!ctx.from || ctx.from.id === GROUP_ANONYMOUS_BOT_ID) return 'not-admin'
  try {
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id)
    return member.status === 'creator' || member.status === 'administrator' ? 'admin' : 'not-admin'
  } catch {
    return 'unknown'
  }
}
