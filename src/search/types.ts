/**
 * The search side: what a query returns. Knows nothing of Telegram; `src/bot/`
 * and `src/digest/` depend on these types, never the other way round.
 */

import type { Article } from '../corpus/article.js'
import type { Script, Span } from '../text/types.js'

/** What list views need of an article (no text). */
export interface ArticleMeta {
  id: string
  file: string
  title: string
  date?: string
  source?: string
  script: Script
  /** When this article was first indexed (ms since epoch); the digest uses it. */
  addedAt: number
}

/** The best excerpt of an article for a query, with the matched spans marked. */
export interface Excerpt {
  /** The excerpt text, in the article's original script. */
  text: string
  /** Offsets of the excerpt into `Article.text`. */
  start: number
  end: number
  /** Matched spans, relative to `text`, sorted and non-overlapping. */
  highlights: Span[]
}

/** One ranked search result. */
export interface SearchHit {
  article: ArticleMeta
  excerpt: Excerpt
  score: number
}

export interface SearchOptions {
  /** How many hits to return (default 5). */
  limit?: number
  /** How many hits to skip (for pagination; default 0). */
  offset?: number
}

/**
 * Why a search found what it found:
 * - `found`: `hits` holds results (on this page or another);
 * - `empty`: the query names nothing to search for (punctuation, emoji, only question words);
 * - `no-match`: no article holds any of the query's words or terms;
 * - `unanswered`: some articles share a word or two with the query, but none holds enough of
 *   what it names to answer it (an off-topic question such as 湖人对勇士的比分 over science news).
 *   The bot can say that nothing here is about `missing`, rather than suggest shorter keywords.
 */
export type SearchOutcome = 'found' | 'empty' | 'no-match' | 'unanswered'

export interface SearchResult {
  hits: SearchHit[]
  /** How many articles matched in all (for "page n/N"). */
  total: number
  outcome: SearchOutcome
  /**
   * The query's words no candidate article holds, most specific first, folded to Simplified
   * (e.g. ['湖人']); empty when every word was found somewhere.
   */
  missing: string[]
  /**
   * When nothing answers, the word the best article on the question never names though the
   * question asks it (妻子 of 叶光富的妻子是做什么的, 神舟二十号), folded: the bot can say the
   * articles on the topic do not tell it.
   */
  unsaid?: string
  /**
   * When nothing answers, the word the best article on the question names only to say it is
   * not known yet (原因 of 起火原因正在调查中), folded: the bot can say the reports do not know it yet.
   */
  unknown?: string
}

/** The search side of the index, as the bot and the digest see it. */
export interface SearchService {
  search(query: string, options?: SearchOptions): Promise<SearchResult>
  /** The full cleaned article, for reading. */
  getArticle(id: string): Article | undefined
  /** All articles, most recent `date` first. */
  listArticles(): ArticleMeta[]
}
