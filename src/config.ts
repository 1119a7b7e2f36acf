import { mkdirSync, statSync } from 'node:fs'
import cron from 'node-cron'
import { z } from 'zod'

/** Start-up configuration, parsed once from the environment. */
export interface Config {
  /** Telegram bot token; without it `npm start` runs the local console. */
  botToken?: string | undefined
  /** Bot API root (a local Bot API server, or a fake one in tests). */
  telegramApiRoot?: string | undefined
  /** Telegram user ids allowed to run admin commands. */
  adminIds: number[]
  seedsDir: string
  dataDir: string
  digestCron: string
  digestTz: string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Pick up changed files in `seedsDir` automatically. */
  seedsWatch: boolean
  /** Send a short note when a scheduled digest has nothing new. */
  digestSendEmpty: boolean
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const bool = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
)

const schema = z.object({
  BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, { message: 'expected a token like 123456:ABC-DEF… from @BotFather' })
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as http://127.0.0.1:8081' }).optional(),
  ),
  ADMIN_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((s, ctx) => {
        const ids: number[] = []
        for (const part of s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)) {
          if (!/^-?\d+$/.test(part)) {
            ctx.addIssue({ code: 'custom', message: `"${part}" is not a numeric Telegram user id` })
            return z.NEVER
          }
          ids.push(Number(part))
        }
        return ids
      }),
  ),
  SEEDS_DIR: z.preprocess(emptyToUndefined, z.string().default('./seeds')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  DIGEST_CRON: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('0 8 * * *')
      .refine((s) => cron.validate(s.trim()), {
        message: 'expected a cron expression that can fire, such as "0 8 * * *" (minute hour day month weekday)',
      }),
  ),
  DIGEST_TZ: z.preprocess(
    emptyToUndefined,
    z.string().default('Asia/Shanghai').refine(isTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai' }),
  ),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SEEDS_WATCH: bool,
  DIGEST_SEND_EMPTY: bool,
})

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Thrown when the environment holds a bad value; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Parses and validates the configuration.
 * @example parseConfig({ SEEDS_DIR: './seeds', ADMIN_IDS: '1,2' })
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new ConfigError(`config: invalid environment\n  ${lines.join('\n  ')}`)
  }
  const e = result.data
  return {
    botToken: e.BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    adminIds: e.ADMIN_IDS,
    seedsDir: e.SEEDS_DIR,
    dataDir: e.DATA_DIR,
    digestCron: e.DIGEST_CRON.trim(),
    digestTz: e.DIGEST_TZ,
    logLevel: e.LOG_LEVEL,
    seedsWatch: e.SEEDS_WATCH,
    digestSendEmpty: e.DIGEST_SEND_EMPTY,
  }
}

/**
 * Checks the folders the configuration names, at start-up: `SEEDS_DIR` must be
 * a folder that exists; `DATA_DIR` is created when missing and must be a
 * folder. A problem throws a `ConfigError` naming the variable.
 * @example checkFolders(config) // throws "config: SEEDS_DIR: ./seeds does not exist"
 */
export function checkFolders(config: Pick<Config, 'seedsDir' | 'dataDir'>): void {
  const problems: string[] = []
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? 'folder' : 'file'
    } catch {
      return 'missing'
    }
  }
  const seeds = kind(config.seedsDir)
  if (seeds === 'missing') problems.push(`SEEDS_DIR: ${config.seedsDir} does not exist (the folder of articles to index)`)
  if (seeds === 'file') problems.push(`SEEDS_DIR: ${config.seedsDir} is a file, not a folder`)
  const data = kind(config.dataDir)
  if (data === 'file') problems.push(`DATA_DIR: ${config.dataDir} is a file, not a folder`)
  if (data === 'missing') {
    try {
      mkdirSync(config.dataDir, { recursive: true })
    } catch (err) {
      problems.push(`DATA_DIR: ${config.dataDir} cannot be created (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
    }
  }
  if (problems.length > 0) throw new ConfigError(`config: invalid environment\n  ${problems.join('\n  ')}`)
}
