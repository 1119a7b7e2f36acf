import { autoRetry } from '@grammyjs/auto-retry'
import { Bot, type RawApi, type Transformer } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import type { Config } from '../config.js'
import { MemoryStore } from '../store/store.js'
import type { BotContext } from './context.js'
import { DEFAULT_BOT_SETTINGS, type BotSettings } from './defaults.js'
import type { BotDeps } from './deps.js'
import { createErrorHandler } from './error-boundary.js'
import { ADMIN_COMMANDS, createAdminFeature } from './features/admin.js'
import { createDigestFeature, DIGEST_COMMANDS } from './features/digest.js'
import { createInlineFeature } from './features/inline.js'
import { createReadingFeature } from './features/reading.js'
import { createQuestionFeature, createSearchFeature } from './features/search.js'
import { createSettingsFeature } from './features/settings.js'
import { createStartFeature } from './features/start.js'
import { createUnhandledFeature } from './features/unhandled.js'
import { SearchMemory, type SavedSearch } from './helpers/search-memory.js'
import { createLimiters, type BotServices } from './helpers/services.js'
import { localeMiddleware } from './middleware/locale.js'

/** Token used when there is none (the local console): grammY needs one, nothing is ever sent with it. */
export const CONSOLE_TOKEN = '0:console'

export interface CreateBotOptions {
  /** Skips `getMe` (tests and the console); otherwise `bot.init()` fetches it at start. */
  botInfo?: UserFromGetMe
  /**
   * Transformers installed beneath auto-retry, i.e. closest to the network: the
   * console's printer, or a test recorder that should see retries.
   */
  apiTransformers?: Array<Transformer<RawApi>>
  /** Overrides of page size, rate limits and the like. */
  settings?: Partial<BotSettings>
}

/**
 * Builds the bot: locale resolution, then one composer per feature (start/help,
 * search, reading, inline, settings, digest, admin, free-text questions, and the
 * unhandled catch-all last) inside an error boundary, and auto-retry on outgoing
 * calls. Never starts it — `src/main.ts` does.
 * @example const bot = createBot(config, deps); await bot.init()
 */
export function createBot(config: Config, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(config.botToken ?? CONSOLE_TOKEN, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(config.telegramApiRoot ? { client: { apiRoot: config.telegramApiRoot } } : {}),
  })

  for (const transformer of options.apiTransformers ?? []) bot.api.config.use(transformer)
  // 429 with retry_after and 5xx are retried; a flood wait longer than a minute is not worth holding a handler for.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }))

  const settings: BotSettings = { ...DEFAULT_BOT_SETTINGS, ...options.settings }
  const services: BotServices = {
    deps,
    settings,
    searches: new SearchMemory(deps.searches ?? new MemoryStore<SavedSearch>(), deps.now),
    ...createLimiters(deps, settings),
  }

  const onError = createErrorHandler(deps.logger)
  // The boundary catches inside the middleware, so `handleUpdate` never throws (runner, console
  // and tests alike); `bot.catch` covers `bot.start()` should anyone use it.
  bot.catch(onError)
  const app = bot.errorBoundary(onError)

  app.use(localeMiddleware(deps.settings))
  app.use(createStartFeature(services, { extraCommands: DIGEST_COMMANDS, adminCommands: ADMIN_COMMANDS }))
  app.use(createSearchFeature(services))
  app.use(createReadingFeature(services))
  app.use(createInlineFeature(services))
  app.use(createSettingsFeature(services))
  app.use(createDigestFeature(deps))
  app.use(createAdminFeature(deps))
  // Free text comes after every command feature so that none of their messages is taken for a question.
  app.use(createQuestionFeature(services))
  app.use(createUnhandledFeature())

  return bot
}
