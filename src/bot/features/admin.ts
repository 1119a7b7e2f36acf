import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import type { CommandDescription } from './command-list.js'

// PLACEHOLDER — replaced by the admin work (issue 5). Do not build on its contents.
export const ADMIN_COMMANDS: CommandDescription[] = []

export function createAdminFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>()
}
