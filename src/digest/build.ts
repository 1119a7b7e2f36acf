import type { Article } from '../corpus/article.js'
import type { ArticleMeta } from '../search/types.js'
import { analyzeArticle, articleTerms, type AnalyzedArticle } from './analyze.js'
import { documentFrequencies, evenSample, type DocumentFrequencies } from './frequencies.js'
import { detectStories, type StoryItem } from './stories.js'
import type { StorySentence } from './story-sentence.js'
import { summarize } from './summary.js'

/** An article as a digest mentions it: enough to show it and link to `/read`. */
export interface ArticleRef {
  id: string
  /** File name relative to the corpus folder. */
  file: string
  title: string
  date?: string
  source?: string
}

/** An article a digest shows, with its one-sentence summary. */
export interface DigestArticle extends ArticleRef {
  /** The article's most central sentence, in its own script. */
  summary: string
  /** The story it is listed under, if any. */
  storyKey?: string
}

/** A story as a digest shows it. */
export interface DigestStory {
  /** Stable key (from the story's earliest article): what a chat's record of shown stories keeps. */
  key: string
  /** Its name from its distinctive words, in Simplified script (the renderer converts). */
  name: string
  /** Its most distinctive words (folded), best first. */
  terms: string[]
  /** The sentence that says what happened, in its article's script. */
  sentence?: StorySentence
  /** Every article of the story, most recent first. */
  articles: ArticleRef[]
  /** Near-duplicate groups ("N 家来源"), most recent first. */
  items: StoryItem[]
  /** Distinct sources across its articles. */
  sources: number
  /** Date of its most recent article. */
  latest?: string
  /** Set when the chat was shown this story before: how many of its articles are new since. */
  continuing?: { newArticles: number }
}

/** What one digest says: its stories and its articles. Pure data, rendered per chat. */
export interface Digest {
  /** How many new articles the digest covers. */
  total: number
  /** How many of them (the most recent) the stories were found in. */
  window: number
  /** Stories, best first. */
  stories: DigestStory[]
  /** Every article the digest shows: the stories' articles (in story order), then the latest others. */
  articles: DigestArticle[]
}

export interface DigestOptions {
  /** Stories shown at most (default 50: a three-week window holds about 40; the group message is cut to fit anyway). */
  maxStories?: number
  /** Articles outside any story listed (the most recent; default 8). */
  otherArticles?: number
  /**
   * Stories are found in at most this many of the most recent new articles
   * (default 2,000): a daily digest has far fewer, and a first digest over a
   * large corpus stays fast while still reflecting what is being written now.
   */
  themeWindow?: number
  /** Fewest articles of a story (default: grows with the window, see `detectStories`). */
  minArticles?: number
  /**
   * In how many documents of the corpus each term occurs (`corpusBackground`):
   * what the window's articles are measured against. Without it, only the window.
   */
  background?: DocumentFrequencies
}

/** Defaults for `buildDigest`. */
export const DIGEST_DEFAULTS = {
  maxStories: 50,
  otherArticles: 8,
  themeWindow: 2000,
  /** Corpus articles read for the background (an even sample of larger corpora). */
  backgroundSample: 3000,
} as const

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

/**
 * The articles published in `[from, to]` (dates inclusive, `YYYY-MM-DD`), most
 * recent first; articles without a date are in no window.
 */
export function articlesInWindow<T extends Pick<ArticleRef, 'id' | 'date'>>(articles: readonly T[], from: string, to: string): T[] {
  return articles
    .filter((a) => a.date !== undefined && a.date >= from && a.date <= to)
    .sort((a, b) => cmp(b.date!, a.date!) || cmp(a.id, b.id))
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The corpus background: document frequencies over an even sample of at most
 * `max` of its articles, taken in id order so that the same articles give the
 * same background whichever order they were loaded in (ids are hashes, so this
 * order mixes dates and sources). Outlets, programmes, datelines and the feed's
 * slogans are what most of them carry.
 */
export function corpusBackground(
  articles: ReadonlyArray<Pick<Article, 'id' | 'title' | 'text'>>,
  max: number = DIGEST_DEFAULTS.backgroundSample,
): DocumentFrequencies {
  const byId = [...articles].sort((a, b) => cmp(a.id, b.id))
  return documentFrequencies(evenSample(byId, max).map((a) => articleTerms(a)))
}

/**
 * Builds a digest from articles given most recent first: finds the stories
 * (see `detectStories`), gives each a sentence, summarises every article it
 * shows. `total` is how many articles the digest covers when more were
 * selected than passed (the caller passes at most `themeWindow`). Pure and deterministic.
 * @example buildDigest(articles, { background }).stories[0].name // '嫦娥六号'
 */
export function buildDigest(
  articles: readonly Article[],
  options: DigestOptions = {},
  total = articles.length,
  analyze: Analyze = analyzeArticle,
): Digest {
  const o = { ...DIGEST_DEFAULTS, ...options }
  const window = articles.slice(0, o.themeWindow).map((a) => analyze(a))
  const byId = new Map(window.map((a) => [a.id, a]))
  const { stories, context } = detectStories(window, o.background, {
    maxStories: o.maxStories,
    ...(o.minArticles !== undefined ? { minArticles: o.minArticles } : {}),
  })
  const shown: DigestArticle[] = []
  const inStory = new Set<string>()
  const digestStories: DigestStory[] = stories.map((s) => {
    for (const id of s.articleIds) {
      inStory.add(id)
      const a = byId.get(id)!
      shown.push({ ...ref(a), summary: summarize(a, context), storyKey: s.key })
    }
    // Without a sentence of its own (every candidate closer to another story), the newest article's summary says what happened.
    const newest = shown.find((x) => x.storyKey === s.key && x.summary !== '')
    const sentence = s.sentence ?? (newest ? { articleId: newest.id, text: newest.summary } : undefined)
    return {
      key: s.key,
      name: s.name,
      terms: s.terms,
      ...(sentence ? { sentence } : {}),
      articles: s.articleIds.map((id) => ref(byId.get(id)!)),
      items: s.items,
      sources: s.sources,
      ...(s.latest !== undefined ? { latest: s.latest } : {}),
    }
  })
  for (const a of window.filter((x) => !inStory.has(x.id)).slice(0, o.otherArticles))
    shown.push({ ...ref(a), summary: summarize(a, context) })
  return { total: Math.max(total, articles.length), window: window.length, stories: digestStories, articles: shown }
}

function ref(a: AnalyzedArticle): ArticleRef {
  return {
    id: a.id,
    file: a.file,
    title: a.title,
    ...(a.date !== undefined ? { date: a.date } : {}),
    ...(a.source !== undefined ? { source: a.source } : {}),
  }
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
