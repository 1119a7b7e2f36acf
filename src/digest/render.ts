import { toSimplified, toTraditional } from '../text/script.js'
import type { Locale } from '../telegram/locale.js'
import type { ArticleRef, Digest } from './build.js'
import { clip } from '../text/sentences.js'

/** Telegram's limit for one message's text. */
export const MESSAGE_LIMIT = 4096

export interface RenderOptions {
  locale: Locale
  /** The digest's day, `YYYY-MM-DD`, shown in the header. */
  date: string
  /** Longest message, in UTF-16 units of HTML source (default 4,096; the visible text is shorter still). */
  maxLength?: number
}

/** Longest title shown, in characters (titles of scraped pages can run long). */
const TITLE_CHARS = 60

/**
 * Renders a digest as Telegram HTML messages: everything escaped, content in
 * the chat's script (Traditional for `zh-Hant`, Simplified for `zh-Hans`,
 * original for `en`), each message within the limit, split only between
 * blocks (a theme, an article), never inside a tag.
 *
 * Articles link to reading as `/read_<id>` (tappable in Telegram; the reading
 * feature answers it), or `<code>/read <id></code>` when the id has characters
 * a command cannot.
 */
export function renderDigest(digest: Digest, options: RenderOptions): string[] {
  const { locale, date } = options
  const show = display(locale)
  const blocks: string[] = []

  const more = digest.total - digest.articles.length
  blocks.push(
    `📰 <b>${localize(locale, { zh: '科技新闻日报', en: 'Sci-tech news digest' })}</b> · ${escapeHtml(date)}\n` +
      localize(locale, {
        zh: `本期 ${digest.total} 篇新文章${more > 0 ? `，列出最新 ${digest.articles.length} 篇` : ''}。`,
        en: `${digest.total} new article${digest.total === 1 ? '' : 's'}${more > 0 ? `; the latest ${digest.articles.length} are listed` : ''}.`,
      }),
  )

  if (digest.themes.length > 0) {
    const basis =
      digest.themeWindow < digest.total
        ? localize(locale, { zh: `（基于最新 ${digest.themeWindow} 篇）`, en: ` (from the latest ${digest.themeWindow})` })
        : ''
    blocks.push(`\n<b>${localize(locale, { zh: '主题', en: 'Themes' })}</b>${basis}`)
    digest.themes.forEach((t, i) => {
      const lines = [
        `${i + 1}. <b>${escapeHtml(show(t.phrase))}</b> — ${localize(locale, { zh: `${t.articleCount} 篇`, en: `${t.articleCount} articles` })}`,
      ]
      if (t.sentence) lines.push(`<i>${quote(escapeHtml(show(t.sentence)), locale)}</i>`)
      for (const a of t.articles) lines.push(`  · ${articleLine(a, show)}`)
      blocks.push(lines.join('\n'))
    })
  }

  blocks.push(`\n<b>${localize(locale, { zh: '文章', en: 'Articles' })}</b>`)
  for (const a of digest.articles) {
    const lines = [`• <b>${escapeHtml(show(clip(a.title, TITLE_CHARS)))}</b>${a.date ? ` · ${escapeHtml(a.date)}` : ''}`]
    if (a.summary) lines.push(escapeHtml(show(a.summary)))
    lines.push(readLink(a.id))
    blocks.push(lines.join('\n'))
  }
  if (more > 0) {
    blocks.push(
      localize(locale, {
        zh: `\n还有 ${more} 篇未列出，可用 /search 查找。`,
        en: `\n${more} more not listed — use /search to find them.`,
      }),
    )
  }
  return splitMessages(blocks, options.maxLength ?? MESSAGE_LIMIT)
}

/** The short note a chat gets when a scheduled digest has nothing new (if configured). */
export function renderEmptyDigest(options: RenderOptions): string {
  return localize(options.locale, {
    zh: `📰 ${options.date}：没有新文章。`,
    en: `📰 ${options.date}: no new articles.`,
  })
}

function articleLine(a: ArticleRef, show: (s: string) => string): string {
  return `${escapeHtml(show(clip(a.title, TITLE_CHARS)))}${a.date ? `（${escapeHtml(a.date)}）` : ''} ${readLink(a.id)}`
}

/** `/read_<id>` when Telegram can make it a command, else the spelled-out form. */
export function readLink(id: string): string {
  return /^[A-Za-z0-9]{1,27}$/.test(id) ? `/read_${id}` : `<code>/read ${escapeHtml(id)}</code>`
}

function quote(text: string, locale: Locale): string {
  if (locale === 'en') return `“${text}”`
  return locale === 'zh-Hant' ? `「${text}」` : `“${text}”`
}

/** Chinese written once in Simplified, converted for Traditional chats (the digest does not depend on the bot's i18n). */
function localize(locale: Locale, text: { zh: string; en: string }): string {
  if (locale === 'en') return text.en
  return locale === 'zh-Hant' ? toTraditional(text.zh) : text.zh
}

function display(locale: Locale): (text: string) => string {
  if (locale === 'zh-Hant') return toTraditional
  if (locale === 'zh-Hans') return toSimplified
  return (text) => text
}

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/**
 * Packs blocks into messages of at most `max` characters, joined by line breaks.
 * A block longer than `max` (not produced by `renderDigest`, whose blocks are
 * clipped) is split between lines, and a line longer than `max` is cut only
 * where it holds no tag.
 */
export function splitMessages(blocks: readonly string[], max: number): string[] {
  const pieces: string[] = []
  for (const block of blocks) {
    if (block.length <= max) pieces.push(block)
    else for (const line of block.split('\n')) pieces.push(...cutLine(line, max))
  }
  const messages: string[] = []
  let current = ''
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}\n${piece}`
    if (joined.length <= max) {
      current = joined
      continue
    }
    if (current.trim() !== '') messages.push(current)
    current = piece.replace(/^\n+/, '')
  }
  if (current.trim() !== '') messages.push(current)
  return messages
}

function cutLine(line: string, max: number): string[] {
  if (line.length <= max) return [line]
  // Strip tags and cut plain text so no cut falls inside a tag or an entity.
  const plain = line.replace(/<[^>]+>/g, '')
  const out: string[] = []
  let rest = plain
  while (rest.length > max) {
    let at = max
    const amp = rest.lastIndexOf('&', at)
    if (amp > at - 8 && rest.indexOf(';', amp) >= at) at = amp
    out.push(rest.slice(0, at))
    rest = rest.slice(at)
  }
  if (rest) out.push(rest)
  return out
}
