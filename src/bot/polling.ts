import { createConcurrentSink, createRunner, createSource, createUpdateFetcher, type RunnerHandle } from '@grammyjs/runner'
import type { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import type { Logger } from '../logger.js'
import type { UpdateInbox } from '../telegram/update-inbox.js'
import type { BotContext } from './context.js'

/** How long polling waits before asking again after `getUpdates` failed (the retry policy has already tried three times). */
export const POLL_RETRY_MS = 2000

/**
 * Long polling with grammY runner, composed from its source and sink so that
 * every batch goes through the inbox: a batch is recorded before the next
 * `getUpdates` confirms it to Telegram (the runner asks for the next batch only
 * once this one is handed over), each update is marked done once handled, and
 * a repeated update is not handled again. This is the message queue grammY's
 * reliability guide sketches for the runner, with the inbox as the queue.
 * Failed polls are retried every `POLL_RETRY_MS` (not with a backoff that grows
 * to minutes), so the bot answers within seconds of Telegram coming back.
 * @example const runner = startPolling(bot, inbox, logger); await runner.task()
 */
export function startPolling(bot: Bot<BotContext>, inbox: UpdateInbox, logger: Logger): RunnerHandle {
  const fetchUpdates = createUpdateFetcher(bot, { retryInterval: POLL_RETRY_MS, silent: true, maxRetryTime: Number.MAX_SAFE_INTEGER })
  // When DATA_DIR cannot be written, updates are still answered: only the crash safety is lost, and said so.
  const unsaved = (err: unknown) => logger.warn({ err }, 'bot: the update inbox cannot be written; answering without crash safety')
  const source = createSource<Update>({
    supply: async (batchSize, signal) => {
      const updates = await fetchUpdates(batchSize, signal)
      try {
        return await inbox.receive(updates)
      } catch (err) {
        unsaved(err)
        return updates
      }
    },
  })
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        await bot.handleUpdate(update)
        await inbox.done(update.update_id).catch(unsaved)
      },
    },
    async (err) => {
      logger.error({ err }, 'bot: an update could not be handled or marked done; it is handled again at the next start')
    },
  )
  const runner = createRunner(source, sink)
  runner.start()
  return runner
}

/**
 * Handles the updates a stopped process left between "received" and "done",
 * oldest first, before polling starts. Returns how many there were.
 */
export async function handlePending(bot: Bot<BotContext>, inbox: UpdateInbox, logger: Logger): Promise<number> {
  const pending = await inbox.pending()
  if (pending.length > 0) logger.warn({ updates: pending.length }, 'bot: handling updates a stopped process had received but not handled')
  for (const update of pending) {
    await bot.handleUpdate(update)
    await inbox.done(update.update_id).catch((err: unknown) => logger.warn({ err }, 'bot: could not mark a replayed update done'))
  }
  return pending.length
}
