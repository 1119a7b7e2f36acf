import { createHash } from 'node:crypto'
import { cleanLines } from './clean.js'
import { decodeBytes } from './decode.js'
import { extractMetadata, titleFromBody } from './metadata.js'
import { buildPassages, paragraphSpans } from './passages.js'
import { detectScript } from '../text/script.js'
import type { Article } from './article.js'
import { readHtml } from './html.js'
import { splitTitleSuffix, stripTitleSuffix, type ArticleMetadata } from './metadata.js'
import { stripTemplates, type GroupTemplates, type TemplateDoc } from './template.js'

/** How a file of the corpus folder is read: as plain text, as a saved web page, or not at all. */
export type ArticleFormat = 'text' | 'html'

/**
 * Which files are articles: `.txt`, and `.html`/`.htm` pages as a scraper
 * saves them. Anything else beside them (a `manifest.jsonl`, a `README.md`,
 * images) is not read, with the reason.
 * @example articleFormat('000_a26d.txt') // { ok: true, format: 'text' }
 * @example articleFormat('manifest.jsonl') // { ok: false, reason: 'not an article: only .txt, .html and .htm files are read' }
 */
export function articleFormat(file: string): { ok: true; format: ArticleFormat } | { ok: false; reason: string } {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase()
  if (ext === 'txt') return { ok: true, format: 'text' }
  if (ext === 'html' || ext === 'htm') return { ok: true, format: 'html' }
  return { ok: false, reason: 'not an article: only .txt, .html and .htm files are read' }
}

/** An article, or why the file could not be read as one. */
export type ReadResult = { ok: true; article: Article } | { ok: false; reason: string }

/** One file of the corpus. */
export interface ArticleFile {
  /** Stable short id of the article. */
  id: string
  /** File name relative to the corpus folder, e.g. `000_a26d11e632a73800.txt`. */
  file: string
  bytes: Uint8Array
  /** When the file was last written (ms since epoch): a date read from the body is never later. */
  modifiedMs?: number
  /** How to read it; by default from the file name's extension (`.html`/`.htm` as a web page, else text). */
  format?: ArticleFormat
}

/**
 * Reads one article file: decodes, repairs and cleans it, reads title, date
 * and source, and cuts the text into paragraphs and passages.
 * Never throws: a broken file gives `{ ok: false, reason }`.
 *
 * Title: the file's title line; without one, the first sentence of the body
 * when it is headline-like (it then also stays in the text, which is not
 * altered), else the file name without extension.
 * @example readArticle({ id: 'a1', file: '001.txt', bytes }) // { ok: true, article: { title: '中国铜业召开2024年科技工作会议', … } }
 */
export function readArticle(input: ArticleFile): ReadResult {
  try {
    const decoded = decodeBytes(input.bytes)
    if (!decoded.ok) return decoded
    const options = input.modifiedMs === undefined ? {} : { fileDate: fileDate(input.modifiedMs) }
    const format = input.format ?? (articleFormat(input.file).ok && /\.html?$/i.test(input.file) ? 'html' : 'text')
    const meta = format === 'html' ? readPage(decoded.text, options) : extractMetadata(cleanLines(decoded.text), options)
    if (meta.body.length === 0) return { ok: false, reason: 'no readable text after cleaning' }
    const article: Article = {
      id: input.id,
      file: input.file,
      title: meta.title ?? titleFromBody(meta.body[0]!) ?? fileStem(input.file),
      ...bodyOf(meta.body),
    }
    if (meta.date !== undefined) article.date = meta.date
    if (meta.source !== undefined) article.source = meta.source
    if (meta.site !== undefined) article.site = meta.site
    return { ok: true, article }
  } catch (err) {
    return { ok: false, reason: `could not read: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/**
 * A web page: its main text read like a text file (the page's title line first, so a header
 * line in the text is still read), then what the meta tags say wins for title and date.
 */
function readPage(html: string, options: { fileDate?: string }): ArticleMetadata {
  const page = readHtml(html)
  const meta = extractMetadata(cleanLines([page.title ?? '', ...page.header, ...page.lines].join('\n')), options)
  if (page.title !== undefined) {
    const split = splitTitleSuffix(page.title, new Set([page.site, page.source, meta.source].filter((s) => s !== undefined)))
    meta.title = split.title
    if (split.site !== undefined) meta.site ??= split.site
  }
  if (page.date !== undefined) meta.date = page.date
  if (page.source !== undefined) meta.source ??= page.source
  if (page.site !== undefined) meta.site = page.site
  return meta
}

/** Text, paragraphs, passages, script and hash of body lines. */
function bodyOf(lines: readonly string[]): Pick<Article, 'text' | 'paragraphs' | 'passages' | 'script' | 'contentHash'> {
  const text = lines.join('\n')
  const paragraphs = paragraphSpans(text)
  return {
    text,
    paragraphs,
    passages: buildPassages(text, paragraphs),
    script: detectScript(text),
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
}

/** Whose templates an article carries: its site's, else its source's (`undefined`: unknown). */
export function templateGroup(article: Pick<Article, 'site' | 'source'>): string | undefined {
  return article.site ?? article.source
}

/**
 * What the template learner is given of an article as read.
 * @example templateDoc(article) // { group: '晨光新聞網', lines: ['記者林小華／台北報導', …], title: '…' }
 */
export function templateDoc(article: Article): TemplateDoc {
  return { group: templateGroup(article) ?? '', lines: article.text.split('\n'), title: article.title }
}

/**
 * The article as served: learned templates removed from its body, a learned
 * site suffix from its title. The same object when nothing is removed; the
 * file and the article as read are never changed.
 * @example serveArticle(article, templateIndex(model), new Set(model.titleSuffixes))
 */
export function serveArticle(
  article: Article,
  templates: (group: string | undefined) => GroupTemplates,
  titleSuffixes: ReadonlySet<string>,
): Article {
  const group = templates(templateGroup(article))
  const title = titleSuffixes.size > 0 ? stripTitleSuffix(article.title, titleSuffixes) : article.title
  if (group.empty && title === article.title) return article
  const lines = article.text.split('\n')
  const kept = stripTemplates(lines, group)
  if (kept === lines && title === article.title) return article
  return { ...article, title, ...(kept === lines ? {} : bodyOf(kept)) }
}

/** The latest calendar day anywhere on Earth at that instant (UTC+14), as `YYYY-MM-DD`. */
function fileDate(ms: number): string {
  return new Date(ms + 14 * 3600_000).toISOString().slice(0, 10)
}

/** `sub/000_a26d.txt` → `000_a26d`. */
function fileStem(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}
