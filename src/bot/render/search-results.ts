import { InlineKeyboard } from 'grammy'
import type { ArticleMeta, SearchHit, SearchResult } from '../../search/types.js'
import type { Locale } from '../../telegram/locale.js'
import { NOOP_DATA, pageData, readData } from '../callback-data.js'
import { format, localize } from '../../telegram/i18n.js'
import { TEXTS } from '../texts.js'
import { readLink } from '../../telegram/read-link.js'
import { forDisplay } from '../../telegram/display.js'
import { fold } from '../../text/script.js'
import { escapeHtml, highlightExcerpt } from '../../telegram/html.js'

/** One page of results, as the search handler hands it to the renderer. */
export interface ResultPage {
  query: string
  hits: SearchHit[]
  /** How many articles matched in all. */
  total: number
  /** 0-based page number. */
  page: number
  pageSize: number
}

export interface RenderOptions {
  locale: Locale
  /** Key of the saved search, used by the page buttons. */
  token: string
  /** `search` shows "n articles, page n/N"; `question` introduces the best passages. */
  mode?: 'search' | 'question'
}

export interface Rendered {
  /** HTML text, every piece of article and user text escaped. */
  text: string
  keyboard: InlineKeyboard
}

/** Number of pages for `total` results. */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize))

/**
 * Renders a page of results: a header, then for each hit its title, date,
 * source, excerpt (matches in bold) and how to read it; below, one read button
 * per hit and, when there are several pages, ‹ previous · n/N · next ›.
 */
export function renderResultPage(page: ResultPage, options: RenderOptions): Rendered {
  const { locale } = options
  const pages = pageCount(page.total, page.pageSize)
  const query = escapeHtml(page.query)
  const header =
    options.mode === 'question'
      ? format(locale, TEXTS.questionHeader, { query })
      : format(locale, TEXTS.searchHeader, {
          query,
          total: page.total,
          articles: page.total === 1 ? '1 article' : `${page.total} articles`,
          page: page.page + 1,
          pages,
        })

  const blocks = page.hits.map((hit, i) => {
    const n = page.page * page.pageSize + i + 1
    const lines = [`<b>${n}. ${escapeHtml(forDisplay(hit.article.title, locale))}</b>`]
    const meta = metaLine(hit.article, locale)
    if (meta) lines.push(meta)
    lines.push(excerptHtml(hit, locale))
    lines.push(format(locale, TEXTS.readHint, { command: readLink(hit.article.id) }))
    return lines.join('\n')
  })

  const keyboard = new InlineKeyboard()
  page.hits.forEach((hit, i) => {
    keyboard.text(format(locale, TEXTS.readButton, { n: page.page * page.pageSize + i + 1 }), readData(hit.article.id))
  })
  if (pages > 1) {
    keyboard.row()
    if (page.page > 0) keyboard.text(format(locale, TEXTS.previous), pageData(page.page - 1, options.token))
    keyboard.text(`${page.page + 1}/${pages}`, NOOP_DATA)
    if (page.page < pages - 1) keyboard.text(format(locale, TEXTS.next), pageData(page.page + 1, options.token))
  }
  return { text: [header, ...blocks].join('\n\n'), keyboard }
}

/** "📅 2024-03-15 · 来源：河南科技网", escaped; empty when the article has neither. */
export function metaLine(article: Pick<ArticleMeta, 'date' | 'source'>, locale: Locale): string {
  const parts: string[] = []
  if (article.date) parts.push(`📅 ${escapeHtml(article.date)}`)
  if (article.source) parts.push(format(locale, TEXTS.source, { source: escapeHtml(forDisplay(article.source, locale)) }))
  return parts.join(' · ')
}

/** The excerpt with highlights, with ellipses where it was cut out of a longer text. */
export function excerptHtml(hit: SearchHit, locale: Locale): string {
  const text = highlightExcerpt(hit.excerpt, locale)
  const before = hit.excerpt.start > 0 ? '…' : ''
  const after = /[。！？!?…”」]$/.test(hit.excerpt.text.trimEnd()) ? '' : '…'
  return `${before}${text}${after}`
}

/**
 * The reply when a search shows nothing (HTML): why, in the words the user will understand.
 * The bot sends it; the search command line prints it as plain text.
 */
export function renderNothingFound(locale: Locale, query: string, result: SearchResult): string {
  const q = escapeHtml(query)
  // A word of the query as the user typed it (PPI, 妻子 or 妻子's Traditional form), else in the chat's script.
  const shown = (word: string) => {
    const at = fold(query).indexOf(word)
    return escapeHtml(at >= 0 ? query.slice(at, at + word.length) : forDisplay(word, locale))
  }
  if (result.outcome === 'empty') return localize(locale, TEXTS.searchUsage)
  // An English query over Chinese articles: say so, and show what to type instead.
  if (!/\p{Script=Han}/u.test(query) && /\p{Script=Latin}{3,}/u.test(query)) return format(locale, TEXTS.noResultsEnglish, { query: q })
  if (result.outcome === 'unanswered') {
    // Articles on the question never name what it asks (妻子 of 叶光富的妻子): say so.
    if (result.unsaid) return format(locale, TEXTS.unsaid, { query: q, unsaid: shown(result.unsaid) })
    // The reports name it only to say it is not known yet (起火原因正在调查中): say so.
    if (result.unknown) return format(locale, TEXTS.unknown, { query: q, unknown: shown(result.unknown) })
    // Articles matched some words but none is about what carries the question: say what is missing.
    const missing = result.missing[0]
    if (missing) return format(locale, TEXTS.unanswered, { query: q, missing: shown(missing) })
  }
  return format(locale, TEXTS.noResults, { query: q })
}
