import { Composer, type Api } from 'grammy'
import { HTML } from '../../../telegram/html.js'
import type { Locale } from '../../../telegram/locale.js'
import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'
import { audit } from './audit.js'
import { renderReloadFailed, renderReloadReport, renderReloadStarted } from './render.js'

/**
 * /reload: re-reads the article folder in the background and reports when done,
 * so a slow reload never holds up the update loop (searches keep being
 * answered). A /reload sent while one runs is acknowledged as waiting; the
 * library serialises the two, and each is reported when it finishes.
 */
export function createReloadFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { library, logger } = deps

  const reportReload = async (api: Api, chatId: number, locale: Locale, admin: number | undefined) => {
    let text: string
    try {
      const report = await library.reload()
      logger.info(
        {
          admin,
          action: 'reload-done',
          added: report.added.length,
          changed: report.changed.length,
          removed: report.removed.length,
          skipped: report.skipped.length,
          ms: report.ms,
        },
        'admin: reload finished',
      )
      text = renderReloadReport(locale, report)
    } catch (err) {
      logger.error({ admin, action: 'reload-failed', err }, 'admin: reload failed; the old index stays in service')
      text = renderReloadFailed(locale, err instanceof Error ? err.message : String(err))
    }
    try {
      await api.sendMessage(chatId, text, HTML)
    } catch (err) {
      logger.error({ admin, err }, 'admin: could not send the reload report')
    }
  }

  composer.command('reload', async (ctx) => {
    const busy = library.reloading
    audit(deps, ctx, 'reload', { waiting: busy })
    await ctx.reply(renderReloadStarted(ctx.locale, busy), HTML)
    // Not awaited: the report is sent when the reload ends; errors are handled inside.
    void reportReload(ctx.api, ctx.chat.id, ctx.locale, ctx.from?.id)
  })

  return composer
}
