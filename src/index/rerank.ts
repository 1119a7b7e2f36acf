import { buildExcerpt, focusScores, scoreSentences } from './excerpt.js'
import type { ParsedQuery } from './tokenize.js'
import type { Excerpt, Span } from './types.js'

/**
 * The second stage of a search: each BM25 candidate is judged on its own
 * sentences — how much of the query its best sentence holds and how much of
 * the query the article holds at all — and its excerpt is chosen. Pure: it
 * sees the query and one candidate, nothing of the index.
 */

/** Ranking parameters, visible in one place. */
export const RANKING: Record<'candidates' | 'sentenceWeight' | 'coverageWeight' | 'minCoverage' | 'k' | 'b' | 'd', number> = {
  /** BM25 parameters of the candidate search (MiniSearch's defaults are k 1.2, b 0.7, d 0.5). */
  k: 1.2,
  b: 0.7,
  d: 0.5,
  /** How many BM25 candidates are reranked. */
  candidates: 50,
  /** Weight of the best sentence's share of the query (0..1) against normalised BM25 (0..1). */
  sentenceWeight: 0.6,
  /** Weight of the share of the query's weight found anywhere in the article. */
  coverageWeight: 0.4,
  /** An article must contain at least this share of the query's weight to be a result. */
  minCoverage: 0.15,
}

/** The query as the reranker sees it: parsed, with a weight (idf) per term. */
export interface QueryModel {
  parsed: ParsedQuery
  /** Weight of each query term (its idf in the corpus). */
  weights: Map<string, number>
  /** Sum of the weights. */
  totalWeight: number
}

/** One BM25 candidate. */
export interface Candidate {
  /** Cleaned article text (what excerpts are cut from). */
  text: string
  /** `fold(text)`: same length, one script. */
  folded: string
  /** `sentenceSpans(text)`, computed once per article by the caller. */
  sentences: Span[]
  /** The candidate's BM25 score, normalised by the best candidate's (0..1]. */
  bm25: number
}

export interface Judgement {
  /** Final ranking score (higher is better). */
  rank: number
  excerpt: Excerpt
}

/** Judges one candidate; undefined when it holds too little of the query to be a result. */
export function judge(query: QueryModel, c: Candidate): Judgement | undefined {
  const { weights, totalWeight } = query
  if (totalWeight <= 0) return undefined
  const scored = scoreSentences(c.folded, c.sentences, weights)
  // Every term found by the sentence scorer is in the text: coverage needs no second scan.
  const present = new Set<string>()
  for (const s of scored) for (const t of s.terms) present.add(t)
  let coverage = 0
  for (const [t, w] of weights) if (present.has(t)) coverage += w
  coverage /= totalWeight
  if (coverage < RANKING.minCoverage) return undefined
  const excerpt = buildExcerpt(c.text, c.folded, focusScores(scored, weights))
  if (!excerpt) return undefined
  let best = 0
  for (const s of scored) if (s.score > best) best = s.score
  const rank = c.bm25 + RANKING.sentenceWeight * (best / totalWeight) + RANKING.coverageWeight * coverage
  return { rank, excerpt }
}
