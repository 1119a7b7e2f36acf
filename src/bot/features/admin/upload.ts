import type { Document } from 'grammy/types'
import { MAX_ARTICLE_BYTES } from '../../../library/library.js'

/** Limits on what an admin may upload; visible in one place. */
export const UPLOAD_DEFAULTS = {
  /** Largest accepted article file, checked on `file_size` before download and on the bytes after. */
  maxBytes: MAX_ARTICLE_BYTES,
  /** Give up on a download that takes longer than this. */
  downloadTimeoutMs: 60_000,
} as const

/** Why an upload was refused before it reached the library. */
export type UploadProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'not-text'; fileName?: string | undefined; mimeType?: string | undefined }
  | { kind: 'binary' }
  | { kind: 'empty' }

/** MIME types Telegram clients send for plain-text files. */
const TEXT_MIME = /^(text\/plain|application\/octet-stream)(;|$)/i

/**
 * Checks a document's metadata before anything is downloaded: it must be a
 * `.txt` file (by name, or `text/plain` when the client sent no name) within
 * the size limit. The name is only looked at, never used as a path.
 * @example checkDocument({ file_id: 'x', file_unique_id: 'y', file_name: 'a.pdf' }) // → { kind: 'not-text', … }
 */
export function checkDocument(doc: Document, maxBytes: number = UPLOAD_DEFAULTS.maxBytes): UploadProblem | undefined {
  if (doc.file_size !== undefined && doc.file_size > maxBytes) {
    return { kind: 'too-large', bytes: doc.file_size, limit: maxBytes }
  }
  const name = doc.file_name
  const mime = doc.mime_type
  const nameOk = name ? /\.txt$/i.test(name) : mime !== undefined && /^text\/plain/i.test(mime)
  const mimeOk = mime === undefined || TEXT_MIME.test(mime)
  if (!nameOk || !mimeOk) return { kind: 'not-text', fileName: name, mimeType: mime }
  return undefined
}

/**
 * Checks downloaded bytes: size again (clients may omit or misreport
 * `file_size`), emptiness, and NUL bytes, which UTF-8, GBK and Big5 text never
 * contain. The library does its own, finer checks after this.
 */
export function checkBytes(bytes: Uint8Array, maxBytes: number = UPLOAD_DEFAULTS.maxBytes): UploadProblem | undefined {
  if (bytes.length > maxBytes) return { kind: 'too-large', bytes: bytes.length, limit: maxBytes }
  if (bytes.length === 0) return { kind: 'empty' }
  const head = bytes.subarray(0, 64 * 1024)
  if (head.includes(0)) return { kind: 'binary' }
  return undefined
}

/** Fetches a Telegram file by its `file_path`; injectable so tests never touch the network. */
export type FileDownloader = (filePath: string) => Promise<Uint8Array>

/** Thrown by the downloader; the message never contains the URL (it holds the bot token). */
export class DownloadError extends Error {
  override name = 'DownloadError'
}

/**
 * The real downloader: `<apiRoot>/file/bot<token>/<file_path>`. It stops as
 * soon as more than `maxBytes` have arrived and returns those, so the caller's
 * size check refuses the file without buffering all of it.
 * @example createTelegramDownloader(token, undefined)('documents/file_1.txt')
 */
export function createTelegramDownloader(
  token: string,
  apiRoot: string | undefined,
  maxBytes: number = UPLOAD_DEFAULTS.maxBytes,
  fetchImpl: typeof fetch = fetch,
): FileDownloader {
  const root = (apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '')
  return async (filePath) => {
    const path = filePath.split('/').map(encodeURIComponent).join('/')
    let res: Response
    try {
      res = await fetchImpl(`${root}/file/bot${token}/${path}`, {
        signal: AbortSignal.timeout(UPLOAD_DEFAULTS.downloadTimeoutMs),
      })
    } catch (err) {
      throw new DownloadError(`admin: download failed (${err instanceof Error ? err.name : 'network error'})`)
    }
    if (!res.ok) throw new DownloadError(`admin: download failed (HTTP ${res.status})`)
    if (!res.body) return new Uint8Array(await res.arrayBuffer())
    // Stop reading once past the limit; the caller sees more than maxBytes and refuses.
    const chunks: Uint8Array[] = []
    let total = 0
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      total += value.length
      if (total > maxBytes) {
        await reader.cancel()
        break
      }
    }
    return Buffer.concat(chunks)
  }
}
