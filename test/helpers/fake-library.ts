/**
 * An in-memory `Library` over a few realistic Chinese articles, for bot tests.
 * Its search is simple but real: the query is cut into keywords (on spaces,
 * punctuation and question words), keywords are matched as substrings after
 * folding Traditional to Simplified, and each hit carries an excerpt with
 * highlight spans. Failures can be switched on to test error handling.
 *
 * @example
 *   const library = new FakeLibrary()
 *   library.failures.search = new Error('index is broken') // next searches throw
 */
import { createHash } from 'node:crypto'
import { detectScript, fold } from '../../src/text/script.js'
import type { AddResult, Library, LibraryStats, ReloadReport } from '../../src/library/types.js'
import type { Article } from '../../src/corpus/article.js'
import type { ArticleMeta, Excerpt, SearchOptions, SearchResult } from '../../src/search/types.js'
import type { Span } from '../../src/text/types.js'

/** What a test article is made of. */
export interface ArticleSeed {
  id: string
  title: string
  date?: string
  source?: string
  paragraphs: string[]
  /** Defaults to a fixed time so digests are deterministic. */
  addedAt?: number
}

/** Simplified: Yellow River ecology work conference. */
export const YELLOW_RIVER: ArticleSeed = {
  id: 'a1b2c3d4',
  title: '黄河流域生态保护科技工作会议在郑州召开',
  date: '2024-03-15',
  source: '河南科技网',
  paragraphs: [
    '3月14日,黄河流域生态保护和高质量发展科技工作会议在郑州召开。会议总结了2023年科技工作成效,部署2024年重点任务。',
    '会议指出,要围绕黄河流域生态保护、水沙调控和盐碱地治理等方向,组织实施一批重大科技项目,推动科技成果在沿黄九省区转化应用。',
    '会议强调,各单位要加强协同创新,完善科技投入机制,培养高水平科技人才队伍。',
  ],
}

/** Traditional: coal geology bureau meeting, also about the Yellow River. */
export const COAL_GEOLOGY: ArticleSeed = {
  id: 'b2c3d4e5',
  title: '中國煤炭地質總局召開科技專題工作會',
  date: '2024-09-29',
  source: '森工機械',
  paragraphs: [
    '9月23日,中國煤炭地質總局黨委書記、科技創新領導小組組長賈春曲主持召開科技專題工作會,深入學習黃河流域生態保護和高質量發展座談會精神。',
    '會議要求,通過科技創新支撐、促進黃河流域生態保護和高質量發展,加快推進採煤沉陷區綜合治理技術攻關。',
  ],
}

/** Copper industry conference in Kunming (Simplified); answers "where was it held?". */
export const COPPER: ArticleSeed = {
  id: 'e5f6a7b8',
  title: '中国铜业召开2024年科技工作会议',
  date: '2024-02-20',
  source: '中国铜业',
  paragraphs: [
    '2月19日,中国铜业在云南昆明召开2024年科技工作会议,总结2023年科技创新工作,安排部署2024年重点工作。',
    '会议提出,要聚焦铜铝铅锌等关键金属,加快绿色冶炼和资源综合利用技术研发。',
  ],
}

/** Hostile markup in the title, source and body: must be shown literally, never interpreted. */
export const HOSTILE: ArticleSeed = {
  id: 'c3d4e5f6',
  title: '<b>量子</b>芯片 & 测控系统 </a> 研讨会',
  date: '2024-05-08',
  source: '<i>科技</i>&日报',
  paragraphs: [
    '研讨会讨论了量子芯片的测控方案 <script>alert(1)</script>,与会专家认为 A&B 两条路线各有优势 </a><a href="x">。',
    '量子芯片测控系统的国产化率已超过 80% & 仍在提升,<b>不是粗体</b>。',
  ],
}

function longParagraphs(): string[] {
  const topics = ['人工智能', '新能源', '生物医药', '新材料', '集成电路', '现代农业', '智能制造', '数字经济']
  const paragraphs: string[] = []
  for (let i = 0; i < 50; i++) {
    const topic = topics[i % topics.length]!
    paragraphs.push(
      `第${i + 1}项:围绕${topic}领域,省科技厅组织实施重大科技专项,支持企业牵头组建创新联合体,` +
        `开展关键核心技术攻关,推动科技成果转化和产业化应用。` +
        `今年计划新增高新技术企业${100 + i}家,建设省级重点实验室${5 + (i % 7)}个,培育科技型中小企业${1000 + i * 10}家。` +
        `同时,加强科技金融服务,完善科技成果评价机制,营造良好创新生态,为高质量发展提供有力支撑。`,
    )
  }
  // One paragraph far over Telegram's 4,096 limit, so it has to be split at sentence boundaries.
  const sentences: string[] = []
  for (let i = 0; i < 90; i++) sentences.push(`第${i + 1}句:加快建设国家创新高地,推动创新链产业链资金链人才链深度融合。`)
  paragraphs.splice(20, 0, sentences.join(''))
  return paragraphs
}

/** A very long article (> 10,000 characters), including one paragraph longer than 4,096. */
export const LONG_REPORT: ArticleSeed = {
  id: 'd4e5f6a7',
  title: '河南省2024年科技创新工作要点',
  date: '2024-01-10',
  source: '河南省科学技术厅',
  paragraphs: longParagraphs(),
}

export const DEFAULT_ARTICLES: ArticleSeed[] = [YELLOW_RIVER, COAL_GEOLOGY, COPPER, HOSTILE, LONG_REPORT]

/** Builds a full `Article` from a seed: text joined by `\n`, paragraph and passage spans, script, hash. */
export function buildArticle(seed: ArticleSeed): Article {
  const text = seed.paragraphs.join('\n')
  const paragraphs: Span[] = []
  let pos = 0
  for (const p of seed.paragraphs) {
    paragraphs.push({ start: pos, end: pos + p.length })
    pos += p.length + 1
  }
  return {
    id: seed.id,
    file: `${seed.id}.txt`,
    title: seed.title,
    ...(seed.date ? { date: seed.date } : {}),
    ...(seed.source ? { source: seed.source } : {}),
    text,
    paragraphs,
    passages: paragraphs.map((s, i) => ({ ...s, paragraph: i })),
    script: detectScript(seed.title + text),
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
}

const QUESTION_WORDS = /的|是|在|了|吗|呢|吧|什么|怎么|怎样|如何|哪里|哪儿|哪些|哪个|为什么|多少|有没有|請問|请问/g

/** Cuts a query into keywords: spaces, punctuation and question words separate them. */
export function keywords(query: string): string[] {
  return fold(query)
    .replace(QUESTION_WORDS, ' ')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((k) => k.length > 0)
}

/** Controls for failure tests: set a field and the matching method throws it. */
export interface FakeLibraryFailures {
  search?: Error
  getArticle?: Error
  reload?: Error
  addArticle?: Error
}

export class FakeLibrary implements Library {
  private articles = new Map<string, Article>()
  private meta = new Map<string, ArticleMeta>()
  /** Switch failures on (and off) from tests. */
  readonly failures: FakeLibraryFailures = {}
  /** Every query `search` received, in order. */
  readonly queries: string[] = []
  reloading = false
  /** What the next `reload()` reports (tests may set it). */
  nextReload: Omit<ReloadReport, 'ms'> = { added: [], changed: [], removed: [], skipped: [] }

  constructor(seeds: ArticleSeed[] = DEFAULT_ARTICLES) {
    for (const seed of seeds) this.put(seed)
  }

  /** Adds (or replaces) an article. */
  put(seed: ArticleSeed): ArticleMeta {
    const article = buildArticle(seed)
    const meta: ArticleMeta = {
      id: article.id,
      file: article.file,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      ...(article.source ? { source: article.source } : {}),
      script: article.script,
      addedAt: seed.addedAt ?? Date.UTC(2024, 0, 1),
    }
    this.articles.set(article.id, article)
    this.meta.set(article.id, meta)
    return meta
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    this.queries.push(query)
    if (this.failures.search) throw this.failures.search
    const limit = options.limit ?? 5
    const offset = options.offset ?? 0
    const terms = keywords(query)
    if (terms.length === 0) return { hits: [], total: 0, outcome: 'empty', missing: [] }
    const scored: Array<{ article: Article; score: number }> = []
    for (const article of this.articles.values()) {
      const title = fold(article.title)
      const text = fold(article.text)
      let score = 0
      for (const t of terms) score += count(title, t) * 3 + count(text, t)
      if (score > 0) scored.push({ article, score })
    }
    scored.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id))
    const hits = scored.slice(offset, offset + limit).map(({ article, score }) => ({
      article: this.meta.get(article.id)!,
      excerpt: excerptFor(article, terms),
      score,
    }))
    return { hits, total: scored.length, outcome: scored.length > 0 ? 'found' : 'no-match', missing: [] }
  }

  getArticle(id: string): Article | undefined {
    if (this.failures.getArticle) throw this.failures.getArticle
    return this.articles.get(id)
  }

  listArticles(): ArticleMeta[] {
    return [...this.meta.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
  }

  async reload(): Promise<ReloadReport> {
    if (this.failures.reload) throw this.failures.reload
    return { ...this.nextReload, ms: 12 }
  }

  async addArticle(bytes: Uint8Array): Promise<AddResult> {
    if (this.failures.addArticle) throw this.failures.addArticle
    const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim()
    const lines = raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
    if (lines.length < 2 || raw.length < 20) return { ok: false, reason: 'article: too short to be an article' }
    const [title, ...paragraphs] = lines as [string, ...string[]]
    const hash = createHash('sha256').update(paragraphs.join('\n')).digest('hex')
    for (const a of this.articles.values()) {
      if (a.contentHash === hash) return { ok: false, reason: 'article: duplicate of an existing article', existing: this.meta.get(a.id)! }
    }
    const id = hash.slice(0, 8)
    const meta = this.put({ id, title, paragraphs, addedAt: Date.UTC(2024, 5, 1) })
    return { ok: true, article: meta, excerpt: paragraphs[0]!.slice(0, 80) }
  }

  async removeArticle(id: string): Promise<ArticleMeta | undefined> {
    const meta = this.meta.get(id)
    this.meta.delete(id)
    this.articles.delete(id)
    return meta
  }

  stats(): LibraryStats {
    let passages = 0
    for (const a of this.articles.values()) passages += a.passages.length
    return { articles: this.articles.size, passages, indexBytes: 4096, heapUsed: 1 << 20, rss: 1 << 21 }
  }
}

function count(haystack: string, needle: string): number {
  let n = 0
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++
  return n
}

const EXCERPT_MAX = 160

/** The passage with the most matches (windowed when long), with every keyword occurrence highlighted. */
function excerptFor(article: Article, terms: string[]): Excerpt {
  const folded = fold(article.text)
  let best = article.passages[0] ?? { start: 0, end: Math.min(article.text.length, EXCERPT_MAX) }
  let bestScore = -1
  for (const p of article.passages) {
    const slice = folded.slice(p.start, p.end)
    const score = terms.reduce((s, t) => s + count(slice, t), 0)
    if (score > bestScore) {
      best = p
      bestScore = score
    }
  }
  let start = best.start
  let end = best.end
  if (end - start > EXCERPT_MAX) {
    const slice = folded.slice(start, end)
    const first = Math.min(...terms.map((t) => slice.indexOf(t)).filter((i) => i >= 0), Infinity)
    const from = Number.isFinite(first) ? Math.max(0, first - 40) : 0
    start += from
    end = Math.min(end, start + EXCERPT_MAX)
  }
  const text = article.text.slice(start, end)
  const foldedExcerpt = folded.slice(start, end)
  const spans: Span[] = []
  for (const t of terms) {
    for (let i = foldedExcerpt.indexOf(t); i !== -1; i = foldedExcerpt.indexOf(t, i + t.length)) {
      spans.push({ start: i, end: i + t.length })
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const highlights: Span[] = []
  for (const s of spans) {
    const last = highlights.at(-1)
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else highlights.push({ ...s })
  }
  return { text, start, end, highlights }
}
