import cron from 'node-cron'
import type { Logger } from '../logger.js'

/** The calendar day `YYYY-MM-DD` of an instant in a time zone. */
export function localDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
}

/** The time of day `HH:MM` (24-hour) of an instant in a time zone. */
export function localTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('hour')}:${get('minute')}`
}

/**
 * Whether a chat with its own time (`HH:MM`) is due now: at that minute, or
 * later the same day when its digest has not gone out (the bot was down at
 * the time) — but not on the day it subscribed after that time, so a new
 * subscriber is not sent a digest the minute they subscribe.
 */
export function isTimedDue(sub: { time?: string; subscribedAt: number }, now: number, timeZone: string, deliveredToday: boolean): boolean {
  if (sub.time === undefined || deliveredToday) return false
  const hhmm = localTime(now, timeZone)
  if (sub.time === hhmm) return true
  if (sub.time > hhmm) return false
  const today = localDay(now, timeZone)
  return localDay(sub.subscribedAt, timeZone) < today || localTime(sub.subscribedAt, timeZone) < sub.time
}

/**
 * The time of day a daily cron expression fires, `HH:MM`, when it is one
 * (`30 7 * * *`, or with seconds `0 30 7 * * *`); undefined for anything else
 * (several times a day, certain weekdays), which is then shown as it is.
 * @example dailyTime('0 8 * * *') === '08:00'
 */
export function dailyTime(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/)
  const [minute, hour, ...rest] = fields.length === 6 ? fields.slice(1) : fields
  if (fields.length === 6 && !/^\d{1,2}$/.test(fields[0]!)) return undefined
  if (!minute || !hour || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || rest.some((f) => f !== '*')) return undefined
  return `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`
}

export interface Schedules {
  stop(): Promise<void>
}

/**
 * Two node-cron jobs in the digest's time zone: `cron` (DIGEST_CRON) for chats
 * on the default schedule, and a check every minute for chats that chose
 * their own time — one job per minute rather than one per chat, so changing a
 * chat's time needs no rescheduling. A failing run is logged, never thrown.
 */
export function startSchedules(opts: {
  cron: string
  timeZone: string
  logger: Logger
  onCron: () => Promise<unknown>
  onMinute: () => Promise<unknown>
}): Schedules {
  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn()
    } catch (err) {
      opts.logger.error({ err: String(err) }, `digest: ${name} run failed`)
    }
  }
  const tasks = [
    cron.schedule(opts.cron, guard('scheduled', opts.onCron), { timezone: opts.timeZone, name: 'digest', noOverlap: true }),
    cron.schedule('* * * * *', guard('per-chat time', opts.onMinute), { timezone: opts.timeZone, name: 'digest-timed', noOverlap: true }),
  ]
  opts.logger.info({ cron: opts.cron, timeZone: opts.timeZone }, 'digest: scheduled')
  return {
    stop: async () => {
      for (const t of tasks) await t.stop()
    },
  }
}
