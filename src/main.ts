/**
 * The only place that starts things. With BOT_TOKEN: long polling (grammY
 * runner) through the update inbox, or with WEBHOOK_URL the webhook server
 * (with /healthz and /metrics); the command menu, the digest schedule, and a
 * clean stop on SIGINT/SIGTERM. Stores in files under DATA_DIR, or with
 * DATABASE_URL in PostgreSQL, shared by replicas (the digest then runs on
 * pg-boss jobs). Without BOT_TOKEN: the local console, driving the same bot
 * from stdin until end of input.
 */
import type { RunnerHandle } from '@grammyjs/runner'
import { GrammyError, type Bot } from 'grammy'
import type { Server } from 'node:http'
import PgBoss from 'pg-boss'
import { createHttpServer } from './app/http-server.js'
import { createMetrics } from './app/metrics.js'
import { openFileStores, openPgStores } from './app/stores.js'
import type { BotContext } from './bot/context.js'
import { HandledOnce } from './bot/middleware/handled-once.js'
import { runConsole } from './bot/console.js'
import { BOT_COMMANDS, createBot } from './bot/create-bot.js'
import { createBotDeps, type ChatSettings } from './bot/deps.js'
import { handlePending, startPolling } from './bot/polling.js'
import { registerCommands } from './bot/register-commands.js'
import { checkFolders, ConfigError, parseConfig, type Config } from './config.js'
import { createDigest } from './digest/create-digest.js'
import { MemoryDeliveryLog } from './digest/delivery-log.js'
import { PgBossScheduler } from './digest/jobs.js'
import type { RunSummary } from './digest/delivery.js'
import type { Subscription } from './digest/subscriptions.js'
import { loadEnv } from './env.js'
import { openLibrary } from './library/library.js'
import { openSharedLibrary } from './library/shared-corpus.js'
import { createLogger, type Logger } from './logger.js'
import { systemClock } from './clock.js'
import { removeOrphanTemporaryFiles } from './store/file-store.js'
import { openDatabase, type Database } from './store/pg/database.js'
import { MemoryStore } from './store/store.js'

/** How long a stop may take before the process exits anyway: what is unfinished is resumed at the next start. */
const STOP_DEADLINE_MS = 5000

/** How often a webhook replica looks for updates a dead replica left unhandled (their lease is 60 s). */
const PENDING_SWEEP_MS = 20_000
/** How long an update taken by a webhook replica is left to it before another takes it over. */
const WEBHOOK_LEASE_MS = 60_000

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

/** Thrown when start-up cannot go on: one clear line, no stack trace, no retry. */
class BadTokenError extends Error {}

/**
 * Tries `attempt` until it succeeds: a failure is a warning and is tried again
 * with a growing wait (1 s, 2 s, 4 s … 30 s), unless `fatal` turns it into an
 * error that ends start-up. A stop signal ends the waiting (returns undefined).
 */
async function untilReachable<T>(
  what: string,
  attempt: () => Promise<T>,
  logger: Logger,
  stopping: AbortSignal,
  fatal: (err: unknown) => Error | undefined = () => undefined,
): Promise<T | undefined> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      const stop = fatal(err)
      if (stop) throw stop
      const waitMs = Math.min(30_000, 1000 * 2 ** (n - 1))
      logger.warn({ attempt: n, waitMs, err: err instanceof Error ? err.message : String(err) }, `${what} is not reachable; trying again`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs)
        stopping.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
      })
      if (stopping.aborted) return undefined
    }
  }
}

/** A refused token ends start-up with one line; anything else is retried. */
const refusedToken = (err: unknown) =>
  err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)
    ? new BadTokenError(`BOT_TOKEN: Telegram refused the token (${err.error_code} ${err.description}); get the right one from @BotFather`)
    : undefined

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, () => {
      server.off('error', reject)
      resolve()
    })
  })
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
    // grammY's webhook timeout leaves the handling of a slow update without a catch once it has
    // answered; should that handling fail (the inbox unreachable), log it rather than stop the replica.
    if (config.webhookUrl) process.on('unhandledRejection', (err) => logger.error({ err }, 'bot: a failure nothing waited for'))
  }

  const leftovers = removeOrphanTemporaryFiles(config.dataDir)
  if (leftovers.length > 0) logger.info({ files: leftovers }, 'bot: removed temporary files a stopped process left in DATA_DIR')
  const libraryOptions = { seedsDir: config.seedsDir, dataDir: config.dataDir, logger, watch: config.seedsWatch }

  if (consoleMode) {
    const library = await openLibrary(libraryOptions)
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

  const webhook = config.webhookUrl !== undefined
  const metrics = createMetrics()
  const state: { bot?: Bot<BotContext>; ready: boolean } = { ready: false }
  // The HTTP server comes first, so that /healthz says "starting" while the index loads.
  const http = webhook
    ? createHttpServer({
        bot: () => state.bot,
        webhookPath: new URL(config.webhookUrl!).pathname,
        secret: config.webhookSecret!,
        ready: () => state.ready,
        metrics,
        logger,
      })
    : undefined
  if (http) {
    await listen(http, config.port)
    logger.info({ port: config.port }, 'bot: HTTP server listening (webhook, /healthz, /metrics)')
  }

  const db: Database | undefined = config.databaseUrl
    ? await untilReachable('store: PostgreSQL', () => openDatabase(config.databaseUrl!, logger), logger, stopping.signal)
    : undefined
  if (stopping.signal.aborted) process.exit(0)
  // With PostgreSQL, the corpus is shared: this replica's SEEDS_DIR and index follow the database.
  const library = db ? await openSharedLibrary({ ...libraryOptions, db }) : await openLibrary(libraryOptions)
  const stores = db ? openPgStores(db, logger, { inboxLeaseMs: webhook ? WEBHOOK_LEASE_MS : 0 }) : await openFileStores(config, logger)
  const boss = db
    ? new PgBoss({
        connectionString: db.url,
        max: 4,
        // Expired parts (their replica died) are handed over within a quarter of the takeover time.
        maintenanceIntervalSeconds: Math.max(1, Math.floor(config.digestTakeoverSeconds / 4)),
      })
    : undefined
  boss?.on('error', (err: Error) => logger.warn({ err: err.message }, 'digest: pg-boss reported an error'))
  await boss?.start()

  const digest = await createDigest({
    config,
    library,
    logger,
    // The chat's /lang choice decides the digest's script too.
    localeOf: async (chatId) => (await stores.chatSettings.read(String(chatId)))?.locale,
    subscriptionStore: stores.subscriptions,
    deliveryLog: stores.deliveryLog,
    stateStore: stores.digestState,
    onRun: (summary) => metrics.countDigestRun(summary),
    ...(boss
      ? {
          scheduler: new PgBossScheduler({
            boss,
            cron: config.digestCron,
            timeZone: config.digestTz,
            takeoverSeconds: config.digestTakeoverSeconds,
            logger,
            clock: systemClock,
          }),
        }
      : {}),
  })
  const deps = createBotDeps({
    config,
    library: metrics.timeSearches(library),
    logger,
    digest: digest.service,
    chatSettings: stores.chatSettings,
    savedSearches: stores.savedSearches,
  })
  const handledOnce = webhook ? new HandledOnce(stores.inbox, logger) : undefined
  const bot = createBot(deps, { before: [...(handledOnce ? [handledOnce.middleware()] : []), metrics.countUpdates()] })
  // Digests are sent through the bot's API, so they follow the same rate limits and retry policy as every other call.
  digest.attachApi(bot.api)

  // Not bot.init(): grammY retries getMe there forever and silently.
  await untilReachable('bot: Telegram', async () => void (bot.botInfo = await bot.api.getMe()), logger, stopping.signal, refusedToken)
  if (stopping.signal.aborted) process.exit(0)
  logger.info({ bot: bot.botInfo.username, stores: stores.backend }, 'bot: connected to Telegram')

  let runner: RunnerHandle | undefined
  let sweep: NodeJS.Timeout | undefined
  if (webhook) {
    await bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret! })
    await registerCommands(bot.api, BOT_COMMANDS, config.adminIds, logger)
    state.bot = bot
    state.ready = true
    const takeOver = () =>
      handledOnce!.handlePending(bot).catch((err: unknown) => logger.error({ err }, 'bot: could not take over pending updates'))
    await takeOver()
    sweep = setInterval(() => void takeOver(), PENDING_SWEEP_MS)
    await digest.start()
    logger.info({ url: config.webhookUrl }, 'bot: webhook set; ready')
  } else {
    await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'bot: deleteWebhook failed'))
    await registerCommands(bot.api, BOT_COMMANDS, config.adminIds, logger)
    await handlePending(bot, stores.inbox, logger)
    runner = startPolling(bot, stores.inbox, logger)
    await digest.start()
    logger.info('bot: polling for updates; digest schedule started')
  }

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
      clearInterval(sweep)
      state.ready = false
      if (http) {
        // No new requests; those under way finish (a webhook update in the inbox is taken over if not).
        const closed = new Promise<void>((resolve) => http.close(() => resolve()))
        http.closeIdleConnections()
        await closed
      }
      if (runner?.isRunning()) await runner.stop()
      await digest.stop()
      await boss?.stop({ graceful: true, timeout: 2000, wait: true })
      await Promise.all([library.close(), stores.close()])
      await db?.close()
    } catch (err) {
      logger.error({ err }, 'bot: error while shutting down')
      process.exitCode = 1
    }
    clearTimeout(deadline)
    logger.info('bot: stopped')
    process.exit()
  }
  running.shutdown = shutdown

  if (!runner) return
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
