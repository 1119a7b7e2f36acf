import { Composer } from 'grammy'
import type { Document } from 'grammy/types'
import { HTML } from '../../../telegram/html.js'
import type { BotContext } from '../../context.js'
import type { BotDeps } from '../../deps.js'
import { audit } from './audit.js'
import { renderAddResult, renderAddUsage, renderDownloadFailed, renderUploadProblem } from './render.js'
import { checkBytes, checkDocument, createTelegramDownloader, UPLOAD_DEFAULTS, type FileDownloader } from './upload.js'

/** What tests can replace. */
export interface AddingOptions {
  /** Fetches a Telegram file by `file_path`; default: the Bot API file endpoint. */
  download?: FileDownloader
  /** Upload size limit in bytes; default {@link UPLOAD_DEFAULTS.maxBytes}. */
  maxUploadBytes?: number
}

/** Adding articles: a document sent to the bot, `/add` replying to a document or a text, or `/add <text>`. */
export function createAddingFeature(deps: BotDeps, options: AddingOptions = {}): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { library, logger, config } = deps
  const maxBytes = options.maxUploadBytes ?? UPLOAD_DEFAULTS.maxBytes

  const addBytes = async (ctx: BotContext, bytes: Uint8Array, via: string) => {
    let text: string
    try {
      const result = await library.addArticle(bytes)
      audit(
        deps,
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
    audit(deps, ctx, 'upload', { fileName: doc.file_name, fileSize: doc.file_size, mime: doc.mime_type })
    const before = checkDocument(doc, maxBytes)
    if (before) {
      audit(deps, ctx, 'upload-refused', { problem: before.kind })
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
      audit(deps, ctx, 'upload-refused', { problem: after.kind })
      await ctx.reply(renderUploadProblem(ctx.locale, after, doc.file_name), HTML)
      return
    }
    await addBytes(ctx, bytes, 'upload')
  }

  composer.command('add', async (ctx) => {
    const replied = ctx.msg.reply_to_message
    if (!ctx.match && replied?.document) return addDocument(ctx, replied.document)
    const text = (ctx.match || replied?.text || replied?.caption || '').trim()
    if (!text) {
      audit(deps, ctx, 'add', { refused: 'no text' })
      await ctx.reply(renderAddUsage(ctx.locale, maxBytes), HTML)
      return
    }
    audit(deps, ctx, 'add', { via: ctx.match ? 'inline' : 'reply', chars: text.length })
    const bytes = new TextEncoder().encode(text)
    const problem = checkBytes(bytes, maxBytes)
    if (problem) {
      await ctx.reply(renderUploadProblem(ctx.locale, problem), HTML)
      return
    }
    await addBytes(ctx, bytes, ctx.match ? 'inline' : 'reply')
  })

  composer.on('message:document', (ctx) => addDocument(ctx, ctx.msg.document))

  return composer
}
