import type { AnalyzedArticle } from './analyze.js'
import { specificity } from './analyze.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { bestSentence, SUMMARY_RULES } from './summary.js'
import { clip, isBoilerplate } from '../text/sentences.js'

/** A phrase that runs across several articles. */
export interface Theme {
  /** The phrase, folded to Simplified script, e.g. `高质量发展`. */
  phrase: string
  /** Overlapping phrases merged into this one (高质量 into 高质量发展), most specific first. */
  variants: string[]
  /** Ids of the articles that use the phrase (or a more specific variant), in the order the articles were given (most recent first). */
  articleIds: string[]
  /** One sentence containing the phrase, in its article's own script. */
  sentence?: { articleId: string; text: string }
  /** Rank score: articles × specificity. */
  score: number
}

export interface ThemeOptions {
  /** Most themes returned (default 6). */
  maxThemes?: number
  /** A theme must be shared by at least this many articles (default 2). */
  minArticles?: number
}

/** Defaults for `extractThemes`. */
export const THEME_DEFAULTS: Required<ThemeOptions> = { maxThemes: 6, minArticles: 2 }

/** Two partly overlapping phrases merge when their articles overlap this much (Jaccard). */
const MERGE_JACCARD = 0.5

/**
 * Finds the themes of a set of articles: key phrases (in one script) shared by
 * several of them, ranked by how many share them times how specific the phrase
 * is against general Chinese, with overlapping phrases merged. Pure and
 * deterministic: ties are broken by phrase.
 * @example extractThemes(articles.map(analyzeArticle))[0].phrase // '科技创新'
 */
export function extractThemes(articles: readonly AnalyzedArticle[], options: ThemeOptions = {}, lex: Lexicon = getLexicon()): Theme[] {
  const { maxThemes, minArticles } = { ...THEME_DEFAULTS, ...options }
  if (articles.length < minArticles) return []

  // 1. Count candidate phrases per article (each article counts once). Counting the
  //    segmenter's phrases, not substrings, keeps fragments (尼亚 in 罗马尼亚) from counting.
  const counts = new Map<string, number>()
  for (const a of articles) for (const p of a.phrases) counts.set(p, (counts.get(p) ?? 0) + 1)

  // 2. Rank by articles × specificity.
  const ranked: Array<{ phrase: string; score: number; n: number }> = []
  for (const [phrase, n] of counts) {
    if (n >= minArticles) ranked.push({ phrase, n, score: n * specificity(phrase, lex) })
  }
  ranked.sort(byScoreThenPhrase)

  // 3. Greedy selection; an overlapping candidate merges into the theme already chosen.
  //    Only a few hundred candidates are ever looked at: the rest cannot outrank the chosen themes.
  const themes: Chosen[] = []
  const membersOf = (phrase: string) => articles.filter((a) => a.phrases.has(phrase)).map((a) => a.id)
  for (const c of ranked.slice(0, CANDIDATES)) {
    const ids = membersOf(c.phrase)
    const host = themes.find((t) => overlaps(t, c.phrase, ids))
    if (host) {
      host.variants.push(c.phrase)
      // A more specific form (高质量发展 for 高质量) adds its articles to the theme.
      if (c.phrase.includes(host.phrase)) for (const id of ids) host.set.add(id)
      continue
    }
    if (themes.length < maxThemes) themes.push({ phrase: c.phrase, variants: [], score: c.score, set: new Set(ids) })
  }

  const order = new Map(articles.map((a, i) => [a.id, i]))
  const byId = new Map(articles.map((a) => [a.id, a]))
  const used = new Set<string>()
  return themes.map(({ set, ...t }) => {
    const articleIds = [...set].sort((x, y) => order.get(x)! - order.get(y)!)
    const sentence = representativeSentence(t.phrase, articleIds, byId, used, lex)
    if (sentence) used.add(sentence.text)
    return { ...t, articleIds, ...(sentence ? { sentence } : {}) }
  })
}

/** How many of the best-ranked candidates the greedy selection considers. */
const CANDIDATES = 400

interface Chosen {
  phrase: string
  variants: string[]
  score: number
  set: Set<string>
}

function byScoreThenPhrase(a: { phrase: string; score: number }, b: { phrase: string; score: number }): number {
  return b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0)
}

/** Containment always merges (高质量 / 高质量发展); a partial overlap (黄河流域生态保护 / 生态保护和高质量发展) merges when the same articles carry both. */
function overlaps(t: Chosen, phrase: string, ids: readonly string[]): boolean {
  const phrases = [t.phrase, ...t.variants]
  if (phrases.some((p) => p.includes(phrase) || phrase.includes(p))) return true
  if (!phrases.some((p) => endOverlap(p, phrase) >= 2 || endOverlap(phrase, p) >= 2)) return false
  let both = 0
  for (const id of ids) if (t.set.has(id)) both++
  return both / (t.set.size + ids.length - both) >= MERGE_JACCARD
}

/** Length of the longest suffix of `a` that is a prefix of `b`. */
function endOverlap(a: string, b: string): number {
  for (let n = Math.min(a.length, b.length) - 1; n > 0; n--) if (a.endsWith(b.slice(0, n))) return n
  return 0
}

/**
 * The most central sentence containing the phrase, from the first of the
 * theme's articles that has one; a sentence already standing for an earlier
 * theme is passed over so each theme shows something new.
 */
function representativeSentence(
  phrase: string,
  ids: readonly string[],
  byId: ReadonlyMap<string, AnalyzedArticle>,
  used: ReadonlySet<string>,
  lex: Lexicon,
): { articleId: string; text: string } | undefined {
  let fallback: { articleId: string; text: string } | undefined
  for (const id of ids.slice(0, 20)) {
    const a = byId.get(id)!
    const contains = (i: number) => {
      const s = a.sentences[i]!
      return a.folded.slice(s.start, s.end).includes(phrase) && !used.has(clip(a.original.slice(s.start, s.end), SUMMARY_RULES.clipChars))
    }
    const text = bestSentence(a, contains, lex)
    if (text !== undefined) return { articleId: id, text }
    if (!fallback) {
      const s = a.sentences.find((_, i) => contains(i) && !isBoilerplate(a.original.slice(a.sentences[i]!.start, a.sentences[i]!.end)))
      if (s) fallback = { articleId: id, text: clip(a.original.slice(s.start, s.end), SUMMARY_RULES.clipChars) }
    }
  }
  if (fallback) return fallback
  // Only titles carry it: the newest such title stands for the theme.
  const first = byId.get(ids[0] ?? '')
  return first ? { articleId: first.id, text: clip(first.title, SUMMARY_RULES.clipChars) } : undefined
}
