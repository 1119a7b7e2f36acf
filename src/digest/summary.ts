import type { AnalyzedArticle } from './analyze.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { clip, hanCount, isBoilerplate } from '../text/sentences.js'

/** Which sentences can stand alone as a summary. */
export const SUMMARY_RULES = {
  /** Fewer ideographs than this is a fragment (a dateline, a heading). */
  minHan: 12,
  /** More than this is a run-on list; used only when nothing shorter qualifies. */
  maxChars: 120,
  /** Longest summary shown, in characters. */
  clipChars: 160,
} as const

const HAN_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$/

/** Word weights of a sentence: TF-IDF over words of two or more ideographs. */
function sentenceVector(a: AnalyzedArticle, start: number, end: number, lex: Lexicon): Map<string, number> {
  const v = new Map<string, number>()
  let i = lowerBound(a.wordStarts, start)
  for (; i < a.words.length && a.wordStarts[i]! < end; i++) {
    const w = a.words[i]!
    if (!HAN_WORD.test(w)) continue
    v.set(w, (v.get(w) ?? 0) + lex.idf(w))
  }
  return v
}

function lowerBound(arr: Int32Array, x: number): number {
  let lo = 0
  let hi = arr.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (arr[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

const centralityCache = new WeakMap<AnalyzedArticle, Float64Array>()

/**
 * How central each sentence is to its article: cosine similarity between the
 * sentence's TF-IDF vector and the rest of the article's. Sentences that are
 * too short, boilerplate or the title repeated score 0. Memoised per article.
 */
export function sentenceCentrality(a: AnalyzedArticle, lex: Lexicon = getLexicon()): Float64Array {
  const cached = centralityCache.get(a)
  if (cached) return cached
  const vectors = a.sentences.map((s) => sentenceVector(a, s.start, s.end, lex))
  const doc = new Map<string, number>()
  for (const v of vectors) for (const [w, x] of v) doc.set(w, (doc.get(w) ?? 0) + x)
  const title = a.folded.slice(0, a.textStart - 1)
  const scores = new Float64Array(a.sentences.length)
  a.sentences.forEach((s, i) => {
    const text = a.original.slice(s.start, s.end)
    if (hanCount(text) < SUMMARY_RULES.minHan || isBoilerplate(text) || !balancedQuotes(text)) return
    if (a.folded.slice(s.start, s.end) === title) return
    let dot = 0
    let ns = 0
    let nr = 0
    const v = vectors[i]!
    for (const [w, x] of v) {
      const rest = doc.get(w)! - x
      dot += x * rest
      ns += x * x
    }
    for (const [w, x] of doc) {
      const rest = x - (v.get(w) ?? 0)
      nr += rest * rest
    }
    if (ns === 0 || nr === 0) return
    scores[i] = dot / Math.sqrt(ns * nr)
  })
  centralityCache.set(a, scores)
  return scores
}

/** A sentence cut out of a quotation (one quote mark without its partner) reads as a fragment. */
function balancedQuotes(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length
  return count(/[“「『]/g) === count(/[”」』]/g)
}

/**
 * The article's most central sentence, in its own script: the extractive
 * one-sentence summary. Prefers sentences of a readable length; falls back to
 * the first real sentence; clipped to `SUMMARY_RULES.clipChars`.
 * @example summarize(analyzeArticle(article)) // '会议全面总结了2023年全市科技创新工作……'
 */
export function summarize(a: AnalyzedArticle, lex: Lexicon = getLexicon()): string {
  const best = bestSentence(a, () => true, lex)
  if (best !== undefined) return best
  const first = a.sentences.find((s) => !isBoilerplate(a.original.slice(s.start, s.end)))
  return first ? clip(a.original.slice(first.start, first.end), SUMMARY_RULES.clipChars) : ''
}

/**
 * The most central sentence among those `accept` lets through (by index),
 * preferring ones no longer than `SUMMARY_RULES.maxChars`. Ties go to the earlier sentence.
 */
export function bestSentence(a: AnalyzedArticle, accept: (index: number) => boolean, lex: Lexicon = getLexicon()): string | undefined {
  const scores = sentenceCentrality(a, lex)
  let best = -1
  let bestScore = 0
  let bestFits = false
  for (let i = 0; i < a.sentences.length; i++) {
    const score = scores[i]!
    if (score <= 0 || !accept(i)) continue
    const s = a.sentences[i]!
    const fits = s.end - s.start <= SUMMARY_RULES.maxChars
    if (best < 0 || (fits && !bestFits) || (fits === bestFits && score > bestScore)) {
      best = i
      bestScore = score
      bestFits = fits
    }
  }
  if (best < 0) return undefined
  const s = a.sentences[best]!
  return clip(a.original.slice(s.start, s.end), SUMMARY_RULES.clipChars)
}
