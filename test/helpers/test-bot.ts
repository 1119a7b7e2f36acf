/**
 * The whole bot as `createBot` builds it, wired to test doubles: the fake
 * library, in-memory stores, a silent logger, a no-op digest and a settable
 * clock. The recorder sits beneath auto-retry, like the network would.
 *
 * @example
 *   const t = createTestBot()
 *   await t.send(command('search', '黄河'))
 *   expect(t.lastText()).toContain('<b>黄河</b>')
 * @example
 *   expect(await replyTo(command('search', '黄河'))).toContain('<b>黄河</b>')
 */
import { parseConfig, type Config } from '../../src/config.js'
import { createBot, type CreateBotOptions } from '../../src/bot/create-bot.js'
import type { BotDeps, ChatSettings } from '../../src/bot/deps.js'
import type { SavedSearch } from '../../src/bot/helpers/search-memory.js'
import type { DigestService } from '../../src/digest/service.js'
import { silentLogger } from '../../src/logger.js'
import { MemoryStore } from '../../src/store/store.js'
import type { Update } from 'grammy/types'
import { botInfo, createRecorder, TEST_TOKEN, type ApiCall, type ApiRecorder, type RecordingOptions } from './bot-harness.js'
import { FakeLibrary } from './fake-library.js'

/** A digest service that has nothing to report. */
export const noopDigest: DigestService = {
  subscribedChats: async () => 0,
  lastRun: async () => undefined,
}

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

export interface TestBotOptions {
  config?: Partial<Config>
  deps?: Partial<BotDeps>
  recording?: RecordingOptions
  bot?: Omit<CreateBotOptions, 'botInfo' | 'apiTransformers'>
}

export function createTestDeps(
  overrides: Partial<BotDeps> = {},
  config: Config = testConfig(),
): BotDeps & {
  library: FakeLibrary
  settings: MemoryStore<ChatSettings>
  searches: MemoryStore<SavedSearch>
} {
  const clock = createClock()
  return {
    config,
    library: new FakeLibrary(),
    logger: silentLogger,
    digest: noopDigest,
    settings: new MemoryStore<ChatSettings>(),
    searches: new MemoryStore<SavedSearch>(),
    now: clock.now,
    ...overrides,
  } as BotDeps & { library: FakeLibrary; settings: MemoryStore<ChatSettings>; searches: MemoryStore<SavedSearch> }
}

/** Builds the full bot for tests. */
export function createTestBot(options: TestBotOptions = {}) {
  const config = testConfig({}, options.config)
  const clock = createClock()
  const deps = createTestDeps({ now: clock.now, ...options.deps }, config)
  const api: ApiRecorder = createRecorder(options.recording)
  const bot = createBot(config, deps, { botInfo, apiTransformers: [api.transformer], ...options.bot })

  /** The payload of the last message the bot sent; throws if it sent none. */
  const lastReply = (): ApiCall['payload'] => {
    const call = api.last('sendMessage')
    if (!call) throw new Error(`the bot sent no message (calls: ${api.calls.map((c) => c.method).join(', ') || 'none'})`)
    return call.payload
  }
  return {
    bot,
    api,
    deps,
    library: deps.library,
    clock,
    config,
    /** Hands the updates to the bot one after another, each handled before the next. */
    send: async (...updates: Update[]): Promise<void> => {
      for (const update of updates) await bot.handleUpdate(update)
    },
    lastReply,
    /** The text of the last message the bot sent; throws if it sent none. */
    lastText: (): string => String(lastReply().text),
  }
}

export type TestBot = ReturnType<typeof createTestBot>

/** The text of the last message a fresh test bot sends in answer to `updates`. */
export async function replyTo(...updates: Update[]): Promise<string> {
  const t = createTestBot()
  await t.send(...updates)
  return t.lastText()
}
