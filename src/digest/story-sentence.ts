import type { AnalyzedArticle } from './analyze.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { candidateSentences, lengthFactor, spanVector, type SentenceContext } from './summary.js'
import { dot, unit } from './vectors.js'

/** The sentence that stands for a story, in its article's own script. */
export interface StorySentence {
  articleId: string
  text: string
}

/** How story sentences are chosen. */
export const STORY_SENTENCE_RULES = {
  /** Sentences that can stand alone looked at per article (news says what happened first). */
  perArticle: 6,
  /** A sentence this similar to one already chosen for a higher-ranked story repeats it. */
  maxRepeat: 0.5,
  /** Bonus for an article's first sentence that can stand alone (its lead). */
  leadBonus: 1.25,
} as const

/**
 * One sentence per story that says what happened: of the stories' candidate
 * sentences (long enough, no caption, credit or template line), the one
 * closest to what the story's articles have in common. Stories are served in
 * the order given (best first); a sentence closer to another story than to its
 * own, or nearly the same as a sentence already chosen, is passed over, so
 * stories do not repeat each other. A story with no such sentence gets none.
 */
export function storySentences(
  stories: ReadonlyArray<readonly AnalyzedArticle[]>,
  ctx: SentenceContext,
  lex: Lexicon = getLexicon(),
): Array<StorySentence | undefined> {
  const centroids = stories.map((articles) => centroid(articles, ctx))
  const chosen: Array<Map<string, number>> = []
  return stories.map((articles, k) => {
    let best: { sentence: StorySentence; vector: Map<string, number>; score: number } | undefined
    for (const a of articles) {
      for (const [n, c] of candidateSentences(a, ctx, lex).entries()) {
        if (n >= STORY_SENTENCE_RULES.perArticle) break
        const v = unit(spanVector(a, c.start, c.end, ctx.weightOf, lex))
        const own = dot(v, centroids[k]!)
        if (own <= 0) continue
        if (centroids.some((other, j) => j !== k && dot(v, other) > own)) continue
        if (chosen.some((u) => dot(v, u) > STORY_SENTENCE_RULES.maxRepeat)) continue
        const score = own * lengthFactor(c.text) * (n === 0 ? STORY_SENTENCE_RULES.leadBonus : 1)
        if (!best || score > best.score) best = { sentence: { articleId: a.id, text: c.text }, vector: v, score }
      }
    }
    if (!best) return undefined
    chosen.push(best.vector)
    return best.sentence
  })
}

/** What a story's articles say, as a unit vector: the sum of each article's unit vector of weighted words (so long articles do not dominate). */
function centroid(articles: readonly AnalyzedArticle[], ctx: SentenceContext): Map<string, number> {
  const sum = new Map<string, number>()
  for (const a of articles) {
    const v = new Map<string, number>()
    for (const [t, tf] of a.terms) v.set(t, tf * ctx.weightOf(t))
    for (const t of a.titleTerms) v.set(t, (v.get(t) ?? 0) + ctx.weightOf(t))
    for (const [t, w] of unit(v)) sum.set(t, (sum.get(t) ?? 0) + w)
  }
  return unit(sum)
}
