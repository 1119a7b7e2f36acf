import type { Api } from 'grammy'
import type { Logger } from '../logger.js'
import { commandsFor, toBotCommands, type CommandSpec } from './commands.js'

/**
 * Publishes the command menu: Chinese by default and for `zh` clients (Telegram
 * keys menus by two-letter language code, so zh-hans and zh-hant share one; it is
 * written in Simplified), English for `en`. Each admin's private chat also lists
 * the admin commands. Failures are logged, never fatal: the bot works without a menu.
 * @example await registerCommands(bot.api, BOT_COMMANDS, config.adminIds, logger)
 */
export async function registerCommands(
  api: Api,
  commands: readonly CommandSpec[],
  adminIds: readonly number[],
  logger: Logger,
): Promise<void> {
  const everyone = commandsFor(commands, false)
  const admins = commandsFor(commands, true)
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['default', () => api.setMyCommands(toBotCommands(everyone, 'zh-Hans'))],
    ['default zh', () => api.setMyCommands(toBotCommands(everyone, 'zh-Hans'), { language_code: 'zh' })],
    ['default en', () => api.setMyCommands(toBotCommands(everyone, 'en'), { language_code: 'en' })],
  ]
  for (const adminId of adminIds) {
    const scope = { type: 'chat' as const, chat_id: adminId }
    calls.push([`admin ${adminId}`, () => api.setMyCommands(toBotCommands(admins, 'zh-Hans'), { scope })])
    calls.push([`admin ${adminId} en`, () => api.setMyCommands(toBotCommands(admins, 'en'), { scope, language_code: 'en' })])
  }
  for (const [what, call] of calls) {
    try {
      await call()
    } catch (err) {
      logger.warn({ err, scope: what }, 'bot: setMyCommands failed; the command menu may be out of date')
    }
  }
}
