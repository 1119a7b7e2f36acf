import type { AnalyzedArticle } from './analyze.js'

/**
 * In how many documents of a collection each term occurs (title or text): the
 * background a digest measures what is distinctive against. A term that most
 * documents carry (an outlet, a programme, a dateline, a footer, the feed's
 * favourite slogan) weighs next to nothing, whatever general Chinese thinks of it.
 */
export interface DocumentFrequencies {
  /** Documents counted. */
  docs: number
  df: ReadonlyMap<string, number>
}

/**
 * Counts the documents each term occurs in, from each document's distinct
 * terms (`distinctTerms` of an analysed article, or `articleTerms`).
 */
export function documentFrequencies(documents: Iterable<ReadonlySet<string>>): DocumentFrequencies {
  const df = new Map<string, number>()
  let docs = 0
  for (const terms of documents) {
    docs++
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
  }
  return { docs, df }
}

/** The distinct terms of an analysed article: its text's and its title's, and its compounds. */
export function distinctTerms(a: Pick<AnalyzedArticle, 'terms' | 'titleTerms' | 'compounds'>): Set<string> {
  return new Set([...a.terms.keys(), ...a.titleTerms, ...a.compounds])
}

/**
 * Smoothed inverse document frequency, `ln((docs + 1) / (df + 1))`: 0 for a
 * term every document carries, highest for one none of them does.
 */
export function idf(f: DocumentFrequencies, term: string): number {
  return Math.log((f.docs + 1) / ((f.df.get(term) ?? 0) + 1))
}

/** The share of documents that carry a term, from 0 to 1. */
export function share(f: DocumentFrequencies, term: string): number {
  return f.docs === 0 ? 0 : (f.df.get(term) ?? 0) / f.docs
}

/**
 * An even sample of at most `max` items, in their order: the background of a
 * large corpus without reading all of it (segmenting 20,000 articles takes longer
 * than a digest may). Deterministic.
 * @example evenSample([1, 2, 3, 4, 5, 6], 3) // [1, 3, 5]
 */
export function evenSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items]
  const out: T[] = []
  const step = items.length / max
  for (let i = 0; i < max; i++) out.push(items[Math.floor(i * step)]!)
  return out
}
