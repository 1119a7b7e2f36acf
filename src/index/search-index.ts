import MiniSearch from 'minisearch'
import { sentenceSpans } from './excerpt.js'
import { judge, RANKING, type QueryModel } from './rerank.js'
import { fold } from './script.js'
import { indexTerms, parseQuery } from './tokenize.js'
import type { Article, ArticleMeta, SearchHit, SearchOptions, SearchResult, Span } from './types.js'

export { RANKING } from './rerank.js'

/**
 * The search index: MiniSearch (BM25) over whole articles finds candidates,
 * then each candidate's sentences are scored against the query to rerank and
 * to pick the excerpt.
 *
 * MiniSearch stores terms in a radix tree whose insert scans a node's
 * children; CJK bigrams give the root thousands of children, which made
 * adding a token cost ~7 µs. Terms are therefore given short base-32 keys
 * from a dictionary (about 2 µs a token, measured on the benchmark corpus).
 */

interface Entry {
  article: Article
  meta: ArticleMeta
  folded: string
  sentences?: Span[]
}

const B32 = '0123456789abcdefghijklmnopqrstuv'
function keyOf(n: number): string {
  let k = ''
  do {
    k = B32[n & 31] + k
    n >>>= 5
  } while (n)
  return k
}

const MINI_OPTIONS = {
  fields: ['terms'],
  idField: 'id',
  // Documents carry ready-made term keys: no stringify, tokenize or processing.
  stringifyField: (v: unknown) => v as string,
  tokenize: (v: unknown) => v as string[],
  processTerm: (t: string) => t,
  searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t, prefix: false, fuzzy: false },
}

export class SearchIndex {
  private mini = new MiniSearch<{ id: string; terms: string[] }>(MINI_OPTIONS as never)
  private keys = new Map<string, string>()
  private df = new Map<string, number>()
  private entries = new Map<string, Entry>()

  get size(): number {
    return this.entries.size
  }

  /** Adds (or replaces) an article. */
  add(article: Article, meta: ArticleMeta): void {
    if (this.entries.has(article.id)) this.remove(article.id)
    const folded = fold(article.text)
    const titleFolded = fold(article.title)
    // The title counts as text too (its own paragraph for excerpts is not needed: it is shown anyway).
    const terms = indexTerms(titleFolded).concat(indexTerms(folded))
    const distinct = new Set(terms)
    for (const t of distinct) this.df.set(t, (this.df.get(t) ?? 0) + 1)
    const keyed = terms.map((t) => {
      let k = this.keys.get(t)
      if (k === undefined) {
        k = keyOf(this.keys.size)
        this.keys.set(t, k)
      }
      return k
    })
    this.mini.add({ id: article.id, terms: keyed })
    this.entries.set(article.id, { article, meta, folded })
  }

  /** Removes an article; unknown ids are ignored. */
  remove(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    for (const t of new Set(indexTerms(fold(entry.article.title)).concat(indexTerms(entry.folded)))) {
      const n = (this.df.get(t) ?? 1) - 1
      if (n <= 0) this.df.delete(t)
      else this.df.set(t, n)
    }
    this.mini.discard(id)
    this.entries.delete(id)
  }

  getArticle(id: string): Article | undefined {
    return this.entries.get(id)?.article
  }

  getMeta(id: string): ArticleMeta | undefined {
    return this.entries.get(id)?.meta
  }

  metas(): ArticleMeta[] {
    return [...this.entries.values()].map((e) => e.meta)
  }

  articles(): Article[] {
    return [...this.entries.values()].map((e) => e.article)
  }

  private idf(term: string): number {
    const n = this.entries.size
    const df = this.df.get(term) ?? 0
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, Math.min(options.limit ?? 5, 100))
    const offset = Math.max(0, options.offset ?? 0)
    const parsed = parseQuery(query)
    if (parsed.terms.length === 0 || this.entries.size === 0) return { hits: [], total: 0 }
    const weights = new Map<string, number>()
    for (const t of parsed.terms) weights.set(t, this.idf(t))
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0)
    const known = parsed.terms.map((t) => this.keys.get(t)).filter((k): k is string => k !== undefined)
    if (known.length === 0) return { hits: [], total: 0 }
    const candidates = this.mini.search({ queries: known, combineWith: 'OR' } as never, { bm25: { k: RANKING.k, b: RANKING.b, d: RANKING.d } }).slice(0, RANKING.candidates)
    const top = candidates[0]?.score ?? 1
    const model: QueryModel = { parsed, weights, totalWeight }
    const ranked: Array<SearchHit & { rank: number }> = []
    for (const c of candidates) {
      const entry = this.entries.get(c.id as string)
      if (!entry) continue
      entry.sentences ??= sentenceSpans(entry.article.text)
      const judged = judge(model, { text: entry.article.text, folded: entry.folded, sentences: entry.sentences, bm25: c.score / top })
      if (!judged) continue
      ranked.push({ article: entry.meta, excerpt: judged.excerpt, score: Math.round(judged.rank * 1000) / 1000, rank: judged.rank })
    }
    ranked.sort((a, b) => b.rank - a.rank || a.article.id.localeCompare(b.article.id))
    return {
      hits: ranked.slice(offset, offset + limit).map(({ rank: _rank, ...hit }) => hit),
      total: ranked.length,
    }
  }
}
