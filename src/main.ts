/**
 * The only place that starts things. With BOT_TOKEN: long polling (grammY
 * runner), the command menu, and clean shutdown on SIGINT/SIGTERM. Without it:
 * the local console, driving the same bot from stdin until end of input.
 */
import { run, type RunnerHandle } from '@grammyjs/runner'
import { join } from 'node:path'
import { CONSOLE_BOT_INFO, runConsole } from './bot/console.js'
import { createBot } from './bot/create-bot.js'
import type { BotDeps, ChatSettings } from './bot/deps.js'
import type { SavedSearch } from './bot/helpers/search-memory.js'
import { registerCommands } from './bot/register-commands.js'
import { ConfigError, parseConfig, type Config } from './config.js'
import type { DigestService } from './digest/service.js'
import { openLibrary } from './index/library.js'
import { createLogger, type Logger } from './logger.js'
import { JsonFileStore } from './store/file-store.js'
import { MemoryStore } from './store/store.js'

/** Something to stop on shutdown (the digest scheduler, the folder watcher). */
interface Stoppable {
  stop(): Promise<void> | void
}

/**
 * DIGEST WIRING POINT. The digest work provides `src/digest/index.ts` (service
 * and scheduler); until it lands, the bot runs with a digest that has nothing
 * to report and no scheduler. Replace this function's body with the real
 * service and scheduler from there.
 */
async function startDigest(_config: Config, _deps: Omit<BotDeps, 'digest'>, _logger: Logger): Promise<{ service: DigestService; scheduler: Stoppable }> {
  const service: DigestService = {
    subscribedChats: async () => 0,
    lastRun: async () => undefined,
  }
  return { service, scheduler: { stop: () => undefined } }
}

function readConfig(): Config {
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
  const now = () => new Date()

  if (consoleMode) {
    // The console is for trying the bot out: settings and searches are not persisted.
    const base = { config, library, logger, settings: new MemoryStore<ChatSettings>(), searches: new MemoryStore<SavedSearch>(), now }
    const digest = await startDigest(config, base, logger)
    process.once('SIGINT', () => process.stdin.destroy())
    await runConsole(config, { ...base, digest: digest.service }, {
      input: process.stdin,
      output: process.stdout,
      info: process.stderr,
      ansi: Boolean(process.stdout.isTTY),
    })
    await digest.scheduler.stop()
    await library.close()
    return
  }

  const base = {
    config,
    library,
    logger,
    settings: new JsonFileStore<ChatSettings>(join(config.dataDir, 'chat-settings.json')),
    searches: new JsonFileStore<SavedSearch>(join(config.dataDir, 'searches.json')),
    now,
  }
  const digest = await startDigest(config, base, logger)
  const deps: BotDeps = { ...base, digest: digest.service }
  const bot = createBot(config, deps)

  await bot.init()
  logger.info({ bot: bot.botInfo.username }, 'bot: connected to Telegram')
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'bot: deleteWebhook failed'))
  await registerCommands(bot.api, config, logger)

  const runner: RunnerHandle = run(bot)
  logger.info('bot: polling for updates')

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'bot: shutting down')
    try {
      if (runner.isRunning()) await runner.stop()
      await digest.scheduler.stop()
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
