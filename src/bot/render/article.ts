import type { Article } from '../../corpus/article.js'
import type { Locale } from '../../telegram/locale.js'
import { forDisplay } from '../../telegram/display.js'
import { escapeHtml } from '../../telegram/html.js'
import { metaLine } from './search-results.js'
import { splitParagraphs, TELEGRAM_MESSAGE_LIMIT } from '../../telegram/split.js'

/**
 * Renders a whole article as HTML messages of at most `limit` characters:
 * the title in bold and the date/source line head the first part; parts break
 * between paragraphs (long paragraphs between sentences) and are numbered.
 * Text is converted to the chat's script paragraph by paragraph.
 */
export function renderArticle(article: Article, locale: Locale, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const meta = metaLine(article, locale)
  const header = `<b>${escapeHtml(forDisplay(article.title, locale))}</b>${meta ? `\n${meta}` : ''}`
  const spans = article.paragraphs.length > 0 ? article.paragraphs : [{ start: 0, end: article.text.length }]
  const paragraphs = spans.map((s) => forDisplay(article.text.slice(s.start, s.end).trim(), locale))
  return splitParagraphs(paragraphs, { limit, header })
}

/** Longest text of the short version shown in groups, in characters. */
export const GROUP_PREVIEW_CHARS = 400

/**
 * The short version of an article for a group: title, date and source, and the
 * opening of its text up to a sentence end within `GROUP_PREVIEW_CHARS`, so a
 * /read in a busy group does not flood it (the whole text is a tap away in private).
 * @example renderArticlePreview(article, 'zh-Hans') // '<b>标题</b>\n📅 2024-03-15 · 来源：…\n\n3月14日，…召开。'
 */
export function renderArticlePreview(article: Article, locale: Locale): string {
  const meta = metaLine(article, locale)
  const header = `<b>${escapeHtml(forDisplay(article.title, locale))}</b>${meta ? `\n${meta}` : ''}`
  const text = article.text.replace(/\s*\n\s*/g, ' ')
  let cut = text.slice(0, GROUP_PREVIEW_CHARS)
  if (text.length > GROUP_PREVIEW_CHARS) {
    const end = Math.max(...['。', '！', '？', '!', '?'].map((mark) => cut.lastIndexOf(mark)))
    cut = end >= GROUP_PREVIEW_CHARS / 3 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`
  }
  return `${header}\n\n${escapeHtml(forDisplay(cut, locale))}`
}
