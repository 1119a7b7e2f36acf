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
