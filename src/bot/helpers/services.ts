import type { BotSettings } from '../defaults.js'
import type { BotDeps } from '../deps.js'
import { RateLimiter } from '../middleware/rate-limit.js'
import type { SearchMemory } from './search-memory.js'

/** What the bot's own features share, built once by `createBot`. */
export interface BotServices {
  deps: BotDeps
  settings: BotSettings
  searches: SearchMemory
  /** Searches, questions, page turns and reads. */
  searchLimiter: RateLimiter
  inlineLimiter: RateLimiter
}

export function createLimiters(deps: BotDeps, settings: BotSettings): Pick<BotServices, 'searchLimiter' | 'inlineLimiter'> {
  const now = () => deps.now().getTime()
  return {
    searchLimiter: new RateLimiter(settings.searchRate, now),
    inlineLimiter: new RateLimiter(settings.inlineRate, now),
  }
}
