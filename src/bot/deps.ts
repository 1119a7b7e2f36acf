import type { Locale } from '../telegram/locale.js'
import type { Store } from '../store/store.js'
import type { Config } from '../config.js'
import type { DigestService } from '../digest/service.js'
import type { Library } from '../library/types.js'
import type { Logger } from '../logger.js'
import type { SavedSearch } from './helpers/search-memory.js'

/** Everything the bot's features need, injected by `src/main.ts` (or by tests). */
export interface BotDeps {
  config: Config
  library: Library
  logger: Logger
  digest: DigestService
  /** Per-chat settings (keyed by chat id as a string). */
  settings: Store<ChatSettings>
  /**
   * Queries behind page buttons, so that buttons keep working after a restart.
   * Optional: without it searches are remembered in memory only.
   */
  searches?: Store<SavedSearch>
  /** Clock, injectable for tests. */
  now: () => Date
}

/** Per-chat settings, remembered across restarts. */
export interface ChatSettings {
  /** The chat's chosen reply language/script (/lang). */
  locale?: Locale
}
