import { createHash } from 'node:crypto'
import type PgBoss from 'pg-boss'
import type { Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import type { DigestPlan, DigestScheduler, DigestWork } from './create-digest.js'

/** The pg-boss queues of the digest. */
export const DIGEST_QUEUES = {
  /** Fired by `DIGEST_CRON`: plans the day's run. */
  scheduled: 'digest-scheduled',
  /** Fired every minute: plans the chats with their own time that are due. */
  timed: 'digest-timed',
  /** One part of a run (`PART_SIZE` chats); a singleton queue: one part is delivered at a time, bot-wide. */
  deliver: 'digest-deliver',
} as const

/**
 * Chats per delivery job: some 10 s of sending at Telegram's broadcast rate,
 * well inside the takeover time, and the unit another replica takes over.
 */
export const PART_SIZE = 250

/**
 * How long a part waits after its last send before it hands over: the
 * throttle's window, so the next part (maybe on another replica, with a
 * throttle of its own) never adds to a second this one already filled.
 */
export const HANDOVER_MS = 1000

/** What a delivery job carries. */
interface PartData extends DigestPlan {
  /** When the run the part belongs to was planned (its id for the admins' "last run"). */
  runAt: number
}

export interface PgBossSchedulerOptions {
  /** A started pg-boss on the shared database (`src/main.ts` starts and stops it). */
  boss: PgBoss
  cron: string
  timeZone: string
  /** How long a part may stay with a replica before it counts as dead and another takes the part over (DIGEST_TAKEOVER_SECONDS). */
  takeoverSeconds: number
  logger: Logger
  clock: Clock
  partSize?: number
}

/** A stable job id for a part, so that a plan run twice (a retried job) queues each part once. */
function partId(kind: string, plan: DigestPlan, index: number): string {
  const hex = createHash('sha256')
    .update(`${kind}|${plan.day}|${index}|${plan.chatIds.join(',')}`)
    .digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * The digest's schedules as pg-boss jobs, for any number of replicas on one
 * PostgreSQL. pg-boss fires each cron schedule once for all replicas; the job
 * it fires plans the run and queues it in parts; the parts go through a
 * singleton queue, so one part is delivered at a time across all replicas and
 * the sending replica's throttle is the bot's (at most 30 messages/s overall).
 * A replica killed mid-part holds its job until `takeoverSeconds` have passed;
 * pg-boss then hands it to another replica, whose delivery log finds what was
 * sent (skipped) and what was being sent (ambiguous, not sent again).
 * @example await createDigest({ ..., scheduler: new PgBossScheduler({ boss, cron, timeZone, takeoverSeconds: 60, logger, clock }) })
 */
export class PgBossScheduler implements DigestScheduler {
  private readonly partSize: number

  constructor(private readonly options: PgBossSchedulerOptions) {
    this.partSize = options.partSize ?? PART_SIZE
  }

  async start(work: DigestWork): Promise<void> {
    const { boss, logger } = this.options
    const planning = { policy: 'standard' as const, retryLimit: 3, retryDelay: 5, expireInSeconds: 60 }
    const delivering = {
      policy: 'singleton' as const,
      retryLimit: 10,
      retryDelay: 1,
      expireInSeconds: this.options.takeoverSeconds,
    }
    for (const [name, options] of [
      [DIGEST_QUEUES.scheduled, planning],
      [DIGEST_QUEUES.timed, planning],
      [DIGEST_QUEUES.deliver, delivering],
    ] as const) {
      await boss.createQueue(name, { name, ...options })
      // createQueue keeps an existing queue as it is: a changed DIGEST_TAKEOVER_SECONDS is applied here.
      await boss.updateQueue(name, { name, ...options })
    }
    // Every replica declares the same schedules; pg-boss keeps one of each and fires it once.
    await boss.schedule(DIGEST_QUEUES.scheduled, this.options.cron, {}, { tz: this.options.timeZone })
    await boss.schedule(DIGEST_QUEUES.timed, '* * * * *', {}, { tz: this.options.timeZone })

    await boss.work(DIGEST_QUEUES.scheduled, { pollingIntervalSeconds: 2 }, async () =>
      this.queueParts('scheduled', await work.planScheduled()),
    )
    await boss.work(DIGEST_QUEUES.timed, { pollingIntervalSeconds: 2 }, async () => this.queueParts('timed', await work.planTimed()))
    await boss.work<PartData>(DIGEST_QUEUES.deliver, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      if (!job) return
      this.options.logger.info({ job: job.id, day: job.data.day, chats: job.data.chatIds.length }, 'digest: delivering a part')
      const summary = await work.deliver(job.data, job.data.runAt)
      await this.options.clock.sleep(HANDOVER_MS)
      // Cut short by a stop: failing the job hands the rest of the part to another replica now.
      if (work.stopping) throw new Error('digest: stopped in the middle of a part; handed back')
      return summary
    })
    logger.info({ cron: this.options.cron, timeZone: this.options.timeZone }, 'digest: scheduled through pg-boss (shared by replicas)')
  }

  async stop(): Promise<void> {
    const { boss } = this.options
    for (const name of Object.values(DIGEST_QUEUES)) await boss.offWork(name)
  }

  /** Queues the plan's chats in parts, each with a stable id (queued once however often the plan runs). */
  private async queueParts(kind: 'scheduled' | 'timed', plan: DigestPlan): Promise<number> {
    const runAt = this.options.clock.now()
    const parts = Math.ceil(plan.chatIds.length / this.partSize)
    for (let i = 0; i < parts; i++) {
      const chatIds = plan.chatIds.slice(i * this.partSize, (i + 1) * this.partSize)
      const data: PartData = { day: plan.day, chatIds, runAt }
      await this.options.boss.send(DIGEST_QUEUES.deliver, data, { id: partId(kind, { day: plan.day, chatIds }, i) })
    }
    if (parts > 0) this.options.logger.info({ kind, day: plan.day, chats: plan.chatIds.length, parts }, 'digest: run planned')
    return parts
  }
}
