import type { MiddlewareFn } from 'grammy'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import type { BotContext } from '../bot/context.js'
import type { RunSummary } from '../digest/delivery.js'
import type { Library } from '../library/types.js'

/**
 * What `GET /metrics` reports, in Prometheus' text format (prom-client): updates
 * by kind, searches and their latency, digest chats sent and failed, and the
 * process' own figures (memory, CPU, event-loop lag). One per process: each
 * replica is scraped on its own and Prometheus sums them.
 * @example const metrics = createMetrics(); res.end(await metrics.registry.metrics())
 */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const updates = new Counter({
    name: 'bot_updates_total',
    help: 'Telegram updates handled, by kind (message, callback_query, inline_query, …)',
    labelNames: ['kind'] as const,
    registers: [registry],
  })
  const searches = new Histogram({
    name: 'bot_search_seconds',
    help: 'Time to answer one search (commands, questions, inline queries, page turns)',
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  })
  const searchFailures = new Counter({ name: 'bot_search_failures_total', help: 'Searches that threw', registers: [registry] })
  const digestSent = new Counter({ name: 'digest_sends_total', help: 'Chats that received their digest', registers: [registry] })
  const digestFailed = new Counter({
    name: 'digest_send_failures_total',
    help: 'Chats whose digest could not be sent (retried at the next run)',
    registers: [registry],
  })
  const digestAmbiguous = new Counter({
    name: 'digest_sends_ambiguous_total',
    help: 'Chats whose digest may or may not have arrived (no answer from Telegram); never sent again',
    registers: [registry],
  })

  return {
    registry,
    /** Counts every update by kind; installed before the bot's features. */
    countUpdates(): MiddlewareFn<BotContext> {
      return (ctx, next) => {
        const kind = Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown'
        updates.inc({ kind })
        return next()
      }
    },
    /** The library with every search timed. */
    timeSearches<L extends Pick<Library, 'search'>>(library: L): L {
      const search: Library['search'] = async (query, options) => {
        const stop = searches.startTimer()
        try {
          return await library.search(query, options)
        } catch (err) {
          searchFailures.inc()
          throw err
        } finally {
          stop()
        }
      }
      return new Proxy(library, {
        get: (target, prop, receiver) => (prop === 'search' ? search : Reflect.get(target, prop, receiver)) as unknown,
      })
    },
    /** Adds one digest run's outcome. */
    countDigestRun(summary: Pick<RunSummary, 'sent' | 'failed' | 'ambiguous'>): void {
      digestSent.inc(summary.sent)
      digestFailed.inc(summary.failed)
      digestAmbiguous.inc(summary.ambiguous)
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
