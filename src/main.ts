/**
 * The only place that starts things. With BOT_TOKEN: long polling (grammY
 * runner) through the update inbox, the command menu, the digest schedule, and
 * a clean stop on SIGINT/SIGTERM. Without it: the local console, driving the
 * same bot from stdin until end of input.
 */
import type { RunnerHandle } from '@grammyjs/runner'
import { GrammyError } from 'grammy'
import { join } from 'node:path'
import { runConsole } from './bot/console.js'
import { BOT_COMMANDS, createBot } from './bot/create-bot.js'
import { createBotDeps, type ChatSettings } from './bot/deps.js'
import type { SavedSearch } from './bot/helpers/search-memory.js'
import { handlePending, startPolling } from './bot/polling.js'
import { registerCommands } from './bot/register-commands.js'
import { checkFolders, ConfigError, parseConfig, type Config } from './config.js'
import { createDigest } from './digest/create-digest.js'
import { MemoryDeliveryLog } from './digest/delivery-log.js'
import type { RunSummary } from './digest/delivery.js'
import type { Subscription } from './digest/subscriptions.js'
import { loadEnv } from './env.js'
import { openLibrary } from './library/library.js'
import { createLogger, type Logger } from './logger.js'
import { JsonFileStore, removeOrphanTemporaryFiles } from './store/file-store.js'
import { JsonLinesStore } from './store/lines-store.js'
import { MemoryStore } from './store/store.js'
import { FileUpdateInbox } from './telegram/update-inbox.js'

/** How long a stop may take before the process exits anyway: what is unfinished is resumed at the next start. */
const STOP_DEADLINE_MS = 5000

function readConfig(): Config {
  loadEnv()
  try {
    const config = parseConfig(process.env)
    checkFolders(config)
    return config
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
}

/** Thrown when Telegram refuses the token: one clear line, no retry. */
class BadTokenError extends Error {}

/**
 * `getMe` until Telegram answers: an unreachable Telegram is a warning and is
 * tried again with a growing wait (1 s, 2 s, 4 s … 30 s); a refused token ends it.
 */
async function connect(init: () => Promise<void>, logger: Logger, stopping: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await init()
      return
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new BadTokenError(
          `BOT_TOKEN: Telegram refused the token (${err.error_code} ${err.description}); get the right one from @BotFather`,
        )
      }
      const waitMs = Math.min(30_000, 1000 * 2 ** (attempt - 1))
      logger.warn(
        { attempt, waitMs, err: err instanceof Error ? err.message : String(err) },
        'bot: Telegram is not reachable; trying again',
      )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs)
        stopping.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
      })
      if (stopping.aborted) return
    }
  }
}

async function main(): Promise<void> {
  const config = readConfig()
  const consoleMode = config.botToken === undefined
  // In the console, info lines on stderr would interleave with the conversation; LOG_LEVEL still wins when set.
  const logger = createLogger(consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel)

  // Until the bot runs, a stop signal ends the process at once: nothing is half-done that a start cannot redo.
  const stopping = new AbortController()
  /** Set once the bot runs: the orderly stop. */
  const running: { shutdown?: (signal: string) => Promise<void> } = {}
  const onSignal = (signal: string) => {
    stopping.abort()
    if (running.shutdown) void running.shutdown(signal)
    else if (!consoleMode) {
      logger.info({ signal }, 'bot: stopped during start-up')
      process.exit(0)
    }
  }
  if (!consoleMode) {
    process.once('SIGINT', () => onSignal('SIGINT'))
    process.once('SIGTERM', () => onSignal('SIGTERM'))
  }

  const leftovers = removeOrphanTemporaryFiles(config.dataDir)
  if (leftovers.length > 0) logger.info({ files: leftovers }, 'bot: removed temporary files a stopped process left in DATA_DIR')
  const library = await openLibrary({ seedsDir: config.seedsDir, dataDir: config.dataDir, logger, watch: config.seedsWatch })

  if (consoleMode) {
    // The console is for trying the bot out: settings, searches and subscriptions are not persisted,
    // and no digest schedule runs (/digest still previews one).
    const chatSettings = new MemoryStore<ChatSettings>()
    const digest = await createDigest({
      config,
      library,
      logger,
      localeOf: async (chatId) => (await chatSettings.read(String(chatId)))?.locale,
      subscriptionStore: new MemoryStore<Subscription>(),
      deliveryLog: new MemoryDeliveryLog(),
      stateStore: new MemoryStore<RunSummary>(),
    })
    const deps = createBotDeps({ config, library, logger, chatSettings, digest: digest.service })
    process.once('SIGINT', () => process.stdin.destroy())
    await runConsole(deps, {
      input: process.stdin,
      output: process.stdout,
      info: process.stderr,
      ansi: Boolean(process.stdout.isTTY),
    })
    await digest.stop()
    await library.close()
    return
  }

  const chatSettings = new JsonFileStore<ChatSettings>(join(config.dataDir, 'chat-settings.json'), { logger })
  const savedSearches = new JsonLinesStore<SavedSearch>(join(config.dataDir, 'searches.jsonl'), { logger })
  const inbox = new FileUpdateInbox(join(config.dataDir, 'updates.jsonl'), logger)
  const digest = await createDigest({
    config,
    library,
    logger,
    // The chat's /lang choice decides the digest's script too.
    localeOf: async (chatId) => (await chatSettings.read(String(chatId)))?.locale,
  })
  const deps = createBotDeps({ config, library, logger, digest: digest.service, chatSettings, savedSearches })
  const bot = createBot(deps)
  // Digests are sent through the bot's API, so they follow the same rate limits and retry policy as every other call.
  digest.attachApi(bot.api)

  // Not bot.init(): grammY retries getMe there forever and silently.
  await connect(async () => void (bot.botInfo = await bot.api.getMe()), logger, stopping.signal)
  if (stopping.signal.aborted) process.exit(0)
  logger.info({ bot: bot.botInfo.username }, 'bot: connected to Telegram')
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'bot: deleteWebhook failed'))
  await registerCommands(bot.api, BOT_COMMANDS, config.adminIds, logger)
  await handlePending(bot, inbox, logger)

  const runner: RunnerHandle = startPolling(bot, inbox, logger)
  digest.start()
  logger.info('bot: polling for updates; digest schedule started')

  let stopped = false
  const shutdown = async (signal: string) => {
    if (stopped) return
    stopped = true
    logger.info({ signal }, 'bot: shutting down')
    // Whatever is not finished by then (an update being handled, a digest run) is picked up at the next start.
    const deadline = setTimeout(() => {
      logger.warn({ afterMs: STOP_DEADLINE_MS }, 'bot: stopping took too long; exiting, unfinished work resumes at the next start')
      process.exit(process.exitCode ?? 0)
    }, STOP_DEADLINE_MS)
    try {
      if (runner.isRunning()) await runner.stop()
      await digest.stop()
      await Promise.all([library.close(), savedSearches.close(), inbox.close()])
    } catch (err) {
      logger.error({ err }, 'bot: error while shutting down')
      process.exitCode = 1
    }
    clearTimeout(deadline)
    logger.info('bot: stopped')
    process.exit()
  }
  running.shutdown = shutdown

  // If polling dies on its own (e.g. the token was revoked, or another process polls with it), stop too.
  try {
    await runner.task()
  } catch (err) {
    logger.error({ err }, 'bot: polling stopped')
  }
  if (!stopped) {
    logger.error('bot: polling stopped unexpectedly')
    process.exitCode = 1
    await shutdown('runner-stopped')
  }
}

main().catch((err: unknown) => {
  if (err instanceof BadTokenError) process.stderr.write(`${err.message}\n`)
  else process.stderr.write(`main: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
