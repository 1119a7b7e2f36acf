import { CLOSING_MARKS } from '../text/sentences.js'
import { findTerms } from './tokenize.js'
import type { Span } from '../text/types.js'
import type { Excerpt } from './types.js'

/**
 * Excerpts: the sentence(s) of an article that best answer a query, cut at
 * sentence or clause boundaries, with the matched spans marked.
 */

/** Target excerpt length in characters. */
export const EXCERPT_MIN = 60
export const EXCERPT_MAX = 200

/** Per-sentence evidence: which query terms occur and where. */
export interface SentenceScore extends Span {
  score: number
  hits: Span[]
  /** Distinct query terms found in the sentence. */
  terms: string[]
}

/**
 * Scores each sentence by the summed weight of the distinct query terms it
 * contains. `weights` maps a term to its importance (idf).
 */
export function scoreSentences(folded: string, sentences: Span[], weights: Map<string, number>): SentenceScore[] {
  // The query's terms are found once in the whole text, then dealt out to sentences
  // (no token ever spans a sentence end).
  const found = findTerms(folded, new Set(weights.keys()))
  let k = 0
  return sentences.map((s) => {
    while (k < found.length && found[k]!.start < s.start) k++
    const seen = new Set<string>()
    const hits: Span[] = []
    let score = 0
    for (; k < found.length && found[k]!.end <= s.end; k++) {
      const t = found[k]!
      hits.push({ start: t.start, end: t.end })
      if (!seen.has(t.term)) {
        seen.add(t.term)
        score += weights.get(t.term)!
      }
    }
    return { start: s.start, end: s.end, score, hits, terms: [...seen] }
  })
}

/**
 * How much a query term found in the article's first sentence counts when
 * choosing the excerpt. The lead names what the article is about, and a
 * question names it too ("1992年4月，罗保铭担任什么职务？"): that tells which
 * article, not which sentence; the rest of the question (1992年4月) does.
 */
export const LEAD_TERM_WEIGHT = 0.2

/**
 * Re-weights sentence scores for choosing the excerpt: a term found in most
 * sentences of the article (its subject, say) says little about which sentence
 * answers, so each term counts by how few sentences hold it, and a term the
 * lead sentence holds counts LEAD_TERM_WEIGHT as much.
 */
export function focusScores(scored: SentenceScore[], weights: Map<string, number>): SentenceScore[] {
  const sf = new Map<string, number>()
  for (const s of scored) for (const t of s.terms) sf.set(t, (sf.get(t) ?? 0) + 1)
  const n = scored.length
  const lead = new Set(scored[0]?.terms ?? [])
  const focus = (t: string) => (lead.has(t) ? LEAD_TERM_WEIGHT : 1) * (weights.get(t) ?? 0) * Math.log(1 + n / (sf.get(t) ?? 1))
  return scored.map((s) => ({ ...s, score: s.terms.reduce((acc, t) => acc + focus(t), 0) }))
}

/** Merges overlapping or touching spans. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }
  return out
}

/**
 * Builds the best excerpt: the highest-scoring sentence (narrowed to the
 * clauses around its matches when it alone is too long), then widened clause
 * by clause within its paragraph until EXCERPT_MAX: an answer usually sits in
 * the matching sentence's tail, the clause after it, or the sentence before
 * (which often names who or what the matching sentence is about).
 */
export function buildExcerpt(text: string, scored: SentenceScore[]): Excerpt | undefined {
  if (scored.length === 0) return undefined
  let best = 0
  for (let i = 1; i < scored.length; i++) if (scored[i]!.score > scored[best]!.score) best = i
  if (scored[best]!.score <= 0) return undefined
  const core = scored[best]!
  let start = core.start
  let end = core.end
  if (end - start > EXCERPT_MAX) [start, end] = narrow(text, start, end, core.hits)
  ;[start, end] = widen(text, start, end, scored)
  // A cut at the next sentence's start leaves the whitespace between them.
  while (end > start && /\s/.test(text[end - 1]!)) end--
  while (start < end && /\s/.test(text[start]!)) start++
  const hits = scored.flatMap((s) => (s.end > start && s.start < end ? s.hits : []))
  const highlights = mergeSpans(hits.filter((h) => h.start >= start && h.end <= end)).map((h) => ({
    start: h.start - start,
    end: h.end - start,
  }))
  return { text: text.slice(start, end), start, end, highlights }
}

const CLAUSE_END = /[，,：:；;。！？!?]/
/** Where an excerpt may start or end inside [from, to]: the given sentence edges and just after clause punctuation. */
function cutPoints(text: string, from: number, to: number, edges: Iterable<number>): number[] {
  const set = new Set<number>()
  for (const e of edges) if (e >= from && e <= to) set.add(e)
  for (let i = from; i < to; i++) {
    if (CLAUSE_END.test(text[i]!)) {
      let j = i + 1
      while (j < to && CLOSING_MARKS.has(text[j]!)) j++
      set.add(j)
    }
  }
  return [...set].sort((a, b) => a - b)
}

/**
 * Widens [start, end) within its paragraph while it stays within EXCERPT_MAX:
 * first to the end of the sentence it is in (never cutting away the tail of
 * the matching sentence), then by whole sentences, next then previous, then
 * by single clauses on either side to use the rest of the budget.
 */
function widen(text: string, start: number, end: number, scored: SentenceScore[]): [number, number] {
  let ps = text.lastIndexOf('\n', start - 1) + 1
  let pe = text.indexOf('\n', end)
  if (pe < 0) pe = text.length
  // Only as far as a full budget could reach.
  ps = Math.max(ps, end - EXCERPT_MAX)
  pe = Math.min(pe, start + EXCERPT_MAX)
  const edges = new Set<number>()
  for (const s of scored) {
    if (s.end < ps) continue
    if (s.start > pe) break
    edges.add(s.start)
    edges.add(s.end)
  }
  const cuts = cutPoints(text, ps, pe, [...edges, start, end])
  let a = cuts.indexOf(start)
  let b = cuts.indexOf(end)
  if (a < 0 || b < 0) return [start, end]
  const fits = (i: number, j: number) => cuts[j]! - cuts[i]! <= EXCERPT_MAX
  // The rest of the sentence holding the match.
  while (b + 1 < cuts.length && fits(a, b + 1) && !edges.has(cuts[b]!)) b++
  // Whole neighbouring sentences.
  const wholeRight = () => {
    for (let j = b + 1; j < cuts.length && fits(a, j); j++) if (edges.has(cuts[j]!)) return ((b = j), true)
    return false
  }
  const wholeLeft = () => {
    for (let i = a - 1; i >= 0 && fits(i, b); i--) if (edges.has(cuts[i]!)) return ((a = i), true)
    return false
  }
  for (;;) {
    const right = wholeRight()
    const left = wholeLeft()
    if (!right && !left) break
  }
  // Single clauses with what is left.
  for (;;) {
    const right = b + 1 < cuts.length && fits(a, b + 1)
    if (right) b++
    const left = a > 0 && fits(a - 1, b)
    if (left) a--
    if (!right && !left) break
  }
  return [cuts[a]!, cuts[b]!]
}

/** Cuts an over-long span to at most EXCERPT_MAX characters at clause boundaries, keeping the densest matches. */
function narrow(text: string, start: number, end: number, hits: Span[]): [number, number] {
  const cuts = cutPoints(text, start, end, [start, end])
  let bestA = start
  let bestB = Math.min(end, start + EXCERPT_MAX)
  let bestScore = -1
  for (let a = 0; a < cuts.length; a++) {
    for (let b = a + 1; b < cuts.length; b++) {
      const s = cuts[a]!
      const e = cuts[b]!
      if (e - s > EXCERPT_MAX) break
      const count = hits.filter((h) => h.start >= s && h.end <= e).length
      if (count > bestScore || (count === bestScore && e - s > bestB - bestA)) {
        bestScore = count
        bestA = s
        bestB = e
      }
    }
  }
  if (bestScore <= 0) {
    // No clause boundary fits: a plain window around the first hit.
    const h = hits[0]
    const s = h ? Math.max(start, Math.min(h.start - 40, end - EXCERPT_MAX)) : start
    return [s, Math.min(end, s + EXCERPT_MAX)]
  }
  return [bestA, bestB]
}
