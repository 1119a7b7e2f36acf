/**
 * The whole bot as `createBot` builds it, on the real library over invented
 * articles (`articles.ts`), a real digest on in-memory stores, a silent logger,
 * a settable clock and the fake Telegram beneath the retry policy, like the
 * network would be.
 *
 * @example
 *   const t = await createTestBot()
 *   await t.send(command('search', '黄河'))
 *   expect(t.lastText()).toContain('<b>黄河</b>')
 * @example
 *   expect(await replyTo(command('search', '黄河'))).toContain('<b>黄河</b>')
 */
import type { Update } from 'grammy/types'
import { createBot, type CreateBotOptions } from '../../src/bot/create-bot.js'
import type { BotSettings } from '../../src/bot/defaults.js'
import { createBotDeps, type BotDeps, type ChatSettings } from '../../src/bot/deps.js'
import type { SavedSearch } from '../../src/bot/helpers/search-memory.js'
import { parseConfig, type Config } from '../../src/config.js'
import { createDigest } from '../../src/digest/create-digest.js'
import { MemoryDeliveryLog } from '../../src/digest/delivery-log.js'
import type { RunSummary } from '../../src/digest/delivery.js'
import type { DigestControl } from '../../src/digest/service.js'
import type { Subscription } from '../../src/digest/subscriptions.js'
import type { Library } from '../../src/library/types.js'
import { silentLogger, type Logger } from '../../src/logger.js'
import { MemoryStore, type Store } from '../../src/store/store.js'
import { openTestLibrary, type ArticleSeed, type TestCorpus } from './articles.js'
import { TEST_TOKEN, botInfo } from './bot-harness.js'
import { createFakeTelegram, type ApiCall, type FakeTelegram, type FakeTelegramOptions } from './fake-telegram.js'

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date
  advance(ms: number): void
  set(date: Date): void
}

export function createClock(start = new Date('2024-06-01T08:00:00Z')): TestClock {
  let t = start.getTime()
  return { now: () => new Date(t), advance: (ms) => void (t += ms), set: (d) => void (t = d.getTime()) }
}

/** Config as parsed from a minimal environment, with overrides. */
export function testConfig(env: Record<string, string> = {}, overrides: Partial<Config> = {}): Config {
  return { ...parseConfig({ BOT_TOKEN: TEST_TOKEN, SEEDS_DIR: './seeds', DATA_DIR: './data-test', ...env }), ...overrides }
}

let shared: Promise<TestCorpus> | undefined
/** One corpus of the default articles per test file, for bots that only read it. */
export function sharedCorpus(): Promise<TestCorpus> {
  shared ??= openTestLibrary()
  return shared
}

/** Failures a test can switch on: the library method throws it. */
export interface LibraryFailures {
  search?: Error
  getArticle?: Error
}

/** The real library, with every query recorded and failures that can be switched on. */
export interface WatchedLibrary extends Library {
  /** Every query `search` received, in order. */
  readonly queries: string[]
  readonly failures: LibraryFailures
}

function watch(real: Library): WatchedLibrary {
  const queries: string[] = []
  const failures: LibraryFailures = {}
  return {
    queries,
    failures,
    search: (query, options) => {
      queries.push(query)
      return failures.search ? Promise.reject(failures.search) : real.search(query, options)
    },
    getArticle: (id) => {
      if (failures.getArticle) throw failures.getArticle
      return real.getArticle(id)
    },
    listArticles: () => real.listArticles(),
    reload: () => real.reload(),
    get reloading() {
      return real.reloading
    },
    addArticle: (bytes) => real.addArticle(bytes),
    removeArticle: (id) => real.removeArticle(id),
    stats: () => real.stats(),
  }
}

export interface TestBotOptions {
  /** The corpus (default: the shared one of the default articles; pass your own to change it). */
  corpus?: TestCorpus
  /** Environment for `parseConfig` (e.g. `ADMIN_IDS`). */
  env?: Record<string, string>
  config?: Partial<Config>
  /** Bot tunables (page size, rate limits). */
  tuning?: Partial<BotSettings>
  digest?: DigestControl
  chatSettings?: Store<ChatSettings>
  savedSearches?: Store<SavedSearch>
  logger?: Logger
  telegram?: FakeTelegramOptions
  bot?: Omit<CreateBotOptions, 'botInfo' | 'apiTransformers'>
}

/** Builds the full bot for tests. */
export async function createTestBot(options: TestBotOptions = {}) {
  const corpus = options.corpus ?? (await sharedCorpus())
  const config = testConfig(options.env, options.config)
  const clock = createClock()
  const logger = options.logger ?? silentLogger
  const library = watch(corpus.library)
  const chatSettings = options.chatSettings ?? new MemoryStore<ChatSettings>()
  const digest =
    options.digest ??
    (
      await createDigest({
        config,
        library,
        logger,
        clock: { now: () => clock.now().getTime(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
        localeOf: async (chatId) => (await chatSettings.read(String(chatId)))?.locale,
        subscriptionStore: new MemoryStore<Subscription>(),
        deliveryLog: new MemoryDeliveryLog(),
        stateStore: new MemoryStore<RunSummary>(),
      })
    ).service
  const deps: BotDeps = createBotDeps({
    config,
    library,
    digest,
    logger,
    chatSettings,
    savedSearches: options.savedSearches ?? new MemoryStore<SavedSearch>(),
    now: clock.now,
    ...(options.tuning ? { options: options.tuning } : {}),
  })
  const telegram: FakeTelegram = createFakeTelegram(options.telegram)
  const bot = createBot(deps, { botInfo, apiTransformers: [telegram.transformer], ...options.bot })

  /** The payload of the last message the bot sent; throws if it sent none. */
  const lastReply = (): ApiCall['payload'] => {
    const call = telegram.last('sendMessage')
    if (!call) throw new Error(`the bot sent no message (calls: ${telegram.calls.map((c) => c.method).join(', ') || 'none'})`)
    return call.payload
  }
  return {
    bot,
    /** The fake Telegram: every call the bot made. */
    api: telegram,
    deps,
    library,
    corpus,
    clock,
    config,
    idOf: (seed: ArticleSeed) => corpus.idOf(seed),
    /** Hands the updates to the bot one after another, each handled before the next. */
    send: async (...updates: Update[]): Promise<void> => {
      for (const update of updates) await bot.handleUpdate(update)
    },
    lastReply,
    /** The text of the last message the bot sent; throws if it sent none. */
    lastText: (): string => String(lastReply().text),
  }
}

export type TestBot = Awaited<ReturnType<typeof createTestBot>>

/** The text of the last message a fresh test bot sends in answer to `updates`. */
export async function replyTo(...updates: Update[]): Promise<string> {
  const t = await createTestBot()
  await t.send(...updates)
  return t.lastText()
}

/** The id the shared corpus gave an article. */
export async function idOf(seed: ArticleSeed): Promise<string> {
  return (await sharedCorpus()).idOf(seed)
}
