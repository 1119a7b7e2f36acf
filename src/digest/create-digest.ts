import { join } from 'node:path'
import { InlineKeyboard, type Api } from 'grammy'
import type { Config } from '../config.js'
import type { SearchService } from '../search/types.js'
import type { Locale } from '../telegram/locale.js'
import type { Logger } from '../logger.js'
import { JsonFileStore } from '../store/file-store.js'
import { HTML } from '../telegram/html.js'
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
import { deliver, resolveStaleSends, type ComposedDigest, type RunSummary, type SendMessage } from './delivery.js'
import { renderEmptyDigest, renderFullDigest, renderGroupDigest } from './render.js'
import { dailyTime, isTimedDue, localDay, startSchedules, type Schedules } from './scheduler.js'
import { fullListData, type DigestControl, type DigestForm, type DigestRunSummary } from './service.js'
import { mergeShown, selectNovel, shownArticleIds, shownBy } from './novelty.js'
import { isSubscription, Subscriptions, type Subscription } from './subscriptions.js'
import { systemClock, type Clock } from '../clock.js'

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
  stateStore?: Store<DigestState>
  digest?: DigestOptions
  concurrency?: number
  /**
   * What fires the runs: by default node-cron in this process (one replica),
   * with the scheduled run's progress kept in `stateStore` and resumed at the
   * next start. With replicas, pg-boss jobs shared through PostgreSQL (`PgBossScheduler`).
   */
  scheduler?: DigestScheduler
  /** Called with each run's summary (metrics). */
  onRun?: (summary: RunSummary) => void
}

/** A part of a run a scheduler hands to `DigestWork.deliver`. */
export interface DigestPlan {
  day: string
  chatIds: number[]
}

/** What the digest gives a scheduler to run. */
export interface DigestWork {
  /** The `DIGEST_CRON` run: today (in `DIGEST_TZ`) and the active chats without their own time, by chat id. */
  planScheduled(): Promise<DigestPlan>
  /** The chats with their own time whose digest is due now. */
  planTimed(): Promise<DigestPlan>
  /**
   * Delivers `day`'s digest to those chats (those still subscribed), exactly once
   * per chat and day; `runAt` names the run the part belongs to (the admins'
   * "last run" adds up its parts). Stops taking chats when the digest is stopped.
   */
  deliver(plan: DigestPlan, runAt: number): Promise<RunSummary>
  /** Whether the digest is stopping (a part cut short by a stop must be run again, elsewhere). */
  readonly stopping: boolean
}

/** Fires the digest's runs from outside this process (see `CreateDigestOptions.scheduler`). */
export interface DigestScheduler {
  start(work: DigestWork): Promise<void>
  stop(): Promise<void>
}

/** How far the scheduled (`DIGEST_CRON`) run of a day got. */
export interface ScheduledRun {
  day: string
  startedAt: number
  /** Set once every chat of the run was handled; missing after a crash or a stop. */
  finishedAt?: number
}

/** What `digest-state.json` holds: `lastRun` (a `RunSummary`) and `scheduled` (a `ScheduledRun`). */
export type DigestState = RunSummary | ScheduledRun

export interface DigestModule {
  service: DigestControl
  /** Supplies the bot's API when it is created after the digest (see `src/main.ts`). */
  attachApi(api: Api): void
  /** Starts the schedules: `DIGEST_CRON` for most chats, a minute check for chats with their own time. */
  start(): Promise<void>
  /** Stops the schedules and waits for a running delivery and pending writes. */
  stop(): Promise<void>
  /** Runs a scheduled delivery now, for today (in `DIGEST_TZ`): chats without their own time, or all with `all`. */
  runOnce(opts?: { all?: boolean; day?: string }): Promise<RunSummary>
}

function addSummaries(a: RunSummary, b: RunSummary): RunSummary {
  return {
    at: a.at,
    day: a.day,
    sent: a.sent + b.sent,
    failed: a.failed + b.failed,
    skipped: a.skipped + b.skipped,
    deactivated: a.deactivated + b.deactivated,
    migrated: a.migrated + b.migrated,
    ambiguous: a.ambiguous + b.ambiguous,
  }
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
    opts.subscriptionStore ??
      // Nothing else can rebuild subscriptions: a corrupt file stops start-up; a bad entry is skipped.
      new JsonFileStore<Subscription>(join(config.dataDir, 'subscriptions.json'), { isEntry: isSubscription, logger }),
    () => clock.now(),
  )
  const fileLog = opts.deliveryLog
    ? undefined
    : await FileDeliveryLog.open(join(config.dataDir, 'digest-deliveries.jsonl'), { today: localDay(clock.now(), tz), logger })
  const log = opts.deliveryLog ?? fileLog!
  // The last run's summary and the scheduled run's progress: lost without harm, so a damaged file starts empty.
  const state =
    opts.stateStore ?? new JsonFileStore<DigestState>(join(config.dataDir, 'digest-state.json'), { onCorrupt: 'start-empty', logger })
  /** Stops the running delivery from taking more chats (SIGTERM); what it skips, the next start resumes. */
  const stopping = new AbortController()
  const analyze = createAnalysisCache()
  let api = opts.api

  const send: SendMessage = (chatId, message, threadId) => {
    if (!api) throw new Error('digest: no Telegram API attached (call attachApi(bot.api) before start)')
    return api.sendMessage(chatId, message.text, {
      ...HTML,
      ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
      ...(threadId !== undefined ? { message_thread_id: threadId } : {}),
    })
  }

  const localeFor = async (sub: Subscription | undefined, chatId: number): Promise<Locale> =>
    (await opts.localeOf?.(chatId)) ?? sub?.locale ?? 'zh-Hans'

  // Built digests, shared by runs and /digest: keyed by cursor, what the chat was shown and the corpus
  // state, so repeated /digest commands cost a lookup, not a story detection. Small and short-lived.
  const builtCache = new Map<string, { built: { digest: Digest; cursor: number } | null; at: number }>()
  // What the window is measured against: document frequencies over (a sample of) the corpus, kept while the corpus is unchanged.
  let background: { key: string; frequencies: DocumentFrequencies } | undefined

  /**
   * Composes chats' digests for one run (or one /digest): the articles added
   * after the chat's cursor, with the articles of its recent digests as context
   * so that a story it was shown is recognised, then `selectNovel` (a story
   * shown before comes back only with new articles, and says so); a group gets
   * the one-message form with a button for the full list, a private chat the full form.
   */
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
    const byId = new Map(metas.map((m) => [m.id, m]))
    const build = (since: number | undefined, context: readonly string[]) => {
      const key = `${since}|${context.join(',')}|${corpusKey}`
      const hit = builtCache.get(key)
      // Ten minutes also bounds staleness when an article changes in place.
      if (hit && clock.now() - hit.at < 10 * 60_000) return hit.built
      const selected = selectArticles(metas, since)
      let built: { digest: Digest; cursor: number } | null = null
      if (selected.length > 0) {
        const fresh = new Set(selected.map((m) => m.id))
        const earlier = context.filter((id) => !fresh.has(id)).flatMap((id) => byId.get(id) ?? [])
        const windowMetas = [...selected.slice(0, opts.digest?.themeWindow ?? DIGEST_DEFAULTS.themeWindow), ...earlier]
        const articles = windowMetas.map((m) => library.getArticle(m.id)).filter((a) => a !== undefined)
        const cursor = selected.reduce((max, m) => Math.max(max, m.addedAt), -Infinity)
        const digest = buildDigest(articles, { background: backgroundOf(), ...opts.digest }, selected.length, analyze)
        // The context articles are there to recognise stories; the digest counts only what is new.
        built = { digest: { ...digest, total: selected.length }, cursor }
      }
      builtCache.delete(key)
      if (builtCache.size >= 16) builtCache.delete(builtCache.keys().next().value!)
      builtCache.set(key, { built, at: clock.now() })
      return built
    }
    return async (sub: Subscription, day: string, scheduled: boolean, form: DigestForm = 'auto'): Promise<ComposedDigest | undefined> => {
      const locale = await localeFor(sub, sub.chatId)
      // What the chat was shown before this day: the context, and what selectNovel compares with.
      const before = (sub.shown ?? []).filter((r) => r.day < day)
      const d = build(sub.coveredUntil, shownArticleIds(before))
      const digest = d && before.length > 0 ? selectNovel(d.digest, mergeShown(before)) : d?.digest
      if (!d || !digest || (digest.stories.length === 0 && digest.articles.length === 0)) {
        if (!scheduled || !config.digestSendEmpty) return undefined
        return { parts: [{ text: renderEmptyDigest({ locale, date: day }) }], ...(d ? { cursor: d.cursor } : {}) }
      }
      const group = form === 'group' || (form === 'auto' && sub.chatId < 0)
      const shown = { day, ...shownBy(digest) }
      if (group) {
        const g = renderGroupDigest(digest, { locale, date: day })
        const button = new InlineKeyboard().text(g.fullListLabel, fullListData(day))
        return { parts: [{ text: g.text, replyMarkup: button }], cursor: d.cursor, shown }
      }
      return { parts: renderFullDigest(digest, { locale, date: day }).map((text) => ({ text })), cursor: d.cursor, shown }
    }
  }

  // Runs never overlap: a second one waits, then finds the first one's records.
  let running: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = running.then(fn, fn)
    running = next.catch(() => undefined)
    return next
  }

  /** What a delivery needs, but what to compose. */
  const deliveryDeps = () => ({
    subscriptions,
    log,
    send,
    clock,
    logger,
    signal: stopping.signal,
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
  })

  const run = (pick: (s: Subscription) => boolean, dayOverride?: string, scheduled = false) =>
    exclusive(async () => {
      const now = clock.now()
      const day = dayOverride ?? localDay(now, tz)
      const deps = deliveryDeps()
      await resolveStaleSends(deps)
      // The scheduled run is recorded as started, so a crash in the middle is resumed at the next start.
      if (scheduled) await state.write('scheduled', { day, startedAt: now })
      const subs = (await subscriptions.active()).filter(pick)
      const compose = composer()
      const summary = await deliver({ ...deps, compose: (sub, d) => compose(sub, d, true) }, subs, day)
      opts.onRun?.(summary)
      if (scheduled && !stopping.signal.aborted) await state.write('scheduled', { day, startedAt: now, finishedAt: clock.now() })
      await state.write('lastRun', summary)
      await log.compact?.(day)
      return summary
    })

  /** Resumes today's scheduled run if it started and did not finish (a crash or a stop in the middle). */
  const resumeUnfinished = async () => {
    const today = localDay(clock.now(), tz)
    const last = (await state.read('scheduled')) as ScheduledRun | undefined
    if (!last || last.day !== today || last.finishedAt !== undefined) return
    logger.warn({ day: today, startedAt: last.startedAt }, 'digest: the scheduled run did not finish; resuming it')
    await run((s) => s.time === undefined, today, true)
  }

  /** One part of a run handed over by a scheduler: the chats of `plan`, within the run begun at `runAt`. */
  const deliverPart = (plan: DigestPlan, runAt: number) =>
    exclusive(async () => {
      const deps = deliveryDeps()
      await resolveStaleSends(deps)
      const wanted = new Set(plan.chatIds)
      const subs = (await subscriptions.active()).filter((s) => wanted.has(s.chatId))
      const compose = composer()
      const part = await deliver({ ...deps, compose: (sub, d) => compose(sub, d, true) }, subs, plan.day)
      opts.onRun?.(part)
      // The admins' "last run" is the whole run: the parts of one run add up.
      const last = (await state.read('lastRun')) as RunSummary | undefined
      const total = last && last.at === runAt && last.day === plan.day ? addSummaries(last, part) : { ...part, at: runAt }
      await state.write('lastRun', total)
      await log.compact?.(plan.day)
      return part
    })

  const work: DigestWork = {
    planScheduled: async () => ({
      day: localDay(clock.now(), tz),
      chatIds: (await subscriptions.active()).filter((s) => s.time === undefined).map((s) => s.chatId),
    }),
    planTimed: async () => {
      const now = clock.now()
      const day = localDay(now, tz)
      const chatIds: number[] = []
      for (const s of await subscriptions.active()) {
        if (s.time === undefined) continue
        if (isTimedDue(s, now, tz, (await log.get(s.chatId, day)) !== undefined)) chatIds.push(s.chatId)
      }
      return { day, chatIds }
    },
    deliver: deliverPart,
    get stopping() {
      return stopping.signal.aborted
    },
  }

  let schedules: Schedules | undefined

  const service: DigestControl = {
    timeZone: tz,
    defaultTime: dailyTime(config.digestCron) ?? config.digestCron,
    subscribedChats: async () => (await subscriptions.active()).length,
    lastRun: async (): Promise<DigestRunSummary | undefined> => (await state.read('lastRun')) as RunSummary | undefined,
    subscription: (chatId) => subscriptions.get(chatId),
    subscribe: (chatId, o) => subscriptions.subscribe(chatId, o),
    unsubscribe: (chatId) => subscriptions.deactivate(chatId, 'unsubscribed'),
    preview: async (chatId, locale, form = 'auto') => {
      const sub = await subscriptions.get(chatId)
      const today = localDay(clock.now(), tz)
      // After today's digest went out, /digest shows it again (what it covered, and anything added since).
      const sentToday = sub?.active ? await log.get(chatId, today) : undefined
      const since = sentToday?.state === 'sent' ? sentToday.since : sub?.active ? sub.coveredUntil : undefined
      const probe: Subscription = {
        chatId,
        active: true,
        subscribedAt: clock.now(),
        locale,
        ...(since !== undefined ? { coveredUntil: since } : {}),
        ...(sub?.active && sub.shown ? { shown: sub.shown } : {}),
      }
      const composed = await composer()(probe, today, false, form)
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
    start: async () => {
      if (schedules) return
      if (opts.scheduler) {
        // The scheduler keeps runs in PostgreSQL: a part cut short is taken up again by it, not by a resume here.
        await opts.scheduler.start(work)
        schedules = opts.scheduler
        return
      }
      schedules = startSchedules({
        cron: config.digestCron,
        timeZone: tz,
        logger,
        onCron: () => run((s) => s.time === undefined, undefined, true),
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
      resumeUnfinished().catch((err: unknown) => logger.error({ err: String(err) }, 'digest: resuming the scheduled run failed'))
    },
    stop: async () => {
      // A part delivered for a shared scheduler stops taking chats first, so its job is handed back at once.
      if (opts.scheduler) stopping.abort()
      await schedules?.stop()
      schedules = undefined
      stopping.abort()
      await running
      await fileLog?.close()
    },
    runOnce: (o = {}) => run((s) => o.all === true || s.time === undefined, o.day, o.all !== true),
  }
}
