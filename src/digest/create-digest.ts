import { join } from 'node:path'
import type { Api } from 'grammy'
import type { Config } from '../config.js'
import type { ArticleMeta, SearchService } from '../search/types.js'
import type { Locale } from '../telegram/locale.js'
import type { Logger } from '../logger.js'
import { JsonFileStore } from '../store/file-store.js'
import type { Store } from '../store/store.js'
import {
  buildDigest,
  corpusBackground,
  createAnalysisCache,
  DIGEST_DEFAULTS,
  selectArticles,
  type Digest,
  type DigestOptions,
} from './build.js'
import type { DocumentFrequencies } from './frequencies.js'
import { FileDeliveryLog, type DeliveryLog } from './delivery-log.js'
import { deliver, type ComposedDigest, type RunSummary, type SendMessage } from './delivery.js'
import { renderEmptyDigest, renderFullDigest } from './render.js'
import { isTimedDue, localDay, startSchedules, type Schedules } from './scheduler.js'
import type { DigestControl, DigestRunSummary } from './service.js'
import { Subscriptions, type Subscription } from './subscriptions.js'
import { systemClock, Throttle, type Clock } from './throttle.js'

export type { RunSummary } from './delivery.js'

export interface CreateDigestOptions {
  config: Pick<Config, 'dataDir' | 'digestCron' | 'digestTz' | 'digestSendEmpty'>
  library: Pick<SearchService, 'listArticles' | 'getArticle'>
  logger: Logger
  /** The bot's API (`bot.api`), so sends pass its transformers; or attach it later with `attachApi`. */
  api?: Api
  /** The chat's script preference (the bot's /lang setting); falls back to the subscription's, then Simplified. */
  localeOf?: (chatId: number) => Promise<Locale | undefined>
  /** Wall clock for days and times of day (default `Date.now`). */
  clock?: Clock
  /** Stores; file-backed in `dataDir` by default. */
  subscriptionStore?: Store<Subscription>
  deliveryLog?: DeliveryLog
  stateStore?: Store<RunSummary>
  /** Instead of `api.sendMessage` (benchmark). */
  send?: SendMessage
  digest?: DigestOptions
  concurrency?: number
}

export interface DigestModule {
  service: DigestControl
  /** Supplies the bot's API when it is created after the digest (see `src/main.ts`). */
  attachApi(api: Api): void
  /** Starts the schedules: `DIGEST_CRON` for most chats, a minute check for chats with their own time. */
  start(): void
  /** Stops the schedules and waits for a running delivery and pending writes. */
  stop(): Promise<void>
  /** Runs a scheduled delivery now, for today (in `DIGEST_TZ`): chats without their own time, or all with `all`. */
  runOnce(opts?: { all?: boolean; day?: string }): Promise<RunSummary>
}

/**
 * Creates the digest side: subscriptions, composition, delivery and schedules.
 * Opening the stores reads them now, so a corrupt file stops start-up with a
 * `CorruptStoreError` naming it (and the file is left as it is).
 */
export async function createDigest(opts: CreateDigestOptions): Promise<DigestModule> {
  const { config, library, logger } = opts
  const clock = opts.clock ?? systemClock
  const tz = config.digestTz
  const subscriptions = new Subscriptions(
    opts.subscriptionStore ?? new JsonFileStore<Subscription>(join(config.dataDir, 'subscriptions.json')),
    () => clock.now(),
  )
  const fileLog = opts.deliveryLog
    ? undefined
    : await FileDeliveryLog.open(join(config.dataDir, 'digest-deliveries.jsonl'), { today: localDay(clock.now(), tz) })
  const log = opts.deliveryLog ?? fileLog!
  const state = opts.stateStore ?? new JsonFileStore<RunSummary>(join(config.dataDir, 'digest-state.json'))
  const throttle = new Throttle(clock)
  const analyze = createAnalysisCache()
  let api = opts.api

  const send: SendMessage =
    opts.send ??
    ((chatId, text) => {
      if (!api) throw new Error('digest: no Telegram API attached (call attachApi(bot.api) before start)')
      return api.sendMessage(chatId, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
    })

  const localeFor = async (sub: Subscription | undefined, chatId: number): Promise<Locale> =>
    (await opts.localeOf?.(chatId)) ?? sub?.locale ?? 'zh-Hans'

  /** Builds (once per cursor) and renders (once per cursor and locale) digests for one run. */
  // Built digests, shared by runs and /digest: keyed by cursor and corpus state, so repeated
  // /digest commands cost a lookup, not a theme extraction. Small and short-lived.
  const builtCache = new Map<string, { built: { digest: Digest; cursor: number } | null; at: number }>()
  // What the window is measured against: document frequencies over (a sample of) the corpus, kept while the corpus is unchanged.
  let background: { key: string; frequencies: DocumentFrequencies } | undefined
  const composer = () => {
    const metas = library.listArticles()
    const corpusKey = `${metas.length}|${metas.reduce((max, m) => Math.max(max, m.addedAt), 0)}|${metas[0]?.id}|${metas.at(-1)?.id}`
    const backgroundOf = () => {
      if (background?.key !== corpusKey) {
        const sample = [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        const articles = sample.map((m) => library.getArticle(m.id)).filter((a) => a !== undefined)
        background = { key: corpusKey, frequencies: corpusBackground(articles) }
      }
      return background.frequencies
    }
    const rendered = new Map<string, string[]>()
    const build = (since: number | undefined) => {
      const key = `${since}|${corpusKey}`
      const hit = builtCache.get(key)
      // Ten minutes also bounds staleness when an article changes in place.
      if (hit && clock.now() - hit.at < 10 * 60_000) return hit.built
      const selected = selectArticles(metas, since)
      const built = selected.length === 0 ? null : compose(selected)
      builtCache.delete(key)
      if (builtCache.size >= 16) builtCache.delete(builtCache.keys().next().value!)
      builtCache.set(key, { built, at: clock.now() })
      return built
    }
    const compose = (selected: ArticleMeta[]) => {
      const window = selected.slice(0, opts.digest?.themeWindow ?? DIGEST_DEFAULTS.themeWindow)
      const articles = window.map((m) => library.getArticle(m.id)).filter((a) => a !== undefined)
      const cursor = selected.reduce((max, m) => Math.max(max, m.addedAt), -Infinity)
      return { digest: buildDigest(articles, { background: backgroundOf(), ...opts.digest }, selected.length, analyze), cursor }
    }
    return async (sub: Subscription, day: string, scheduled: boolean): Promise<ComposedDigest | undefined> => {
      const locale = await localeFor(sub, sub.chatId)
      const d = build(sub.coveredUntil)
      if (!d) return scheduled && config.digestSendEmpty ? { parts: [renderEmptyDigest({ locale, date: day })] } : undefined
      const key = `${sub.coveredUntil}|${locale}|${day}`
      let parts = rendered.get(key)
      if (!parts) rendered.set(key, (parts = renderFullDigest(d.digest, { locale, date: day })))
      return { parts, cursor: d.cursor }
    }
  }

  // Runs never overlap: a second one waits, then finds the first one's records.
  let running: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = running.then(fn, fn)
    running = next.catch(() => undefined)
    return next
  }

  const run = (pick: (s: Subscription) => boolean, dayOverride?: string) =>
    exclusive(async () => {
      const now = clock.now()
      const day = dayOverride ?? localDay(now, tz)
      const subs = (await subscriptions.active()).filter(pick)
      const compose = composer()
      const summary = await deliver(
        {
          subscriptions,
          log,
          send,
          compose: (sub, d) => compose(sub, d, true),
          clock,
          throttle,
          logger,
          ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        },
        subs,
        day,
      )
      await state.write('lastRun', summary)
      await log.compact?.(day)
      return summary
    })

  let schedules: Schedules | undefined

  const service: DigestControl = {
    timeZone: tz,
    subscribedChats: async () => (await subscriptions.active()).length,
    lastRun: async (): Promise<DigestRunSummary | undefined> => state.read('lastRun'),
    subscription: (chatId) => subscriptions.get(chatId),
    subscribe: (chatId, o) => subscriptions.subscribe(chatId, o),
    unsubscribe: (chatId) => subscriptions.deactivate(chatId, 'unsubscribed'),
    preview: async (chatId, locale) => {
      const sub = await subscriptions.get(chatId)
      const probe: Subscription = {
        chatId,
        active: true,
        subscribedAt: clock.now(),
        locale,
        ...(sub?.active && sub.coveredUntil !== undefined ? { coveredUntil: sub.coveredUntil } : {}),
      }
      const composed = await composer()(probe, localDay(clock.now(), tz), false)
      return composed?.parts ?? []
    },
    chatGone: async (chatId, reason) => {
      if (await subscriptions.deactivate(chatId, reason)) logger.info({ chatId, reason }, 'digest: chat gone; subscription deactivated')
    },
    chatMigrated: async (fromId, toId) => {
      if (await subscriptions.migrate(fromId, toId)) logger.info({ from: fromId, to: toId }, 'digest: subscription moved to the supergroup')
    },
  }

  return {
    service,
    attachApi: (a) => {
      api = a
    },
    start: () => {
      if (schedules) return
      schedules = startSchedules({
        cron: config.digestCron,
        timeZone: tz,
        logger,
        onCron: () => run((s) => s.time === undefined),
        onMinute: async () => {
          const now = clock.now()
          const day = localDay(now, tz)
          const due = new Set<number>()
          for (const s of await subscriptions.active()) {
            if (s.time === undefined) continue
            const record = await log.get(s.chatId, day)
            // A failed send waits for tomorrow's run rather than being retried every minute.
            if (isTimedDue(s, now, tz, record !== undefined)) due.add(s.chatId)
          }
          if (due.size > 0) await run((s) => due.has(s.chatId))
        },
      })
    },
    stop: async () => {
      await schedules?.stop()
      schedules = undefined
      await running
      await fileLog?.close()
    },
    runOnce: (o = {}) => run((s) => o.all === true || s.time === undefined, o.day),
  }
}
