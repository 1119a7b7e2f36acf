import { Bot, type Middleware, type RawApi, type Transformer } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import { systemClock } from '../clock.js'
import { telegramTransformers } from '../telegram/retry.js'
import { Throttle } from '../telegram/throttle.js'
import type { CommandSpec } from './commands.js'
import type { BotContext } from './context.js'
import type { BotDeps } from './deps.js'
import { createErrorHandler, trackCallbackAnswers } from './error-boundary.js'
import { ADMIN_COMMANDS, createAdminFeature, type AdminOptions } from './features/admin/index.js'
import { createDigestFeature, DIGEST_COMMANDS } from './features/digest.js'
import { createInlineFeature } from './features/inline.js'
import { createQuestionFeature } from './features/question.js'
import { createReadingFeature, READING_COMMANDS } from './features/reading.js'
import { createSearchFeature, SEARCH_COMMANDS } from './features/search.js'
import { createSettingsFeature, SETTINGS_COMMANDS } from './features/settings.js'
import { createStartFeature, START_COMMANDS } from './features/start.js'
import { createUnhandledFeature } from './features/unhandled.js'
import { localeMiddleware } from './middleware/locale.js'

/** Token used when there is none (the local console): grammY needs one, nothing is ever sent with it. */
export const CONSOLE_TOKEN = '0:console'

/** Every command of the bot, in menu order, as the features declare them. */
export const BOT_COMMANDS: readonly CommandSpec[] = [
  ...START_COMMANDS,
  ...SEARCH_COMMANDS,
  ...READING_COMMANDS,
  ...SETTINGS_COMMANDS,
  ...DIGEST_COMMANDS,
  ...ADMIN_COMMANDS,
]

export interface CreateBotOptions {
  /** Skips `getMe` (tests and the console); otherwise `bot.init()` fetches it at start. */
  botInfo?: UserFromGetMe
  /**
   * Transformers installed beneath the retry policy, i.e. closest to the network:
   * the console's printer, or a test's fake Telegram that should see retries.
   */
  apiTransformers?: Array<Transformer<RawApi>>
  /** Replaces the admin feature's downloader and clock (tests). */
  admin?: AdminOptions
  /** Telegram's rate limits for every message the bot sends, replies and digests alike (default: on the system clock). */
  throttle?: Throttle
  /** Runs first, outside the error boundary: the webhook's update inbox (`HandledOnce`), and metrics. */
  before?: Array<Middleware<BotContext>>
}

/**
 * Builds the bot: locale resolution, then one composer per feature (start/help,
 * search, reading, inline, settings, digest, admin, free-text questions, and the
 * unhandled catch-all last) inside an error boundary, and Telegram's rate limits
 * and the retry policy on outgoing calls. Never starts it — `src/main.ts` does.
 * @example const bot = createBot(createBotDeps({ config, library, digest, logger, chatSettings })); await bot.init()
 */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const { config } = deps
  const bot = new Bot<BotContext>(config.botToken ?? CONSOLE_TOKEN, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(config.telegramApiRoot ? { client: { apiRoot: config.telegramApiRoot } } : {}),
  })

  for (const transformer of options.apiTransformers ?? []) bot.api.config.use(transformer)
  for (const transformer of telegramTransformers(deps.logger, options.throttle ?? new Throttle(systemClock)))
    bot.api.config.use(transformer)

  const onError = createErrorHandler(deps.logger)
  // The boundary catches inside the middleware, so `handleUpdate` never throws (runner, console
  // and tests alike); `bot.catch` covers `bot.start()` should anyone use it.
  bot.catch(onError)
  for (const middleware of options.before ?? []) bot.use(middleware)
  const app = bot.errorBoundary(onError)

  app.use(trackCallbackAnswers())
  app.use(localeMiddleware(deps.chatSettings))
  app.use(createStartFeature(deps, BOT_COMMANDS))
  app.use(createSearchFeature(deps))
  app.use(createReadingFeature(deps))
  app.use(createInlineFeature(deps))
  app.use(createSettingsFeature(deps))
  app.use(createDigestFeature(deps))
  app.use(createAdminFeature(deps, options.admin))
  // Free text comes after every command feature so that none of their messages is taken for a question.
  app.use(createQuestionFeature(deps))
  app.use(createUnhandledFeature())

  return bot
}
