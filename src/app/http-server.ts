import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { webhookCallback, type Bot } from 'grammy'
import type { BotContext } from '../bot/context.js'
import type { Logger } from '../logger.js'
import type { Metrics } from './metrics.js'

/**
 * How long a webhook request waits for its update to be handled before it is
 * answered anyway (the handling goes on in the background). Telegram waits
 * longer, but a quick answer keeps it from delivering the update again and
 * keeps its queue for the bot moving.
 */
export const WEBHOOK_ANSWER_MS = 2000

export interface HttpServerOptions {
  /** The bot updates are posted to; until it is set (start-up), webhook requests get 503 and are delivered again. */
  bot(): Bot<BotContext> | undefined
  /** The path of WEBHOOK_URL, e.g. `/telegram`. */
  webhookPath: string
  /** Compared with `X-Telegram-Bot-Api-Secret-Token`; a request without it gets 401. */
  secret: string
  /** Whether the index is loaded and the bot can answer. */
  ready(): boolean
  metrics: Metrics
  logger: Pick<Logger, 'warn' | 'error'>
  /** See `WEBHOOK_ANSWER_MS`. */
  answerWithinMs?: number
}

/**
 * The HTTP side of a replica, not yet listening (`src/main.ts` starts it):
 * - `POST <webhookPath>`: Telegram's updates, through grammY's `webhookCallback`
 *   (secret token checked); answered as soon as the update is handled, or
 *   after `answerWithinMs` while slow work (a reload) goes on in the background;
 * - `GET /healthz`: 200 `ready` once the index is loaded, 503 `starting` before;
 * - `GET /metrics`: Prometheus text format.
 * @example const server = createHttpServer({ bot: () => bot, webhookPath: '/telegram', secret, ready, metrics, logger }); server.listen(8080)
 */
export function createHttpServer(options: HttpServerOptions): Server {
  let callback: ((req: IncomingMessage, res: ServerResponse) => Promise<unknown>) | undefined
  const webhook = (bot: Bot<BotContext>) =>
    (callback ??= webhookCallback(bot, 'http', {
      secretToken: options.secret,
      onTimeout: 'return',
      timeoutMilliseconds: options.answerWithinMs ?? WEBHOOK_ANSWER_MS,
    }))

  const text = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    if (res.headersSent) return void res.end()
    res.writeHead(status, { 'content-type': type })
    res.end(body)
  }

  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (req.method === 'GET' && path === '/healthz')
      return text(res, options.ready() ? 200 : 503, options.ready() ? 'ready\n' : 'starting\n')
    if (req.method === 'GET' && path === '/metrics') {
      options.metrics.registry
        .metrics()
        .then((body) => text(res, 200, body, options.metrics.registry.contentType))
        .catch((err: unknown) => text(res, 500, String(err)))
      return
    }
    if (req.method === 'POST' && path === options.webhookPath) {
      const bot = options.bot()
      if (!bot || !options.ready()) {
        req.resume()
        return text(res, 503, 'starting\n')
      }
      webhook(bot)(req, res).catch((err: unknown) => {
        // Not recorded in the inbox (PostgreSQL unreachable, a bad body): 500, and Telegram delivers it again.
        options.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'bot: a webhook update could not be taken in')
        text(res, 500, 'error\n')
      })
      return
    }
    req.resume()
    text(res, 404, 'not found\n')
  })
}
