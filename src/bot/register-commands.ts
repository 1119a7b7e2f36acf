import type { Api } from 'grammy'
import type { BotCommand } from 'grammy/types'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { ADMIN_COMMANDS } from './features/admin.js'
import type { CommandDescription } from './features/command-list.js'
import { DIGEST_COMMANDS } from './features/digest.js'

/** The bot's own commands, for the Telegram menu. */
export const BOT_COMMANDS: CommandDescription[] = [
  { command: 'start', zh: '开始使用', en: 'Get started' },
  { command: 'help', zh: '使用说明', en: 'How to use the bot' },
  { command: 'search', zh: '搜索文章，例如 /search 黄河流域', en: 'Search articles, e.g. /search 黄河流域' },
  { command: 'read', zh: '阅读全文：/read 文章编号', en: 'Read an article: /read id' },
  { command: 'lang', zh: '选择语言：简体 / 繁體 / English', en: 'Choose 简体 / 繁體 / English' },
]

const toBotCommands = (list: CommandDescription[], pick: (c: CommandDescription) => string): BotCommand[] =>
  list.map((c) => ({ command: c.command, description: pick(c).slice(0, 256) }))

/**
 * Publishes the command menu: Chinese by default and for `zh` clients (Telegram
 * keys menus by two-letter language code, so zh-hans and zh-hant share one; it is
 * written in Simplified), English for `en`. Each admin's private chat also lists
 * the admin commands. Failures are logged, never fatal: the bot works without a menu.
 */
export async function registerCommands(api: Api, config: Config, logger: Logger): Promise<void> {
  const everyone = [...BOT_COMMANDS, ...DIGEST_COMMANDS]
  const admins = [...everyone, ...ADMIN_COMMANDS]
  const zh = (c: CommandDescription) => c.zh
  const en = (c: CommandDescription) => c.en
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['default', () => api.setMyCommands(toBotCommands(everyone, zh))],
    ['default zh', () => api.setMyCommands(toBotCommands(everyone, zh), { language_code: 'zh' })],
    ['default en', () => api.setMyCommands(toBotCommands(everyone, en), { language_code: 'en' })],
  ]
  for (const adminId of config.adminIds) {
    const scope = { type: 'chat' as const, chat_id: adminId }
    calls.push([`admin ${adminId}`, () => api.setMyCommands(toBotCommands(admins, zh), { scope })])
    calls.push([`admin ${adminId} en`, () => api.setMyCommands(toBotCommands(admins, en), { scope, language_code: 'en' })])
  }
  for (const [what, call] of calls) {
    try {
      await call()
    } catch (err) {
      logger.warn({ err, scope: what }, 'bot: setMyCommands failed; the command menu may be out of date')
    }
  }
}
