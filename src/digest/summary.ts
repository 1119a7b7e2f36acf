import { wordRange, contentTerms, type AnalyzedArticle } from './analyze.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { dot } from './vectors.js'
import { clip, hanCount, isBoilerplate } from '../text/sentences.js'

/** Which sentences can stand alone as a summary or a story's sentence. */
export const SUMMARY_RULES = {
  /** Fewer ideographs than this is a fragment (a dateline, a heading). */
  minHan: 12,
  /** More than this is a run-on list; used only when nothing shorter qualifies. */
  maxChars: 120,
  /** Longest summary shown, in characters. */
  clipChars: 160,
  /** A sentence (digits aside) that at least this many articles of the window carry is a template line (footer, share line). */
  minRecurring: 3,
} as const

/**
 * What the window tells about its sentences: which lines recur across
 * articles (footers, share and editor lines: never a summary), and how much
 * each word says (the story weights, so a sentence made of the outlet, the
 * programme and the feed's slogans scores nothing).
 */
export interface SentenceContext {
  /** `sentenceKey`s of sentences that several articles of the window carry. */
  recurring: ReadonlySet<string>
  /** How much a term says about a story (story detection's weights); 0 for what most of the window carries. */
  weightOf: (term: string) => number
  /** Whether a term is one that a large share of the window or the corpus carries (an outlet, a programme, a dateline word). */
  isCommon: (term: string) => boolean
}

/** A sentence's identity for spotting template lines: folded, digits and spaces ignored. */
export function sentenceKey(folded: string): string {
  return folded.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '0')
}

/**
 * The `sentenceKey`s that at least `SUMMARY_RULES.minRecurring` groups carry
 * (and at least a tenth of them): what every article of a feed repeats.
 * Groups are near-duplicate groups, so one report copied by three outlets does not count thrice.
 */
export function recurringSentences(groups: ReadonlyArray<readonly AnalyzedArticle[]>): Set<string> {
  const count = new Map<string, number>()
  for (const group of groups) {
    const keys = new Set<string>()
    for (const a of group) for (const s of a.sentences) keys.add(sentenceKey(a.folded.slice(s.start, s.end)))
    for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1)
  }
  const min = Math.max(SUMMARY_RULES.minRecurring, Math.ceil(groups.length / 10))
  return new Set([...count].filter(([, n]) => n >= min).map(([k]) => k))
}

/** A lead-in that opens an article: `（中央社記者…電）`, `新华社北京5月1日电`, `央视网消息（新闻联播）：`. */
const PAREN_LEAD = /^[(（][^()（）\n]{2,40}[)）]\s*/
const WIRE_LEAD = /^[^，。,：:\n]{2,24}?(?:\d{1,2}日[电電]|[网網]?[讯訊](?=[\s(（]))\s*/
const COLON_LEAD = /^[^，。,\n]{2,30}?[：:]\s*/

/** Where the first sentence of an article really starts: after a dateline, a wire credit, or a label of common words. */
function leadInEnd(a: AnalyzedArticle, start: number, end: number, ctx: SentenceContext, lex: Lexicon): number {
  let at = start
  for (let round = 0; round < 2; round++) {
    const rest = a.folded.slice(at, end)
    const paren = PAREN_LEAD.exec(rest) ?? WIRE_LEAD.exec(rest)
    if (paren) {
      at += paren[0].length
      continue
    }
    const colon = COLON_LEAD.exec(rest)
    if (!colon) break
    const terms = contentTerms(lex.cut(colon[0]), lex)
    if (terms.length === 0 || !terms.every((t) => ctx.isCommon(t))) break
    at += colon[0].length
  }
  return at
}

/** A sentence that can be shown alone, in the article's own script, with its position. */
export interface Candidate {
  /** Index in `a.sentences`. */
  index: number
  /** Offsets into `a.original` / `a.folded` of what is shown (a lead-in dropped). */
  start: number
  end: number
  text: string
}

/** An item of a numbered list (`一是…`, `第二，…`, `（三）…`): one point of many, not what the article says. */
const LIST_ITEM = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])/

/** How much a sentence's length lets it stand alone: a short one says little, a run-on one too much. */
export function lengthFactor(text: string): number {
  const han = hanCount(text)
  return Math.min(1, han / 30) * (text.length <= SUMMARY_RULES.maxChars ? 1 : 0.6) * (LIST_ITEM.test(text) ? 0.3 : 1)
}

/** Captions and credits, by their own opening words. */
const CAPTION = /^[（(]?(图为|圖為|图片|圖片|图：|圖：|摄影|攝影|视频|視頻)/

/**
 * The sentences of an article that can stand alone: long enough, ending like a
 * sentence, not a caption, a credit or a template line the window repeats,
 * not the title again, quotes balanced; the first one without its dateline.
 */
export function candidateSentences(a: AnalyzedArticle, ctx: SentenceContext, lex: Lexicon = getLexicon()): Candidate[] {
  // Summaries and story sentences both ask, with the same context: answer once.
  const known = candidatesOf.get(a)
  if (known?.ctx === ctx) return known.candidates
  const candidates = findCandidates(a, ctx, lex)
  candidatesOf.set(a, { ctx, candidates })
  return candidates
}

const candidatesOf = new WeakMap<AnalyzedArticle, { ctx: SentenceContext; candidates: Candidate[] }>()

function findCandidates(a: AnalyzedArticle, ctx: SentenceContext, lex: Lexicon): Candidate[] {
  const title = a.folded.slice(0, a.textStart - 1).replace(/\s+/g, '')
  const out: Candidate[] = []
  a.sentences.forEach((s, index) => {
    // A dateline opens a paragraph: the first, or the one after a header line the reader left.
    const opensParagraph = s.start === a.textStart || a.original[s.start - 1] === '\n'
    const start = opensParagraph ? leadInEnd(a, s.start, s.end, ctx, lex) : s.start
    const text = a.original.slice(start, s.end)
    const folded = a.folded.slice(start, s.end)
    if (hanCount(text) < SUMMARY_RULES.minHan || isBoilerplate(text) || !balancedQuotes(text) || CAPTION.test(text)) return
    // An announcement of a title (本台今天（…）播发快评《…》) says nothing outside the title and its asides.
    if (hanCount(text.replace(/《[^》]*》|[(（][^)）]*[)）]/g, '')) < SUMMARY_RULES.minHan) return
    if (!/[。！？!?；;…”」』）)]$/.test(text)) return
    if (folded.replace(/\s+/g, '') === title || ctx.recurring.has(sentenceKey(a.folded.slice(s.start, s.end)))) return
    out.push({ index, start, end: s.end, text: clip(text, SUMMARY_RULES.clipChars) })
  })
  return out
}

/** A sentence cut out of a quotation (one quote mark without its partner) reads as a fragment. */
function balancedQuotes(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length
  return count(/[“「『]/g) === count(/[”」』]/g)
}

/** Weighted content terms of a span of an article. */
export function spanVector(
  a: AnalyzedArticle,
  start: number,
  end: number,
  weightOf: (term: string) => number,
  lex: Lexicon,
): Map<string, number> {
  const { from, to } = wordRange(a, { start, end })
  const v = new Map<string, number>()
  for (const t of contentTerms(a.words.slice(from, to), lex)) {
    const w = weightOf(t)
    if (w > 0) v.set(t, (v.get(t) ?? 0) + w)
  }
  return v
}

/** A context that knows nothing of the window: general-Chinese IDF, no template lines. */
export function plainContext(lex: Lexicon = getLexicon()): SentenceContext {
  return { recurring: new Set(), weightOf: (t) => lex.idf(t), isCommon: () => false }
}

/**
 * The article's most central sentence, in its own script: the extractive
 * one-sentence summary. Central means closest to the rest of the article in
 * words weighted by their specificity in general Chinese (what the whole feed
 * carries weighs nothing); a sentence of readable length is preferred, the
 * lead (the first that can stand alone) a little: news says what happened
 * first. Nothing when no sentence can stand alone.
 * @example summarize(analyzeArticle(article), context) // '神舟十八号载人飞船今天发射升空……'
 */
export function summarize(a: AnalyzedArticle, ctx: SentenceContext = plainContext(), lex: Lexicon = getLexicon()): string {
  const candidates = candidateSentences(a, ctx, lex)
  if (candidates.length === 0) return ''
  // Within one article, general Chinese says which words matter; only what the feed repeats everywhere says nothing.
  const weightOf = (t: string) => (ctx.isCommon(t) ? 0 : lex.idf(t))
  const vectors = candidates.map((c) => spanVector(a, c.start, c.end, weightOf, lex))
  const whole = spanVector(a, a.textStart, a.original.length, weightOf, lex)
  const wholeNorm2 = dot(whole, whole)
  let best = candidates[0]!
  let bestScore = -1
  candidates.forEach((c, k) => {
    const v = vectors[k]!
    // Against the rest of the article (whole − v), so a sentence does not match itself.
    const vv = dot(v, v)
    const vw = dot(v, whole)
    const restNorm2 = wholeNorm2 - 2 * vw + vv
    const similarity = vv > 0 && restNorm2 > 1e-9 ? (vw - vv) / Math.sqrt(vv * restNorm2) : 0
    const score = similarity * lengthFactor(c.text) * (k === 0 ? 1.2 : 1)
    if (score > bestScore) {
      best = c
      bestScore = score
    }
  })
  return best.text
}
