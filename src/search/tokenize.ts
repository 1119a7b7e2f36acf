import { segmenter } from '../text/segmenter.js'
import { fold } from '../text/script.js'

/**
 * Tokens for Chinese search. Index and query go through the same function on
 * folded text (one script, half width, lower case):
 * - runs of CJK characters → overlapping character bigrams (a one-character run → the character);
 * - numbers and codes → the whole code (`2.06%`, `1+10`, `1158`), the code without `%`,
 *   its parts, and a number with the CJK character after it (`2024年`, `5月`).
 * Bigrams need no dictionary, so new names and cross-script text match as well as known words.
 */

/** A CJK ideograph (basic block, extension A, compatibility ideographs). */
export const isCjk = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)

/** A token with where it was found in the text it came from. */
export interface PositionedToken {
  term: string
  start: number
  end: number
}

/**
 * Tokens of folded text with their positions.
 * @example tokensWithPositions(fold('研发投入强度达到2.06%')) // 研发, 发投, …, 2.06%, 2.06, 2, 06
 */
export function tokensWithPositions(folded: string, out: PositionedToken[] = [], cjk = true): PositionedToken[] {
  const n = folded.length
  let i = 0
  while (i < n) {
    const c = folded.charCodeAt(i)
    if (isCjk(c)) {
      let j = i + 1
      while (j < n && isCjk(folded.charCodeAt(j))) j++
      if (!cjk) {
        // runs of CJK characters are left to the caller
      } else if (j - i === 1) out.push({ term: folded[i]!, start: i, end: i + 1 })
      else for (let k = i; k + 1 < j; k++) out.push({ term: folded.slice(k, k + 2), start: k, end: k + 2 })
      i = j
    } else if (isAlnum(c)) {
      let j = i + 1
      // A code: alphanumerics joined by . or + (2.06, 1+10), optionally ending in %.
      for (;;) {
        while (j < n && isAlnum(folded.charCodeAt(j))) j++
        const sep = folded.charCodeAt(j)
        if ((sep === 0x2e || sep === 0x2b) && j + 1 < n && isAlnum(folded.charCodeAt(j + 1))) {
          j++
          continue
        }
        break
      }
      const core = folded.slice(i, j)
      const pct = folded.charCodeAt(j) === 0x25
      if (pct) out.push({ term: core + '%', start: i, end: j + 1 })
      out.push({ term: core, start: i, end: j })
      if (core.length > 1 && /[.+]/.test(core)) {
        let p = i
        for (const part of core.split(/[.+]/)) {
          out.push({ term: part, start: p, end: p + part.length })
          p += part.length + 1
        }
      }
      const after = pct ? j + 1 : j
      if (after < n && isCjk(folded.charCodeAt(after)) && /^\d+$/.test(core)) {
        out.push({ term: core + folded[after], start: i, end: after + 1 })
      }
      i = pct ? j + 1 : j
    } else {
      i++
    }
  }
  return out
}

/**
 * Where the given terms occur as tokens of `folded`: the same tokens as
 * `tokensWithPositions(folded)` that are in `terms`, sorted by position,
 * found without making a token of every character pair (CJK terms are
 * looked up with indexOf; only the numbers and codes are tokenized).
 */
export function findTerms(folded: string, terms: ReadonlySet<string>): PositionedToken[] {
  const out: PositionedToken[] = []
  let codes = false
  for (const term of terms) {
    const a = term.charCodeAt(0)
    if (!isCjk(a)) {
      codes = true
      continue
    }
    const single = term.length === 1
    if (!single && !(term.length === 2 && isCjk(term.charCodeAt(1)))) continue // not a token shape
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      // A one-character token is a CJK run of one character.
      if (single && (isCjk(folded.charCodeAt(at - 1)) || isCjk(folded.charCodeAt(at + 1)))) continue
      out.push({ term, start: at, end: at + term.length })
    }
  }
  if (codes) for (const t of tokensWithPositions(folded, [], false)) if (terms.has(t.term)) out.push(t)
  return out.sort((x, y) => x.start - y.start || x.end - y.end)
}

/** Index terms of folded text (positions dropped). */
export function indexTerms(folded: string): string[] {
  return tokensWithPositions(folded).map((t) => t.term)
}

/**
 * Words and particles that frame a question but say nothing about its
 * subject; they are dropped from queries so that the rare name or term in
 * the question carries the ranking. Folded (Simplified) forms.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    '什么 什么样 什么时候 哪里 哪儿 哪个 哪些 哪位 哪年 哪一年 哪天 哪家 哪 谁 是否 是不是 吗 呢 吧 啊 呀 么 ' +
    '多少 多久 多大 多长 多远 几 几个 几年 几位 如何 怎么 怎样 怎么样 为什么 为何 何时 何地 何人 何处 ' +
    '请问 请 告诉 我 我们 你 你们 知道 一下 能否 可以 是 的 了 在 有 和 与 及 或 被 把 对 于 从 向 ' +
    '之 其 这 那 这个 那个 该 所 由 以 而 也 都 就 还 又 会 要 将 让 给 为 着 过 地 得 等 中 上 下 个 '
  )
    .split(/\s+/)
    .filter(Boolean),
)

/** Classifiers (量词) that follow 哪一 in a question: 哪一个国家, 哪一种米, 哪一座城市. Folded forms. */
const CLASSIFIERS: ReadonlySet<string> = new Set(
  '个种座颗位部家年天样些所间条支本场次国名首项件只张块类份届任段批层门句篇幅副对双套台辆架艘匹头棵株片根枝代族',
)
/** 何 starting a word to ask a question (何年, 何种, 何处, 何人…; not 任何人), and 时候 (什么时候, …的时候). */
const FRAME_PATTERN = /^何[年时种处地人方者样]|时候/

/** The longest query we look at; longer input is cut (a hostile 10,000-character query costs nothing). */
export const MAX_QUERY_CHARS = 200

/** A query reduced to what carries meaning. */
export interface ParsedQuery {
  /** Folded query text (after cutting to MAX_QUERY_CHARS and removing control characters). */
  folded: string
  /** The contiguous pieces left after dropping question words, e.g. ['中国铜业', '会议', '召开']. */
  segments: string[]
  /** Distinct index terms of the segments. */
  terms: string[]
}

/**
 * Parses a user query or question: folds it, segments it with jieba, drops
 * question words and particles, and tokenizes what is left like the index.
 * @example parseQuery('中國銅業的會議在哪裡召開？').segments // ['中国铜业', '会议', '召开']
 */
export function parseQuery(query: string): ParsedQuery {
  const cleaned = query
    .slice(0, MAX_QUERY_CHARS * 2)
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ')
    .slice(0, MAX_QUERY_CHARS)
  const folded = fold(cleaned)
  const words = folded.trim() ? segmenter().cut(folded, true) : []
  const segments: string[] = []
  let current = ''
  const flush = () => {
    if (current) segments.push(current)
    current = ''
  }
  let afterNa = false
  for (const w of words) {
    let trimmed = w.trim()
    // 哪一, 哪一种, 哪座… are question words however jieba cuts them.
    const meaningful = trimmed !== '' && /[\p{L}\p{N}]/u.test(trimmed) && !QUESTION_WORDS.has(trimmed) && !trimmed.startsWith('哪')
    if (!meaningful) {
      flush()
      afterNa = trimmed.endsWith('哪')
      continue
    }
    // 哪一个朝代: jieba leaves 一个 with the noun; it frames the question, it is not its subject.
    if (afterNa && trimmed.startsWith('一')) {
      trimmed = trimmed.slice(CLASSIFIERS.has(trimmed[1] ?? '') ? 2 : 1)
      flush()
    }
    afterNa = false
    // 何年, 何种, 何处… and (什么)时候 ask for the kind of answer, like 什么.
    const parts = trimmed.split(FRAME_PATTERN)
    for (const [i, part] of parts.entries()) {
      if (i > 0) flush()
      current += part
    }
    if (parts.length > 1 && parts[parts.length - 1] === '') flush()
  }
  flush()
  let kept = segments.filter((s) => s.length > 1 || /[a-z0-9]/.test(s))
  // A query made only of short or question words ("是谁？", "电") still searches what it has.
  if (kept.length === 0) kept = segments
  const terms = new Set<string>()
  for (const s of kept) for (const t of tokensWithPositions(s)) terms.add(t.term)
  return { folded, segments: kept, terms: [...terms] }
}
