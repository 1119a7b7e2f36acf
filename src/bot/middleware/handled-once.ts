import type { Bot, MiddlewareFn } from 'grammy'
import type { Logger } from '../../logger.js'
import type { UpdateInbox } from '../../telegram/update-inbox.js'
import type { BotContext } from '../context.js'

/**
 * Webhook updates through the update inbox: an update is recorded before it is
 * handled and marked done after, and one already received (Telegram redelivers
 * an update whose answer was slow, to this replica or another) is not handled
 * again. Installed outside the error boundary, so that an inbox that cannot be
 * written fails the webhook request and Telegram delivers the update again.
 * Updates left open by a replica that died are taken over by `handlePending`.
 * (Long polling records whole batches in `startPolling` instead.)
 * @example const once = new HandledOnce(inbox, logger); createBot(deps, { handledOnce: once.middleware() })
 */
export class HandledOnce {
  /** Updates this process took over from `pending()`: already in the inbox, to be handled here. */
  private readonly takenOver = new Set<number>()

  constructor(
    private readonly inbox: UpdateInbox,
    private readonly logger: Pick<Logger, 'info' | 'warn' | 'debug'>,
  ) {}

  middleware(): MiddlewareFn<BotContext> {
    return async (ctx, next) => {
      const id = ctx.update.update_id
      if (!this.takenOver.delete(id) && (await this.inbox.receive([ctx.update])).length === 0) {
        this.logger.debug({ updateId: id }, 'bot: update received before; not handled again')
        return
      }
      await next()
      // Handled: a failure to mark it so only means it may be handled again after the lease (at least once).
      await this.inbox
        .done(id)
        .catch((err: unknown) => this.logger.warn({ err, updateId: id }, 'bot: could not mark an update handled; it may be handled again'))
    }
  }

  /** Handles the updates received and not handled (their replica stopped or died), oldest first. Returns how many. */
  async handlePending(bot: Bot<BotContext>): Promise<number> {
    const pending = await this.inbox.pending()
    if (pending.length > 0)
      this.logger.warn({ updates: pending.length }, 'bot: handling updates a stopped replica had received but not handled')
    for (const update of pending) {
      this.takenOver.add(update.update_id)
      await bot.handleUpdate(update)
    }
    return pending.length
  }
}
