/**
 * A bot replica in webhook mode for the end-to-end replicas test and the
 * replicas bench: the real `src/main.ts` (through `startBotProcess`) on its own
 * port, data folder and copy of the seeds, sharing one PostgreSQL database and
 * one fake Bot API with its sibling replicas.
 *
 * @example
 *   const a = await startReplica({ name: 'A', api, databaseUrl: db.url, secret, env: { ADMIN_IDS: '1' } })
 *   await api.postUpdate(a.url, update)
 *   a.process.kill('SIGKILL')
 *   await a.cleanUp()
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FakeBotApi } from '../fake-bot-api/server.js'
import { startBotProcess, type BotProcess } from './bot-process.js'

const ROOT = join(import.meta.dirname, '..', '..')

/** A port nothing on 127.0.0.1 listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Polls `check` every `everyMs` until it holds; rejects naming `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 200): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export interface ReplicaOptions {
  /** Shown in errors and used in temporary folder names ('A', 'B'). */
  name: string
  api: FakeBotApi
  databaseUrl: string
  /** WEBHOOK_SECRET, the same for every replica of one bot. */
  secret: string
  /** More environment variables (ADMIN_IDS, DIGEST_CRON, …). */
  env?: Record<string, string>
  /** How long the replica may take to report ready on `/healthz` (default 60 s). */
  readyTimeoutMs?: number
}

export interface Replica {
  name: string
  /** The webhook URL the replica registered with the fake Bot API. */
  url: string
  port: number
  process: BotProcess
  /** Stops the process if it still runs (SIGTERM, then SIGKILL after `graceMs`) and removes its folders. */
  cleanUp(graceMs?: number): Promise<void>
}

/** Starts a replica and resolves once its `/healthz` says ready (its index is loaded). */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const { name, api, databaseUrl, secret } = options
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `keji-${name}-data-`))
  const seedsDir = mkdtempSync(join(tmpdir(), `keji-${name}-seeds-`))
  cpSync(join(ROOT, 'seeds'), seedsDir, { recursive: true })
  const url = `http://127.0.0.1:${port}/telegram`
  const bot = startBotProcess({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    DATABASE_URL: databaseUrl,
    WEBHOOK_URL: url,
    WEBHOOK_SECRET: secret,
    PORT: String(port),
    DATA_DIR: dataDir,
    SEEDS_DIR: seedsDir,
    ...options.env,
  })
  const running = () => bot.child.exitCode === null && bot.child.signalCode === null
  const replica: Replica = {
    name,
    url,
    port,
    process: bot,
    async cleanUp(graceMs = 8000) {
      if (running()) {
        bot.kill('SIGTERM')
        await Promise.race([bot.exited, new Promise((r) => setTimeout(r, graceMs))])
      }
      if (running()) bot.kill('SIGKILL')
      await bot.exited
      for (const dir of [dataDir, seedsDir]) rmSync(dir, { recursive: true, force: true })
    },
  }
  try {
    await until(
      async () => {
        if (!running()) throw new Error(`replica ${name} exited before it was ready`)
        return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200
      },
      options.readyTimeoutMs ?? 60_000,
      `replica ${name} to be ready`,
    )
  } catch (err) {
    await replica.cleanUp(0)
    throw new Error(`${(err as Error).message}; stderr:\n${bot.stderr().slice(-3000)}`)
  }
  return replica
}

/** The log line a replica writes as it starts delivering a part of the digest (src/digest/jobs.ts). */
const DELIVERING_PART = 'digest: delivering a part'

/** When the replica last logged that it was delivering a digest part (0 if never). */
export function lastDigestPartAt(replica: Replica): number {
  return Math.max(
    0,
    ...replica.process
      .logs()
      .filter((l) => l.msg === DELIVERING_PART)
      .map((l) => Number(l.time)),
  )
}

/** How many digest parts the replica has delivered. */
export function digestPartsDelivered(replica: Replica): number {
  return replica.process.logs().filter((l) => l.msg === DELIVERING_PART).length
}
