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
