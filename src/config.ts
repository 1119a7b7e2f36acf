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
  /** PostgreSQL for every store, shared by replicas; without it, files in `dataDir`. */
  databaseUrl?: string | undefined
  /** The public HTTPS URL Telegram posts updates to; without it, long polling. */
  webhookUrl?: string | undefined
  /** Checked against Telegram's `X-Telegram-Bot-Api-Secret-Token` header on every webhook request. */
  webhookSecret?: string | undefined
  /** The HTTP port of the webhook, `/healthz` and `/metrics`. */
  port: number
  /** How long a replica that died mid-delivery holds its share of a digest run before another takes it over. */
  digestTakeoverSeconds: number
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
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/database' })
      .optional(),
  ),
  WEBHOOK_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({
        protocol: /^https?$/,
        message: 'expected the public https URL Telegram posts updates to, such as https://bot.example.org/telegram',
      })
      .optional(),
  ),
  WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, {
        message: "expected 16 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret tokens)",
      })
      .optional(),
  ),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(8080)),
  DIGEST_TAKEOVER_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ message: 'expected a number of seconds' }).int().min(2).max(3600).default(60),
  ),
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
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    throw new ConfigError(
      'config: invalid environment\n  WEBHOOK_SECRET: required with WEBHOOK_URL, so that only Telegram can post updates (16+ characters of A-Z, a-z, 0-9, _ and -)',
    )
  }
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
    databaseUrl: e.DATABASE_URL,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    port: e.PORT,
    digestTakeoverSeconds: e.DIGEST_TAKEOVER_SECONDS,
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
