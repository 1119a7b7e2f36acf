/**
 * Local helpers for the admin tests: the real library over its own corpus
 * folder, watched (which methods admins reached, reloads that can be held open
 * or made to fail), a log recorder, and a bot with only the admin feature.
 */
import { Bot } from 'grammy'
import pino from 'pino'
import { vi } from 'vitest'
import type { BotContext } from '../../src/bot/context.js'
import { createBotDeps, type ChatSettings } from '../../src/bot/deps.js'
import { createAdminFeature, type AdminOptions } from '../../src/bot/features/admin/index.js'
import { parseConfig } from '../../src/config.js'
import { createDigest } from '../../src/digest/create-digest.js'
import { MemoryDeliveryLog } from '../../src/digest/delivery-log.js'
import type { RunSummary } from '../../src/digest/delivery.js'
import type { Subscription } from '../../src/digest/subscriptions.js'
import type { Library } from '../../src/library/types.js'
import { MemoryStore } from '../../src/store/store.js'
import type { Locale } from '../../src/telegram/locale.js'
import { DEFAULT_ARTICLES, openTestLibrary, type ArticleSeed, type TestCorpus } from '../helpers/articles.js'
import { botInfo, TEST_TOKEN, users } from '../helpers/bot-harness.js'
import { recordApi, type FakeTelegram } from '../helpers/fake-telegram.js'

export const admin = users.alice
export const stranger = users.bob

/** The real library, recording which admin-facing methods were called, with reloads that can be held or failed. */
export interface AdminLibrary extends Library {
  /** Names of the admin-facing methods called, in order. */
  readonly touched: string[]
  /** Set to make the next reloads fail with it. */
  failReload?: Error
  /** Makes reloads wait until the returned function is called. */
  holdReloads(): () => void
}

function watchAdmin(real: Library): AdminLibrary {
  const touched: string[] = []
  let hold: Promise<void> | undefined
  let waiting = 0
  const lib: AdminLibrary = {
    touched,
    holdReloads() {
      let release!: () => void
      hold = new Promise<void>((r) => (release = r))
      return () => {
        hold = undefined
        release()
      }
    },
    search: (q, o) => real.search(q, o),
    getArticle: (id) => real.getArticle(id),
    listArticles: () => {
      touched.push('listArticles')
      return real.listArticles()
    },
    reload: async () => {
      touched.push('reload')
      waiting++
      try {
        await hold
        if (lib.failReload) throw lib.failReload
        return await real.reload()
      } finally {
        waiting--
      }
    },
    get reloading() {
      return waiting > 0 || real.reloading
    },
    addArticle: (bytes) => {
      touched.push('addArticle')
      return real.addArticle(bytes)
    },
    removeArticle: (id) => {
      touched.push('removeArticle')
      return real.removeArticle(id)
    },
    stats: () => {
      touched.push('stats')
      return real.stats()
    },
  }
  return lib
}

export interface LogLine {
  level: number
  msg: string
  admin?: number
  user?: number
  action?: string
  [k: string]: unknown
}

export interface AdminHarnessOptions extends AdminOptions {
  /** The corpus's articles (default: the five default ones). */
  articles?: readonly ArticleSeed[]
  lastDigest?: RunSummary
  subscribedChats?: number
  now?: Date
}

export interface AdminHarness {
  bot: Bot<BotContext>
  api: FakeTelegram
  library: AdminLibrary
  corpus: TestCorpus
  logs: LogLine[]
  download: ReturnType<typeof vi.fn<(filePath: string) => Promise<Uint8Array>>>
  /** Updates no admin handler took (documents from non-admins, in groups…). */
  passedOn: number
  /** Reply language for the next updates (the real bot's middleware resolves it per chat). */
  locale: Locale
  send(update: Parameters<Bot<BotContext>['handleUpdate']>[0]): Promise<void>
  close(): Promise<void>
}

const open: AdminHarness[] = []

/** Closes every harness made since the last call (use in `afterEach`). */
export async function closeHarnesses(): Promise<void> {
  for (const h of open.splice(0)) await h.close()
}

/** A bot with only the admin feature, a locale middleware, and the fake Telegram. */
export async function adminHarness(opts: AdminHarnessOptions = {}): Promise<AdminHarness> {
  const corpus = await openTestLibrary(opts.articles ?? DEFAULT_ARTICLES)
  const library = watchAdmin(corpus.library)
  const logs: LogLine[] = []
  const logger = pino({ level: 'info' }, { write: (s: string) => void logs.push(JSON.parse(s) as LogLine) })
  const config = parseConfig({ ADMIN_IDS: `${admin.id},999`, DIGEST_TZ: 'Asia/Shanghai', DATA_DIR: corpus.dataDir })
  const state = new MemoryStore<RunSummary>()
  if (opts.lastDigest) await state.write('lastRun', opts.lastDigest)
  const digest = await createDigest({
    config,
    library,
    logger,
    subscriptionStore: new MemoryStore<Subscription>(),
    deliveryLog: new MemoryDeliveryLog(),
    stateStore: state,
  })
  for (let i = 0; i < (opts.subscribedChats ?? 0); i++) await digest.service.subscribe(-1000 - i, {})
  const now = opts.now ?? new Date(Date.UTC(2024, 5, 1, 12, 0, 0))
  const deps = createBotDeps({
    config,
    library,
    logger,
    digest: digest.service,
    chatSettings: new MemoryStore<ChatSettings>(),
    now: () => now,
  })
  const download = vi.fn(opts.download ?? (async (_filePath: string) => new Uint8Array()))
  const bot = new Bot<BotContext>(TEST_TOKEN, { botInfo })
  const api = recordApi(bot.api)
  const h: AdminHarness = {
    bot,
    api,
    library,
    corpus,
    logs,
    download,
    passedOn: 0,
    locale: 'zh-Hans',
    send: (update) => bot.handleUpdate(update),
    close: () => corpus.close(),
  }
  bot.use((ctx, next) => {
    ctx.locale = h.locale
    return next()
  })
  bot.use(createAdminFeature(deps, { ...opts, download }))
  bot.use(() => {
    h.passedOn++
  })
  open.push(h)
  return h
}

/** UTF-8 bytes of a text. */
export const utf8 = (s: string) => new TextEncoder().encode(s)
