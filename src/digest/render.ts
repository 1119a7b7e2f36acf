import { forDisplay } from '../telegram/display.js'
import { escapeHtml } from '../telegram/html.js'
import { localize } from '../telegram/i18n.js'
import type { Locale } from '../telegram/locale.js'
import { readLink } from '../telegram/read-link.js'
import { splitParagraphs, TELEGRAM_MESSAGE_LIMIT } from '../telegram/split.js'
import { clip } from '../text/sentences.js'
import type { ArticleRef, Digest, DigestStory } from './build.js'

export interface RenderOptions {
  locale: Locale
  /** The digest's day, `YYYY-MM-DD`, shown in the header. */
  date: string
  /** Longest message, in UTF-16 units of HTML source (default 4,096). */
  maxLength?: number
}

/** The digest for a group: one message, and what the "full list" button is for. */
export interface GroupDigest {
  /** One HTML message of at most `maxLength` characters: one line per story. */
  text: string
  /** Stories listed in `text`. */
  listed: number
  /** Stories left for the full list (it always has them all, with their articles and sentences). */
  omitted: number
  /** Label of the button that opens the full list; the bot attaches the callback data. */
  fullListLabel: string
}

/** Longest title shown, in characters (titles of scraped pages can run long). */
const TITLE_CHARS = 60
/** Articles listed under a story in the full form; the rest are counted. */
const ARTICLES_PER_STORY = 6

/**
 * The script a chat reads the digest's Chinese in: Traditional for zh-Hant,
 * Simplified for zh-Hans, and Simplified for English chats too (the whole digest
 * in one script, whatever script each article was written in).
 */
export function digestScript(locale: Locale): 'zh-Hans' | 'zh-Hant' {
  return locale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans'
}

/**
 * The digest as one group message: a header, then one line per story (name,
 * articles, sources, a read link), best first, as many as fit in `maxLength`;
 * a last line points to the button for the full list when some did not fit.
 * A digest without stories lists its articles instead, one line each.
 */
export function renderGroupDigest(digest: Digest, options: RenderOptions): GroupDigest {
  const { locale } = options
  const max = options.maxLength ?? TELEGRAM_MESSAGE_LIMIT
  const show = (text: string) => escapeHtml(forDisplay(text, digestScript(locale)))
  const fullListLabel = localize(locale, { zh: '📋 完整列表', en: '📋 Full list' })
  const head = header(digest, options)
  const lines: string[] =
    digest.stories.length > 0
      ? digest.stories.map(
          (s, i) => `${i + 1}. <b>${show(s.name)}</b>${continuing(s, locale)} · ${counts(s, locale)} ${readLink(representative(s).id)}`,
        )
      : digest.articles.map((a) => `• ${show(clip(a.title, TITLE_CHARS))} ${readLink(a.id)}`)
  const unit = digest.stories.length > 0 ? { zh: '个报道', en: 'stories' } : { zh: '篇', en: 'articles' }
  const footer = (omitted: number) =>
    localize(locale, {
      zh: `另有 ${omitted} ${unit.zh}，点“完整列表”查看。`,
      en: `${omitted} more ${unit.en} in the full list.`,
    })
  let text = head
  let listed = 0
  for (const line of lines) {
    const rest = lines.length - listed - 1
    const next = `${text}\n${line}`
    // Room for the footer whenever lines remain after this one.
    if (next.length + (rest > 0 ? footer(rest).length + 1 : 0) > max) break
    text = next
    listed++
  }
  const omitted = lines.length - listed
  if (omitted > 0) text += `\n${footer(omitted)}`
  return { text, listed: digest.stories.length > 0 ? listed : 0, omitted: digest.stories.length > 0 ? omitted : 0, fullListLabel }
}

/**
 * The whole digest, for private chats and the "full list" button: each story
 * with its sentence and its articles (near-duplicates on one line, "N 家来源"),
 * then the latest articles outside any story with their summaries; split
 * between blocks into messages of at most `maxLength` characters.
 */
export function renderFullDigest(digest: Digest, options: RenderOptions): string[] {
  const { locale } = options
  const show = (text: string) => escapeHtml(forDisplay(text, digestScript(locale)))
  const blocks: string[] = [header(digest, options)]
  const byId = new Map(digest.articles.map((a) => [a.id, a]))

  if (digest.stories.length > 0) {
    blocks.push(`<b>${localize(locale, { zh: '报道', en: 'Stories' })}</b>`)
    digest.stories.forEach((s, i) => {
      const lines = [`${i + 1}. <b>${show(s.name)}</b>${continuing(s, locale)} — ${counts(s, locale)}`]
      if (s.sentence) lines.push(`<i>${quote(show(s.sentence.text), locale)}</i>`)
      const refs = new Map(s.articles.map((a) => [a.id, a]))
      for (const item of s.items.slice(0, ARTICLES_PER_STORY)) {
        const first = refs.get(item.articleIds[0]!)
        if (!first) continue
        const sources = item.sources > 1 ? ` · ${localize(locale, { zh: `${item.sources} 家来源`, en: `${item.sources} sources` })}` : ''
        lines.push(`  · ${articleLine(first, show, locale)}${sources}`)
      }
      const rest = s.items.length - ARTICLES_PER_STORY
      if (rest > 0) lines.push(`  ${localize(locale, { zh: `…另有 ${rest} 篇`, en: `… and ${rest} more` })}`)
      blocks.push(lines.join('\n'))
    })
  }

  const others = digest.articles.filter((a) => a.storyKey === undefined)
  if (others.length > 0) {
    blocks.push(
      `<b>${localize(locale, digest.stories.length > 0 ? { zh: '其他文章', en: 'Other articles' } : { zh: '文章', en: 'Articles' })}</b>`,
    )
    for (const a of others) {
      const lines = [`• <b>${show(clip(a.title, TITLE_CHARS))}</b>${a.date ? ` · ${escapeHtml(a.date)}` : ''}`]
      const summary = byId.get(a.id)?.summary
      if (summary) lines.push(show(summary))
      lines.push(readLink(a.id))
      blocks.push(lines.join('\n'))
    }
  }
  const more = digest.total - digest.articles.length
  if (more > 0) {
    blocks.push(
      localize(locale, {
        zh: `还有 ${more} 篇未列出，可用 /search 查找。`,
        en: `${more} more not listed — use /search to find them.`,
      }),
    )
  }
  // Blocks are short (titles and sentences are clipped), so they are never cut inside a tag.
  return splitParagraphs(blocks, { toHtml: (html) => html, ...(options.maxLength !== undefined ? { limit: options.maxLength } : {}) })
}

/** The short note a chat gets when a scheduled digest has nothing new (if configured). */
export function renderEmptyDigest(options: RenderOptions): string {
  return localize(options.locale, {
    zh: `📰 ${options.date}：没有新文章。`,
    en: `📰 ${options.date}: no new articles.`,
  })
}

function header(digest: Digest, { locale, date }: RenderOptions): string {
  const title = localize(locale, { zh: '科技新闻日报', en: 'Sci-tech news digest' })
  const n = digest.stories.length
  const summary = localize(locale, {
    zh: `本期 ${digest.total} 篇新文章${n > 0 ? `，${n} 个报道` : ''}。`,
    en: `${digest.total} new article${digest.total === 1 ? '' : 's'}${n > 0 ? `, ${n} stor${n === 1 ? 'y' : 'ies'}` : ''}.`,
  })
  return `📰 <b>${title}</b> · ${escapeHtml(date)}\n${summary}`
}

/** The article a story's line links to: the one its sentence is from, else the most recent. */
function representative(s: DigestStory): ArticleRef {
  return s.articles.find((a) => a.id === s.sentence?.articleId) ?? s.articles[0]!
}

function counts(s: DigestStory, locale: Locale): string {
  const n = s.articles.length
  return localize(locale, {
    zh: `${n} 篇${s.sources > 1 ? ` · ${s.sources} 家来源` : ''}`,
    en: `${n} article${n === 1 ? '' : 's'}${s.sources > 1 ? ` · ${s.sources} sources` : ''}`,
  })
}

function continuing(s: DigestStory, locale: Locale): string {
  if (!s.continuing) return ''
  const k = s.continuing.newArticles
  return localize(locale, { zh: `（续，新增 ${k} 篇）`, en: ` (continued, ${k} new)` })
}

function articleLine(a: ArticleRef, show: (s: string) => string, locale: Locale): string {
  const date = a.date ? (locale === 'en' ? ` (${escapeHtml(a.date)})` : `（${escapeHtml(a.date)}）`) : ''
  return `${show(clip(a.title, TITLE_CHARS))}${date} ${readLink(a.id)}`
}

function quote(text: string, locale: Locale): string {
  return locale === 'zh-Hant' ? `「${text}」` : `“${text}”`
}
