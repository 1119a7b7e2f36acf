import { Composer, GrammyError, type Api } from 'grammy'
import type { Document } from 'grammy/types'
import type { Locale } from '../../telegram/locale.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import {
  renderAddResult,
  renderAddUsage,
  renderArticlesPage,
  renderDownloadFailed,
  renderNoSuchArticle,
  renderNotAdmin,
  renderPrivateOnly,
  renderReloadFailed,
  renderReloadReport,
  renderReloadStarted,
  renderRemoveCancelled,
  renderRemoveConfirm,
  renderRemoved,
  renderRemoveUsage,
  renderRemoveFailed,
  renderStats,
  renderUploadProblem,
} from './admin/render.js'
import { checkBytes, checkDocument, createTelegramDownloader, UPLOAD_DEFAULTS, type FileDownloader } from './admin/upload.js'
import type { CommandDescription } from './command-list.js'

/**
 * Admin content management from Telegram: /reload, adding articles (a .txt
 * upload or /add), /articles, /remove and /stats.
 *
 * - Only user ids in `config.adminIds` may use these; anyone else gets a
 *   refusal and the library is never touched.
 * - Admin commands answer in private chats only, so corpus details and stats
 *   never leak into groups. Documents sent in groups, or by non-admins, are
 *   not ours: they go on to the next middleware.
 * - /reload runs in the background and reports when done, so a slow reload
 *   never holds up the update loop (searches keep being answered). A /reload
 *   sent while one runs is acknowledged as waiting; the library serialises the
 *   two, and each is reported when it finishes.
 * - Every admin action is logged with the admin's id.
 */

export const ADMIN_COMMANDS: CommandDescription[] = [
  { command: 'reload', zh: '重新加载文章目录', en: 'Re-read the article folder' },
  { command: 'add', zh: '添加文章（回复文本，或直接发送 .txt 文件）', en: 'Add an article (reply to a text, or send a .txt file)' },
  { command: 'articles', zh: '文章列表', en: 'List articles' },
  { command: 'remove', zh: '删除文章：/remove 编号', en: 'Delete an article: /remove id' },
  { command: 'stats', zh: '索引与运行状态', en: 'Index and bot statistics' },
]

/** What tests (and `main.ts`, if it wants) can replace. */
export interface AdminOptions {
  /** Fetches a Telegram file by `file_path`; default: the Bot API file endpoint. */
  download?: FileDownloader
  /** When the bot started (ms since epoch) for /stats uptime; default `process.uptime()`. */
  startedAt?: number
  /** Upload size limit in bytes; default {@link UPLOAD_DEFAULTS.maxBytes}. */
  maxUploadBytes?: number
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const

/** Article ids are short and safe; anything else cannot be one and never goes into callback data. */
const ARTICLE_ID = /^[\w-]{1,48}$/

/**
 * The admin composer; install it before the free-text and catch-all features.
 * @example bot.use(createAdminFeature(deps)) // tests: createAdminFeature(deps, { download: async () => bytes })
 */
export function createAdminFeature(deps: BotDeps, options: AdminOptions = {}): Composer<BotContext> {
  const { library, logger, config } = deps
  const maxBytes = options.maxUploadBytes ?? UPLOAD_DEFAULTS.maxBytes
  const composer = new Composer<BotContext>()

  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && config.adminIds.includes(ctx.from.id)

  const audit = (ctx: BotContext, action: string, extra: Record<string, unknown> = {}) =>
    logger.info({ admin: ctx.from?.id, action, ...extra }, `admin: ${action}`)

  /** Wraps a command handler: admins in private chats only. */
  const guard =
    <C extends BotContext>(action: string, handler: (ctx: C) => Promise<unknown>) =>
    async (ctx: C): Promise<void> => {
      if (!isAdmin(ctx)) {
        logger.warn({ user: ctx.from?.id, action }, 'admin: refused a non-admin')
        await ctx.reply(renderNotAdmin(ctx.locale), HTML)
        return
      }
      if (ctx.chat?.type !== 'private') {
        audit(ctx, action, { refused: 'not a private chat' })
        await ctx.reply(renderPrivateOnly(ctx.locale), HTML)
        return
      }
      await handler(ctx)
    }

  /** Wraps a button handler: a non-admin gets an alert and nothing happens. */
  const guardButton =
    <C extends BotContext>(action: string, handler: (ctx: C) => Promise<unknown>) =>
    async (ctx: C): Promise<void> => {
      if (!isAdmin(ctx)) {
        logger.warn({ user: ctx.from?.id, action }, 'admin: refused a non-admin')
        await ctx.answerCallbackQuery({ text: renderNotAdmin(ctx.locale), show_alert: true })
        return
      }
      await handler(ctx)
    }

  /** Edits a button's message; pressing the same page twice is not an error. */
  const edit = async (ctx: BotContext, text: string, extra: Parameters<BotContext['editMessageText']>[1] = {}) => {
    try {
      await ctx.editMessageText(text, { ...HTML, ...extra })
    } catch (err) {
      if (err instanceof GrammyError && err.description.includes('message is not modified')) return
      throw err
    }
  }

  // ── /reload ──────────────────────────────────────────────────────────────

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

  composer.command(
    'reload',
    guard('reload', async (ctx) => {
      const busy = library.reloading
      audit(ctx, 'reload', { waiting: busy })
      await ctx.reply(renderReloadStarted(ctx.locale, busy), HTML)
      // Not awaited: the report is sent when the reload ends; errors are handled inside.
      void reportReload(ctx.api, ctx.chat.id, ctx.locale, ctx.from?.id)
    }),
  )

  // ── Adding articles ──────────────────────────────────────────────────────

  const addBytes = async (ctx: BotContext, bytes: Uint8Array, via: string) => {
    let text: string
    try {
      const result = await library.addArticle(bytes)
      audit(
        ctx,
        'add-done',
        result.ok
          ? { via, id: result.article.id, file: result.article.file }
          : { via, refused: result.reason, existing: result.existing?.id },
      )
      text = renderAddResult(ctx.locale, result)
    } catch (err) {
      logger.error({ admin: ctx.from?.id, action: 'add-failed', err }, 'admin: adding an article failed')
      text = renderAddResult(ctx.locale, { ok: false, reason: err instanceof Error ? err.message : String(err) })
    }
    await ctx.reply(text, HTML)
  }

  const addDocument = async (ctx: BotContext, doc: Document) => {
    // The user's file name is only logged and shown (escaped); it never becomes a path.
    audit(ctx, 'upload', { fileName: doc.file_name, fileSize: doc.file_size, mime: doc.mime_type })
    const before = checkDocument(doc, maxBytes)
    if (before) {
      audit(ctx, 'upload-refused', { problem: before.kind })
      await ctx.reply(renderUploadProblem(ctx.locale, before, doc.file_name), HTML)
      return
    }
    let bytes: Uint8Array
    try {
      const file = await ctx.api.getFile(doc.file_id)
      if (!file.file_path) throw new Error('Telegram gave no download path for this file')
      const download = options.download ?? createTelegramDownloader(ctx.api.token, config.telegramApiRoot, maxBytes)
      bytes = await download(file.file_path)
    } catch (err) {
      logger.warn({ admin: ctx.from?.id, action: 'upload-download-failed', err }, 'admin: download failed')
      await ctx.reply(renderDownloadFailed(ctx.locale, err instanceof Error ? err.message : String(err)), HTML)
      return
    }
    const after = checkBytes(bytes, maxBytes)
    if (after) {
      audit(ctx, 'upload-refused', { problem: after.kind })
      await ctx.reply(renderUploadProblem(ctx.locale, after, doc.file_name), HTML)
      return
    }
    await addBytes(ctx, bytes, 'upload')
  }

  composer.command(
    'add',
    guard('add', async (ctx) => {
      const replied = ctx.msg.reply_to_message
      if (!ctx.match && replied?.document) return addDocument(ctx, replied.document)
      const text = (ctx.match || replied?.text || replied?.caption || '').trim()
      if (!text) {
        audit(ctx, 'add', { refused: 'no text' })
        await ctx.reply(renderAddUsage(ctx.locale), HTML)
        return
      }
      audit(ctx, 'add', { via: ctx.match ? 'inline' : 'reply', chars: text.length })
      const bytes = new TextEncoder().encode(text)
      const problem = checkBytes(bytes, maxBytes)
      if (problem) {
        await ctx.reply(renderUploadProblem(ctx.locale, problem), HTML)
        return
      }
      await addBytes(ctx, bytes, ctx.match ? 'inline' : 'reply')
    }),
  )

  composer.chatType('private').on('message:document', async (ctx, next) => {
    if (!isAdmin(ctx)) return next()
    await addDocument(ctx, ctx.msg.document)
  })

  // ── /articles ────────────────────────────────────────────────────────────

  composer.command(
    'articles',
    guard('articles', async (ctx) => {
      const page = Number.parseInt(ctx.match, 10) || 1
      audit(ctx, 'articles', { page })
      const r = renderArticlesPage(ctx.locale, library.listArticles(), page)
      await ctx.reply(r.text, { ...HTML, ...(r.keyboard ? { reply_markup: r.keyboard } : {}) })
    }),
  )

  composer.callbackQuery(
    /^al:(\d{1,6})$/,
    guardButton('articles', async (ctx) => {
      const page = Number(ctx.match[1])
      audit(ctx, 'articles', { page })
      await ctx.answerCallbackQuery()
      const r = renderArticlesPage(ctx.locale, library.listArticles(), page)
      await edit(ctx, r.text, r.keyboard ? { reply_markup: r.keyboard } : {})
    }),
  )

  // ── /remove ──────────────────────────────────────────────────────────────

  composer.command(
    'remove',
    guard('remove', async (ctx) => {
      const id = ctx.match.split(/\s+/)[0] ?? ''
      if (!id) {
        await ctx.reply(renderRemoveUsage(ctx.locale), HTML)
        return
      }
      const article = ARTICLE_ID.test(id) ? library.getArticle(id) : undefined
      audit(ctx, 'remove-ask', { id, found: article !== undefined })
      if (!article) {
        await ctx.reply(renderNoSuchArticle(ctx.locale, id), HTML)
        return
      }
      const r = renderRemoveConfirm(ctx.locale, article)
      await ctx.reply(r.text, { ...HTML, ...(r.keyboard ? { reply_markup: r.keyboard } : {}) })
    }),
  )

  composer.callbackQuery(
    /^rmc:([\w-]{1,48})$/,
    guardButton('remove', async (ctx) => {
      const id = ctx.match[1] ?? ''
      await ctx.answerCallbackQuery()
      let text: string
      try {
        const removed = await library.removeArticle(id)
        audit(ctx, 'remove', { id, removed: removed !== undefined, file: removed?.file })
        text = removed ? renderRemoved(ctx.locale, removed) : renderNoSuchArticle(ctx.locale, id)
      } catch (err) {
        logger.error({ admin: ctx.from?.id, action: 'remove-failed', id, err }, 'admin: removal failed')
        text = renderRemoveFailed(ctx.locale, err instanceof Error ? err.message : String(err))
      }
      // Editing without a keyboard removes the buttons, so the removal cannot be pressed twice.
      await edit(ctx, text)
    }),
  )

  composer.callbackQuery(
    'rmx',
    guardButton('remove-cancel', async (ctx) => {
      audit(ctx, 'remove-cancel')
      await ctx.answerCallbackQuery()
      await edit(ctx, renderRemoveCancelled(ctx.locale))
    }),
  )

  // ── /stats ───────────────────────────────────────────────────────────────

  composer.command(
    'stats',
    guard('stats', async (ctx) => {
      audit(ctx, 'stats')
      const [subscribedChats, lastDigest] = await Promise.all([deps.digest.subscribedChats(), deps.digest.lastRun()])
      const uptimeMs = options.startedAt !== undefined ? deps.now().getTime() - options.startedAt : Math.round(process.uptime() * 1000)
      const text = renderStats(ctx.locale, {
        library: library.stats(),
        uptimeMs,
        subscribedChats,
        lastDigest,
        timeZone: config.digestTz,
      })
      await ctx.reply(text, HTML)
    }),
  )

  return composer
}
