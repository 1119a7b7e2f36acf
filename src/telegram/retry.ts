import { autoRetry } from '@grammyjs/auto-retry'
import { HttpError, type RawApi, type Transformer } from 'grammy'
import type { Logger } from '../logger.js'
import { throttleTransformer, type Throttle } from './throttle.js'

/**
 * The one retry policy of every Telegram call (bot replies, the digest, start-up),
 * installed once on `bot.api`:
 * - 429 (flood wait): wait `retry_after` and try again, when it is at most
 *   `maxRetryAfterSeconds`; 5xx: back off and try again. Either way the request
 *   was refused, so trying again cannot send twice. At most `attempts` retries.
 * - No answer at all (a network error or a reset connection): the request may
 *   have reached Telegram. Methods that are safe to repeat (reads, edits, the
 *   command menu, webhook settings) are tried again `attempts` times; anything
 *   that sends (a message, an answer to a button) is not, and the caller decides
 *   (the digest records the chat as `ambiguous`; see the README's "Reliability").
 * Bounded on purpose: nothing waits forever, and a stopped bot stops waiting.
 */
export const RETRY_POLICY = {
  /** Retries after the first attempt. */
  attempts: 3,
  /** A longer flood wait fails the call instead (a user would not wait that long for a reply). */
  maxRetryAfterSeconds: 60,
  /** Waits between network retries of a repeatable method. */
  networkBackoffMs: [500, 2000, 5000],
} as const

/** Methods whose repetition does no harm: they read, or setting something twice sets it once. */
const REPEATABLE = /^(get[A-Z]\w*|setMyCommands|deleteMyCommands|setWebhook|deleteWebhook|editMessage\w*|setChatMenuButton|close|logOut)$/

/** Whether repeating `method` after an unanswered request could do something twice. */
export function isRepeatable(method: string): boolean {
  return REPEATABLE.test(method)
}

/**
 * The transformers of the policy, in installation order (the first is closest to
 * the network): network retries of repeatable methods, then grammY's auto-retry
 * plugin for 429 and 5xx.
 * @example for (const t of retryTransformers(logger)) bot.api.config.use(t)
 */
export function retryTransformers(logger: Pick<Logger, 'warn'>, policy: typeof RETRY_POLICY = RETRY_POLICY): Array<Transformer<RawApi>> {
  const networkRetry: Transformer<RawApi> = async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal)
      } catch (err) {
        const retry = err instanceof HttpError && isRepeatable(method) && attempt < policy.attempts && !signal?.aborted
        if (!retry) throw err
        const wait = policy.networkBackoffMs[Math.min(attempt, policy.networkBackoffMs.length - 1)]!
        logger.warn({ method, attempt: attempt + 1, waitMs: wait, err: err.message }, 'telegram: no answer from the Bot API; trying again')
        await sleep(wait, signal as AbortSignal | undefined)
      }
    }
  }
  return [
    networkRetry,
    autoRetry({ maxRetryAttempts: policy.attempts, maxDelaySeconds: policy.maxRetryAfterSeconds, rethrowHttpErrors: true }),
  ]
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
  })
}

/**
 * Everything between the bot's code and the network, in installation order:
 * the throttle (closest to the network, so every attempt is counted), then the
 * retry policy. `createBot` installs these on `bot.api`; tests of code that
 * sends build their API with the same function.
 * @example for (const t of telegramTransformers(logger, new Throttle(systemClock))) api.config.use(t)
 */
export function telegramTransformers(logger: Pick<Logger, 'warn'>, throttle: Throttle): Array<Transformer<RawApi>> {
  return [throttleTransformer(throttle), ...retryTransformers(logger)]
}
