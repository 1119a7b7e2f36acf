import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import type { CommandDescription } from './command-list.js'

// PLACEHOLDER — replaced by the digest work (issue 4). Do not build on its contents.
export const DIGEST_COMMANDS: CommandDescription[] = []

export function createDigestFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>()
}
