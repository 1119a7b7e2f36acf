import type { Config } from '../config.js'
import type { DigestControl } from '../digest/service.js'
import type { Library } from '../library/types.js'
import type { Logger } from '../logger.js'
import { MemoryStore, type Store } from '../store/store.js'
import type { Locale } from '../telegram/locale.js'
import { DEFAULT_BOT_SETTINGS, type BotSettings } from './defaults.js'
import { SearchMemory, type SavedSearch } from './helpers/search-memory.js'
import { RateLimiter } from './middleware/rate-limit.js'

/** Per-chat settings, remembered across restarts. */
export interface ChatSettings {
  /** The chat's chosen reply language/script (/lang). */
  locale?: Locale
}

/** Everything the bot's features use: one object, built by `createBotDeps` from what `src/main.ts` (or a test) injects. */
export interface BotDeps {
  config: Config
  library: Library
  digest: DigestControl
  logger: Logger
  /** Per-chat settings, keyed by chat id as a string. */
  chatSettings: Store<ChatSettings>
  /** Queries behind page buttons, so buttons keep working after a restart. */
  searches: SearchMemory
  /** Searches, questions, page turns and reads, per user. */
  searchLimiter: RateLimiter
  /** Inline queries, per user. */
  inlineLimiter: RateLimiter
  /** Page size, rate limits and the like. */
  options: BotSettings
  /** Wall clock, injectable for tests. */
  now: () => Date
}

/** What has to be injected; the rest has defaults. */
export interface BotDepsInput {
  config: Config
  library: Library
  digest: DigestControl
  logger: Logger
  chatSettings: Store<ChatSettings>
  /** Where saved searches are kept (default: memory only). */
  savedSearches?: Store<SavedSearch>
  options?: Partial<BotSettings>
  now?: () => Date
}

/**
 * Builds the features' dependencies: the injected parts, plus the search memory
 * and the per-user rate limiters built on them.
 * @example createBotDeps({ config, library, digest, logger, chatSettings: new MemoryStore() })
 */
export function createBotDeps(input: BotDepsInput): BotDeps {
  const now = input.now ?? (() => new Date())
  const options: BotSettings = { ...DEFAULT_BOT_SETTINGS, ...input.options }
  const ms = () => now().getTime()
  return {
    config: input.config,
    library: input.library,
    digest: input.digest,
    logger: input.logger,
    chatSettings: input.chatSettings,
    searches: new SearchMemory(input.savedSearches ?? new MemoryStore<SavedSearch>(), now, input.logger),
    searchLimiter: new RateLimiter(options.searchRate, ms),
    inlineLimiter: new RateLimiter(options.inlineRate, ms),
    options,
    now,
  }
}
