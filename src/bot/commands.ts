import type { BotCommand } from 'grammy/types'
import type { Locale } from '../telegram/locale.js'
import { localize, type Text } from '../telegram/i18n.js'

/**
 * A command as its feature declares it, once: the handler uses `command`, and
 * the command menus (`setMyCommands`) and /help are built from the same list.
 */
export interface CommandSpec {
  command: string
  /** What the menu says (Chinese written in Simplified, and English). */
  description: Text
  /** `admin`: listed only in admins' private chats (menu and /help). */
  audience: 'everyone' | 'admin'
}

/** Telegram's limit on a menu description. */
const DESCRIPTION_MAX = 256

/**
 * The menu entries for a locale: Chinese (`zh-Hans`) or English.
 * @example toBotCommands(commands, 'en') // [{ command: 'search', description: 'Search articles, e.g. …' }, …]
 */
export function toBotCommands(commands: readonly CommandSpec[], locale: Locale): BotCommand[] {
  return commands.map((c) => ({
    command: c.command,
    description: Array.from(localize(locale, c.description)).slice(0, DESCRIPTION_MAX).join(''),
  }))
}

/** The commands a user sees: everyone's, plus the admin ones for admins. */
export function commandsFor(commands: readonly CommandSpec[], isAdmin: boolean): CommandSpec[] {
  return commands.filter((c) => c.audience === 'everyone' || isAdmin)
}
