import { tokensWithPositions } from './tokenize.js'
import type { Excerpt, Span } from './types.js'

/**
 * Excerpts: the sentence(s) of an article that best answer a query, cut at
 * sentence or clause boundaries, with the matched spans marked.
 */

/** Target excerpt length in characters. */
export const EXCERPT_MIN = 60
export const EXCERPT_MAX = 200

const SENTENCE_END = /[。！？!?；;\n]/
const CLOSERS = /[”’」』）)"']/

/** Sentence spans of `text` (ends after 。！？; and any closing quotes; newlines end sentences too). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    if (SENTENCE_END.test(text[i]!)) {
      let end = i + 1
      while (end < n && CLOSERS.test(text[end]!)) end++
      if (text.slice(start, end).trim()) spans.push(trimSpan(text, start, end))
      start = end
      i = end - 1
    }
  }
  if (start < n && text.slice(start).trim()) spans.push(trimSpan(text, start, n))
  return spans
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

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
  return sentences.map((s) => {
    const seen = new Set<string>()
    const hits: Span[] = []
    let score = 0
    for (const t of tokensWithPositions(folded.slice(s.start, s.end))) {
      const w = weights.get(t.term)
      if (w === undefined) continue
      hits.push({ start: s.start + t.start, end: s.start + t.end })
      if (!seen.has(t.term)) {
        seen.add(t.term)
        score += w
      }
    }
    return { start: s.start, end: s.end, score, hits, terms: [...seen] }
  })
}

/**
 * Re-weights sentence scores for choosing the excerpt: a term found in most
 * sentences of the article (its subject, say) says little about which sentence
 * answers, so each term counts by how few sentences hold it.
 */
export function focusScores(scored: SentenceScore[], weights: Map<string, number>): SentenceScore[] {
  const sf = new Map<string, number>()
  for (const s of scored) for (const t of s.terms) sf.set(t, (sf.get(t) ?? 0) + 1)
  const n = scored.length
  return scored.map((s) => ({
    ...s,
    score: s.terms.reduce((acc, t) => acc + (weights.get(t) ?? 0) * Math.log(1 + n / (sf.get(t) ?? 1)), 0),
  }))
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
 * Builds the best excerpt: the highest-scoring sentence, widened with its
 * neighbours up to EXCERPT_MAX (the answer often sits just after the sentence
 * that repeats the question's words), or narrowed to the clauses around the
 * matches when the sentence alone is too long.
 */
export function buildExcerpt(text: string, folded: string, scored: SentenceScore[]): Excerpt | undefined {
  if (scored.length === 0) return undefined
  let best = 0
  for (let i = 1; i < scored.length; i++) if (scored[i]!.score > scored[best]!.score) best = i
  if (scored[best]!.score <= 0) return undefined
  let first = best
  let last = best
  const len = () => scored[last]!.end - scored[first]!.start
  // Widen: next sentence first (answers tend to follow), then previous, while it fits.
  for (;;) {
    const next = last + 1 < scored.length ? scored[last + 1]! : undefined
    const prev = first > 0 ? scored[first - 1]! : undefined
    const canNext = next && next.end - scored[first]!.start <= EXCERPT_MAX && sameParagraph(text, scored[last]!, next)
    const canPrev = prev && scored[last]!.end - prev.start <= EXCERPT_MAX && sameParagraph(text, prev, scored[first]!)
    if (len() >= EXCERPT_MIN && !(next && next.score > 0 && canNext)) break
    if (canNext) last++
    else if (canPrev && len() < EXCERPT_MIN) first--
    else break
  }
  let start = scored[first]!.start
  let end = scored[last]!.end
  const hits = scored.slice(first, last + 1).flatMap((s) => s.hits)
  if (end - start > EXCERPT_MAX) [start, end] = narrow(text, start, end, hits)
  const highlights = mergeSpans(hits.filter((h) => h.start >= start && h.end <= end)).map((h) => ({
    start: h.start - start,
    end: h.end - start,
  }))
  return { text: text.slice(start, end), start, end, highlights }
}

function sameParagraph(text: string, a: Span, b: Span): boolean {
  return !text.slice(a.end, b.start).includes('\n')
}

const CLAUSE_END = /[，,、：:；;。！？!?]/

/** Cuts an over-long span to at most EXCERPT_MAX characters at clause boundaries, keeping the densest matches. */
function narrow(text: string, start: number, end: number, hits: Span[]): [number, number] {
  // Clause boundaries inside the span.
  const cuts = [start]
  for (let i = start; i < end; i++) if (CLAUSE_END.test(text[i]!)) cuts.push(i + 1)
  if (cuts[cuts.length - 1] !== end) cuts.push(end)
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
