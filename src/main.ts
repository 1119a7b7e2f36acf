/**
 * The only place that starts things. With BOT_TOKEN: long polling (grammY
 * runner), the command menu, and clean shutdown on SIGINT/SIGTERM. Without it:
 * the local console, driving the same bot from stdin until end of input.
 */
import { run, type RunnerHandle } from '@grammyjs/runner'
import { join } from 'node:path'
import { runConsole } from './bot/console.js'
import { BOT_COMMANDS, createBot } from './bot/create-bot.js'
import { createBotDeps, type ChatSettings } from './bot/deps.js'
import type { SavedSearch } from './bot/helpers/search-memory.js'
import { registerCommands } from './bot/register-commands.js'
import { ConfigError, parseConfig, type Config } from './config.js'
import { createDigest } from './digest/create-digest.js'
import { MemoryDeliveryLog } from './digest/delivery-log.js'
import type { RunSummary } from './digest/delivery.js'
import type { Subscription } from './digest/subscriptions.js'
import { loadEnv } from './env.js'
import { openLibrary } from './library/library.js'
import { createLogger } from './logger.js'
import { JsonFileStore } from './store/file-store.js'
import { MemoryStore } from './store/store.js'

function readConfig(): Config {
  loadEnv()
  try {
    return parseConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
}

async function main(): Promise<void> {
  const config = readConfig()
  const consoleMode = config.botToken === undefined
  // In the console, info lines on stderr would interleave with the conversation; LOG_LEVEL still wins when set.
  const logger = createLogger(consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel)

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

  const chatSettings = new JsonFileStore<ChatSettings>(join(config.dataDir, 'chat-settings.json'))
  const digest = await createDigest({
    config,
    library,
    logger,
    // The chat's /lang choice decides the digest's script too.
    localeOf: async (chatId) => (await chatSettings.read(String(chatId)))?.locale,
  })
  const deps = createBotDeps({
    config,
    library,
    logger,
    digest: digest.service,
    chatSettings,
    savedSearches: new JsonFileStore<SavedSearch>(join(config.dataDir, 'searches.json')),
  })
  const bot = createBot(deps)
  // Digests are sent through the bot's API, so they follow the same retry policy as every other call.
  digest.attachApi(bot.api)

  await bot.init()
  logger.info({ bot: bot.botInfo.username }, 'bot: connected to Telegram')
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'bot: deleteWebhook failed'))
  await registerCommands(bot.api, BOT_COMMANDS, config.adminIds, logger)

  const runner: RunnerHandle = run(bot)
  digest.start()
  logger.info('bot: polling for updates; digest schedule started')

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'bot: shutting down')
    try {
      if (runner.isRunning()) await runner.stop()
      await digest.stop()
      await library.close()
    } catch (err) {
      logger.error({ err }, 'bot: error while shutting down')
      process.exitCode = 1
    }
    logger.info('bot: stopped')
    process.exit()
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))

  // If polling dies on its own (e.g. the token was revoked), stop the process too.
  await runner.task()
  if (!stopping) {
    logger.error('bot: polling stopped unexpectedly')
    process.exitCode = 1
    await shutdown('runner-stopped')
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`main: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
