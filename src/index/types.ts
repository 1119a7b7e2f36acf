/**
 * The domain types of the search index. The index knows nothing of Telegram:
 * `src/bot/` and `src/digest/` depend on these types, never the other way round.
 */

/** Which Chinese script a text is mostly written in. */
export type Script = 'hans' | 'hant'

/** A span of the cleaned article text: `text.slice(start, end)`. */
export interface Span {
  start: number
  end: number
}

/**
 * A passage: a paragraph, or a window of sentences of a long paragraph,
 * with its offsets into the cleaned article text.
 */
export interface Passage extends Span {
  /** Index of the paragraph this passage belongs to. */
  paragraph: number
}

/** An article as read from one file: cleaned text plus what was read about it. */
export interface Article {
  /** Stable short id (derived from the file's path inside the corpus folder), e.g. `a1b2c3d4`. */
  id: string
  /** File name relative to the corpus folder, e.g. `000_a26d11e632a73800.txt`. */
  file: string
  /** Title read from the text, or the file name without extension. */
  title: string
  /** Publication date as `YYYY-MM-DD`, when one could be read. */
  date?: string
  /** Source (来源) when present. */
  source?: string
  /** Cleaned text: boilerplate removed, damage repaired, paragraphs joined by `\n`. Title not repeated. */
  text: string
  /** Paragraph spans into `text`. */
  paragraphs: Span[]
  /** Passages into `text` (paragraphs; long ones split into sentence windows). */
  passages: Passage[]
  /** The script most of the text is written in. */
  script: Script
  /** sha256 (hex) of the cleaned text; equal hashes mean exact duplicates. */
  contentHash: string
}

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

export interface SearchResult {
  hits: SearchHit[]
  /** How many articles matched in all (for "page n/N"). */
  total: number
}

/** The search side of the index, as the bot and the digest see it. */
export interface SearchService {
  search(query: string, options?: SearchOptions): Promise<SearchResult>
  /** The full cleaned article, for reading. */
  getArticle(id: string): Article | undefined
  /** All articles, most recent `date` first. */
  listArticles(): ArticleMeta[]
}

/** A file that could not be indexed, and why. */
export interface SkippedFile {
  file: string
  reason: string
}

export interface ReloadReport {
  added: ArticleMeta[]
  changed: ArticleMeta[]
  removed: ArticleMeta[]
  skipped: SkippedFile[]
  /** Wall time the reload took. */
  ms: number
}

export type AddResult =
  | { ok: true; article: ArticleMeta; excerpt: string }
  | { ok: false; reason: string; existing?: ArticleMeta }

export interface LibraryStats {
  articles: number
  passages: number
  /** Bytes of the persisted index on disk. */
  indexBytes: number
  /** Process heap and RSS, bytes. */
  heapUsed: number
  rss: number
}

/**
 * The corpus as admins manage it: the current index plus the operations that
 * change it. Searches keep being served by the old index while a reload runs.
 */
export interface Library extends SearchService {
  /** Re-reads the corpus folder; only added or changed files are processed. Serialised: a second call waits. */
  reload(): Promise<ReloadReport>
  /** Whether a reload is running now. */
  readonly reloading: boolean
  /** Saves an uploaded article under a generated name and indexes it. */
  addArticle(bytes: Uint8Array): Promise<AddResult>
  /** Deletes an article's file and removes it from the index. */
  removeArticle(id: string): Promise<ArticleMeta | undefined>
  stats(): LibraryStats
}
