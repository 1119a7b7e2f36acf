import { Composer } from 'grammy'
import { HTML } from '../../../telegram/html.js'
import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'
import { audit } from './audit.js'
import { renderStats } from './render.js'

/** What tests can replace. */
export interface StatsOptions {
  /** When the bot started (ms since epoch) for the uptime; default `process.uptime()`. */
  startedAt?: number
}

/** /stats: index size, memory, uptime, subscriptions and the last digest run. */
export function createStatsFeature(deps: BotDeps, options: StatsOptions = {}): Composer<BotContext> {
  const composer = new Composer<BotContext>()

  composer.command('stats', async (ctx) => {
    audit(deps, ctx, 'stats')
    const [subscribedChats, lastDigest] = await Promise.all([deps.digest.subscribedChats(), deps.digest.lastRun()])
    const uptimeMs = options.startedAt !== undefined ? deps.now().getTime() - options.startedAt : Math.round(process.uptime() * 1000)
    const text = renderStats(ctx.locale, {
      library: deps.library.stats(),
      uptimeMs,
      subscribedChats,
      lastDigest,
      timeZone: deps.config.digestTz,
    })
    await ctx.reply(text, HTML)
  })

  return composer
}
