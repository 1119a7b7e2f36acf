import type { Article } from '../corpus/article.js'
import type { ArticleMeta } from '../search/types.js'
import { analyzeArticle, type AnalyzedArticle } from './analyze.js'
import { summarize } from './summary.js'
import { extractThemes, THEME_DEFAULTS } from './themes.js'

/** An article as a digest mentions it: enough to show it and link to `/read`. */
export interface ArticleRef {
  id: string
  title: string
  date?: string
}

/** An article listed in a digest, with its one-sentence summary. */
export interface DigestArticle extends ArticleRef {
  /** The article's most central sentence, in its own script. */
  summary: string
}

/** A theme as shown in a digest. */
export interface DigestTheme {
  /** The phrase, in Simplified script (the renderer converts). */
  phrase: string
  /** How many of the digest's articles (within the theme window) carry it. */
  articleCount: number
  /** The most recent of them. */
  articles: ArticleRef[]
  /** One sentence containing the phrase, in its article's script. */
  sentence?: string
}

/** What one digest says: its themes and its articles. Pure data, rendered per chat. */
export interface Digest {
  /** How many new articles the digest covers. */
  total: number
  /** How many of them (the most recent) the themes were computed over. */
  themeWindow: number
  themes: DigestTheme[]
  /** The most recent articles, with summaries. */
  articles: DigestArticle[]
}

export interface DigestOptions {
  /** Articles listed with a summary (default 8). */
  maxArticles?: number
  /** Themes shown (default 6). */
  maxThemes?: number
  /** Articles named under each theme (default 3). */
  articlesPerTheme?: number
  /**
   * Themes are computed over at most this many of the most recent new articles
   * (default 2,000): a daily digest has far fewer, and a first digest over a
   * large corpus stays fast while still reflecting what is being written now.
   */
  themeWindow?: number
}

/** Defaults for `buildDigest`. */
export const DIGEST_DEFAULTS: Required<DigestOptions> = {
  maxArticles: 8,
  maxThemes: THEME_DEFAULTS.maxThemes,
  articlesPerTheme: 3,
  themeWindow: 2000,
}

/** Analyses an article; `createAnalysisCache` gives a memoising one. */
export type Analyze = (article: Article) => AnalyzedArticle

/**
 * The articles a digest covers: those added after `since` (all of them when
 * `since` is undefined — a chat's first digest), most recent first (by date,
 * then by when they were added, then id, so the order is stable).
 */
export function selectArticles(metas: readonly ArticleMeta[], since: number | undefined): ArticleMeta[] {
  return metas
    .filter((m) => since === undefined || m.addedAt > since)
    .sort((a, b) => cmp(b.date ?? '', a.date ?? '') || b.addedAt - a.addedAt || cmp(a.id, b.id))
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Builds a digest from articles given most recent first. `total` is how many
 * articles the digest covers when more were selected than passed (the caller
 * passes at most `themeWindow`). Pure and deterministic.
 * @example buildDigest(articles).themes[0].phrase // '科技创新'
 */
export function buildDigest(
  articles: readonly Article[],
  options: DigestOptions = {},
  total = articles.length,
  analyze: Analyze = analyzeArticle,
): Digest {
  const o = { ...DIGEST_DEFAULTS, ...options }
  const window = articles.slice(0, o.themeWindow).map((a) => analyze(a))
  const refs = new Map(window.map((a) => [a.id, ref(a)]))
  const themes = extractThemes(window, { maxThemes: o.maxThemes }).map((t) => ({
    phrase: t.phrase,
    articleCount: t.articleIds.length,
    articles: t.articleIds.slice(0, o.articlesPerTheme).map((id) => refs.get(id)!),
    ...(t.sentence ? { sentence: t.sentence.text } : {}),
  }))
  const listed = window.slice(0, o.maxArticles).map((a) => ({ ...ref(a), summary: summarize(a) }))
  return { total: Math.max(total, articles.length), themeWindow: window.length, themes, articles: listed }
}

function ref(a: AnalyzedArticle): ArticleRef {
  return { id: a.id, title: a.title, ...(a.date !== undefined ? { date: a.date } : {}) }
}

/**
 * A memoising `Analyze`: an article is analysed once per content (keyed by id
 * and content hash), so daily digests and the many chats sharing one digest
 * do not segment the same text again. Keeps at most `max` analyses.
 */
export function createAnalysisCache(max = 5000): Analyze {
  const cache = new Map<string, AnalyzedArticle>()
  return (article) => {
    const key = `${article.id}:${article.contentHash}`
    const hit = cache.get(key)
    if (hit) {
      // Refresh recency: Map iteration order is insertion order.
      cache.delete(key)
      cache.set(key, hit)
      return hit
    }
    const analysed = analyzeArticle(article)
    cache.set(key, analysed)
    if (cache.size > max) cache.delete(cache.keys().next().value!)
    return analysed
  }
}
