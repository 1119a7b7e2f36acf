/**
 * Local helpers for the admin tests: a FakeLibrary whose reloads can be held,
 * failed and observed, a log recorder, and a bot with only the admin feature.
 */
import pino from 'pino'
import { Bot } from 'grammy'
import { vi } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { createAdminFeature, type AdminOptions } from '../../src/bot/features/admin.js'
import type { BotContext } from '../../src/bot/context.js'
import type { BotDeps, ChatSettings } from '../../src/bot/deps.js'
import type { DigestRunSummary } from '../../src/digest/service.js'
import type { AddResult, ReloadReport } from '../../src/library/types.js'
import type { ArticleMeta } from '../../src/search/types.js'
import type { Locale } from '../../src/telegram/locale.js'
import { MemoryStore } from '../../src/store/store.js'
import { botInfo, recordApi, TEST_TOKEN, users, type ApiRecorder } from '../helpers/bot-harness.js'
import { FakeLibrary, type ArticleSeed } from '../helpers/fake-library.js'

export const admin = users.alice
export const stranger = users.bob

/**
 * The shared FakeLibrary, plus: reloads that can be held open (to act while
 * one runs), serialised like the real one, with a `reloading` flag; a record
 * of every method that changes or reads the corpus for admins.
 */
export class ControllableLibrary extends FakeLibrary {
  /** Names of the admin-facing methods called, in order. */
  readonly touched: string[] = []
  /** How long the next reloads claim to have taken. */
  reloadMs = 1234
  private hold: Promise<void> | undefined
  private chain: Promise<unknown> = Promise.resolve()
  private active = 0
  private queued = 0
  maxConcurrentReloads = 0

  /** Makes reloads wait until the returned function is called. */
  holdReloads(): () => void {
    let release!: () => void
    this.hold = new Promise<void>((r) => (release = r))
    return () => {
      this.hold = undefined
      release()
    }
  }

  override reload(): Promise<ReloadReport> {
    this.touched.push('reload')
    this.queued++
    this.reloading = true
    const run = async (): Promise<ReloadReport> => {
      this.active++
      this.maxConcurrentReloads = Math.max(this.maxConcurrentReloads, this.active)
      try {
        await this.hold
        const report = await super.reload()
        return { ...report, ms: this.reloadMs }
      } finally {
        this.active--
        this.queued--
        this.reloading = this.queued > 0
      }
    }
    const result = this.chain.then(run, run)
    this.chain = result.catch(() => {})
    return result
  }

  override addArticle(bytes: Uint8Array): Promise<AddResult> {
    this.touched.push('addArticle')
    return super.addArticle(bytes)
  }

  override removeArticle(id: string): Promise<ArticleMeta | undefined> {
    this.touched.push('removeArticle')
    return super.removeArticle(id)
  }

  override listArticles(): ArticleMeta[] {
    this.touched.push('listArticles')
    return super.listArticles()
  }

  override stats() {
    this.touched.push('stats')
    return super.stats()
  }
}

/** `count` plain articles, to fill pages. */
export function manyArticles(count: number): ArticleSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `n${String(i).padStart(4, '0')}`,
    title: `第${i + 1}篇：省科技厅部署科技创新重点任务`,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-01`,
    source: '科技日报',
    paragraphs: [`第${i + 1}篇正文：会议部署了年度科技创新重点任务，推进关键核心技术攻关。`],
  }))
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
  library?: ControllableLibrary
  lastDigest?: DigestRunSummary
  subscribedChats?: number
  now?: Date
}

export interface AdminHarness {
  bot: Bot<BotContext>
  api: ApiRecorder
  library: ControllableLibrary
  logs: LogLine[]
  download: ReturnType<typeof vi.fn<(filePath: string) => Promise<Uint8Array>>>
  /** Updates no admin handler took (documents from non-admins, in groups…). */
  passedOn: number
  /** Reply language for the next updates (the real bot's middleware resolves it per chat). */
  locale: Locale
  send(update: Parameters<Bot<BotContext>['handleUpdate']>[0]): Promise<void>
}

/** A bot with only the admin feature, a locale middleware, and a recorded API. */
export function adminHarness(opts: AdminHarnessOptions = {}): AdminHarness {
  const library = opts.library ?? new ControllableLibrary()
  const logs: LogLine[] = []
  const logger = pino({ level: 'info' }, { write: (s: string) => void logs.push(JSON.parse(s) as LogLine) })
  const deps: BotDeps = {
    config: parseConfig({ ADMIN_IDS: `${admin.id},999`, DIGEST_TZ: 'Asia/Shanghai' }),
    library,
    logger,
    digest: {
      subscribedChats: async () => opts.subscribedChats ?? 0,
      lastRun: async () => opts.lastDigest,
    },
    settings: new MemoryStore<ChatSettings>(),
    now: () => opts.now ?? new Date(Date.UTC(2024, 5, 1, 12, 0, 0)),
  }
  const download = vi.fn(opts.download ?? (async (_filePath: string) => new Uint8Array()))
  const bot = new Bot<BotContext>(TEST_TOKEN, { botInfo })
  const api = recordApi(bot)
  const h: AdminHarness = {
    bot,
    api,
    library,
    logs,
    download,
    passedOn: 0,
    locale: 'zh-Hans',
    send: (update) => bot.handleUpdate(update),
  }
  bot.use((ctx, next) => {
    ctx.locale = h.locale
    return next()
  })
  bot.use(createAdminFeature(deps, { ...opts, download }))
  bot.use(() => {
    h.passedOn++
  })
  return h
}

/** UTF-8 bytes of a text. */
export const utf8 = (s: string) => new TextEncoder().encode(s)
