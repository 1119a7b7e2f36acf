import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'

/** Logs an admin action with the admin's id: every admin action leaves a line. */
export function audit(deps: Pick<BotDeps, 'logger'>, ctx: BotContext, action: string, extra: Record<string, unknown> = {}): void {
  deps.logger.info({ admin: ctx.from?.id, action, ...extra }, `admin: ${action}`)
}
