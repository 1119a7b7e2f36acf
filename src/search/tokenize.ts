import { segmenter } from '../text/segmenter.js'
import { fold } from '../text/script.js'
import { getLexicon } from '../text/lexicon.js'

/**
 * Tokens for Chinese search. Index and query go through the same function on
 * folded text (one script, half width, lower case):
 * - runs of CJK characters → overlapping character bigrams, and in the index each
 *   character as well, so that a one-character query (铜, 煤) finds 中国铜业;
 *   a query's run of two or more characters is searched by its bigrams only;
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
 * Which tokens of a CJK run to make: `index` its bigrams and every character,
 * `query` its bigrams (a one-character run: the character), `codes` none
 * (numbers and codes only).
 */
export type TokenMode = 'index' | 'query' | 'codes'

/**
 * Tokens of folded text with their positions, as the index makes them by default.
 * @example tokensWithPositions(fold('研发投入强度达到2.06%')) // 研发, 研, 发投, 发, …, 2.06%, 2.06, 2, 06
 */
export function tokensWithPositions(folded: string, out: PositionedToken[] = [], mode: TokenMode = 'index'): PositionedToken[] {
  const n = folded.length
  let i = 0
  while (i < n) {
    const c = folded.charCodeAt(i)
    if (isCjk(c)) {
      let j = i + 1
      while (j < n && isCjk(folded.charCodeAt(j))) j++
      if (mode === 'codes') {
        // runs of CJK characters are left to the caller
      } else if (j - i === 1) out.push({ term: folded[i]!, start: i, end: i + 1 })
      else {
        for (let k = i; k < j; k++) {
          if (mode === 'index') out.push({ term: folded[k]!, start: k, end: k + 1 })
          if (k + 1 < j) out.push({ term: folded.slice(k, k + 2), start: k, end: k + 2 })
        }
      }
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
 * `tokensWithPositions(folded)` (the index's) that are in `terms`, sorted by position,
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
    if (term.length > 2 || (term.length === 2 && !isCjk(term.charCodeAt(1)))) continue // not a token shape
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) out.push({ term, start: at, end: at + term.length })
  }
  if (codes) for (const t of tokensWithPositions(folded, [], 'codes')) if (terms.has(t.term)) out.push(t)
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
    '多少 多久 多大 多长 多远 几 几个 几年 几位 几世纪 有何 如何 怎么 怎样 怎么样 为什么 为何 何时 何地 何人 何处 ' +
    '请问 请 告诉 我 我们 你 你们 知道 一下 能否 可以 是 的 了 在 有 和 与 及 或 被 把 对 于 从 向 ' +
    '记得 印象 好像 听说 据说 一共 ' +
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

/**
 * One-character question words that are grammar wherever they stand. The other
 * one-character words of QUESTION_WORDS (和, 中, 在, 等…) can also end or start
 * a word jieba does not know (碳中和 is cut 碳中 + 和): next to such a word they stay.
 */
const PARTICLES: ReadonlySet<string> = new Set('的了吗呢吧啊呀么是谁哪')

/** One-character prefixes jieba cuts off a post it makes a deputy's (副 / 主席, 副 / 总理). */
const DEPUTY: ReadonlySet<string> = new Set(['副'])

/** A part of a query typed apart that asks something rather than names it (便秘 多吃什么水果). */
export const ASKING_PART = /哪|什么|多少|谁|啥|怎么|怎样|为何|如何|几[个天次年月号点时岁]|[吗呢]$/

/** Pieces of a question that ask rather than name: 几点, 第几, 几世纪, 哪次, 什么样, 多少, 多大(时), 有何… (folded). */
const ASKING = /哪|什么|多少|^多大|谁|啥|怎|为何|有何|^第?几(?:.|世纪)?$/

/**
 * Characters that are grammar (particles, auxiliaries, adverbs): a word jieba
 * made up that starts or ends with one took it from the words around it
 * (怎么做才不腻 → 做才; 猫咪一直掉毛该怎么办 → 毛该), and loses it. Characters
 * that also start names (中铝, 于敏, 和平) are not among them.
 */
const GRAMMAR_CHARS: ReadonlySet<string> = new Set('的了吗呢吧啊呀么是在要能才该会就都也还又将让给被把着过得很太最更再已曾刚先后不没别')

/** Grammar that starts (所写, 其国, 但因) or ends (论为, 乱于, 倒酒时, 邦威有) a word jieba made up, but never a name. */
const LEADING_GRAMMAR: ReadonlySet<string> = new Set('所其但因而则且并由以之')
const TRAILING_GRAMMAR: ReadonlySet<string> = new Set('为于时则所之而有')

/**
 * Characters that make a noun of the word before them (返回 + 器: 返回器, the
 * return capsule, not 返回, to return; 发电 + 量): jieba cuts such a noun it
 * does not know in two, and the noun names the thing far more than its first word.
 */
const NOUN_SUFFIXES: ReadonlySet<string> = new Set('器机仪站船舱艇车场馆厂库港剂率量币')

/** Words after a number that name the calendar unit it counts in (8 + 月份: the month 8月, as news also writes it). */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(['月份', '年度', '年份'])
/** Characters after a number that make it a date or time (15日, 3月, 2024年, 8时). */
const CALENDAR_CHARS: ReadonlySet<string> = new Set('年月日号时')
/** One-character nouns too general to name what a question is about (时 of 几世纪时, 人, 事). */
const GENERIC_CHARS: ReadonlySet<string> = new Set('年月日号时天周点分秒人事物地处方面里间位名家样种次个')

/** A one-character word at least this specific (jieba IDF: 人 3.4, 铜 6.1, 铝 7.2) names a thing. */
const SINGLE_NAME_IDF = 6

/** The longest query we look at; longer input is cut (a hostile 10,000-character query costs nothing). */
export const MAX_QUERY_CHARS = 200

/**
 * A word of the query that names something: what coverage and highlights are
 * measured in. A jieba word of a segment; a one-character word is joined to
 * the number before it (2024年) or to a neighbour jieba did not know (碳中 + 和),
 * and left out otherwise unless it is the whole segment (铜).
 */
export interface QueryWord {
  /** The word, folded. */
  text: string
  /** `segments[segment].slice(start, end) === text`. */
  segment: number
  start: number
  end: number
  /**
   * How specific the word is in general Chinese: its IDF in jieba's table
   * (`getLexicon().idf`); words the table lacks (new names, numbers, codes) get its median, about 12.
   * @example 中国 3.0, 会议 5.0, 铜业 8.7, 科技厅 10.5
   */
  specificity: number
  /**
   * What the word counts for when measuring how much of the query an article
   * holds: its specificity, halved for a word that does not name a thing (a verb,
   * adverb, adjective or time word such as 召开, 昨晚), which a paraphrase changes most.
   */
  weight: number
}

/** jieba parts of speech of words that name a thing: nouns, names, verbal and adjectival nouns, idioms, abbreviations. */
const NAMING_POS: ReadonlySet<string> = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'nl', 'vn', 'an', 'eng', 'j', 'l', 'i'])
/** The weight of a word that does not name a thing, relative to one that does. */
export const NON_NAMING_WEIGHT = 0.5

/** A query reduced to what carries meaning. */
export interface ParsedQuery {
  /** Folded query text (after cutting to MAX_QUERY_CHARS and removing control characters and markup tags). */
  folded: string
  /** The contiguous pieces left after dropping question words, e.g. ['中国铜业', '会议', '召开']. */
  segments: string[]
  /** Where jieba cut each segment (offsets into the segment, 0 and its length included). */
  cuts: number[][]
  /** Distinct index terms of the segments. */
  terms: string[]
  /** The words that name something, e.g. 中国, 铜业, 会议, 召开. */
  words: QueryWord[]
}

export const isCjkText = (s: string): boolean => s.length > 0 && [...s].every((ch) => isCjk(ch.charCodeAt(0)))
/** A word jieba made up (its HMM joins unknown characters), not one its dictionary holds. */
const isUnknownCjk = (w: string | undefined) => w !== undefined && isCjkText(w) && getLexicon().pos(w) === undefined
/**
 * Whether one character belongs with the two-character word beside it: jieba
 * joined the two without knowing them, and the character makes a word with its
 * neighbour (碳中 + 和: 中和), as when a word jieba lacks was cut short (碳中和).
 * 湖人 + 对 stay apart: 人对 is no word.
 */
function belongsWith(pair: string | undefined, ch: string, after: boolean): boolean {
  if (pair?.length !== 2 || !isUnknownCjk(pair)) return false
  return getLexicon().pos(after ? pair[1]! + ch : ch + pair[0]!) !== undefined
}

/**
 * Whether the one-character piece `words[k]` is part of a word jieba did not
 * see: it belongs with a made-up pair beside it (碳中 + 和), or makes a word
 * with a one-character piece beside it (碳 / 中 / 和: 中和).
 */
function partOfWord(words: string[], k: number): boolean {
  const ch = words[k]!
  if (belongsWith(words[k - 1], ch, true) || belongsWith(words[k + 1], ch, false)) return true
  const lexicon = getLexicon()
  const prev = words[k - 1]
  const next = words[k + 1]
  return (
    (prev?.length === 1 && isCjkText(prev) && lexicon.pos(prev + ch) !== undefined) ||
    (next?.length === 1 && isCjkText(next) && lexicon.pos(ch + next) !== undefined)
  )
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
    // Markup pasted with the words (<b>中国铜业</b>) is not what is searched for.
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, ' ')
    .slice(0, MAX_QUERY_CHARS)
  // 啥 and 咋 are spoken 什么 and 怎么 (啥时候, 给了啥处分, 咋办): the question asks the same.
  const folded = fold(cleaned).replace(/啥/g, '什么').replace(/咋/g, '怎么')
  const words = regroupAsked(folded.trim() ? segmenter().cut(folded, true) : [])
  /** Each segment, and whether it stood alone between spaces or punctuation (a keyword typed as such). */
  const segments: Array<{ text: string; alone: boolean }> = []
  let current = ''
  let openedHard = true
  const flush = (hard: boolean) => {
    if (current) segments.push({ text: current, alone: openedHard && hard })
    current = ''
    openedHard = hard
  }
  let afterNa = false
  for (const [k, w] of words.entries()) {
    let trimmed = w.trim()
    const isWord = trimmed !== '' && /[\p{L}\p{N}]/u.test(trimmed)
    // 哪一, 哪一种, 哪座… are question words however jieba cuts them.
    let question = isWord && (QUESTION_WORDS.has(trimmed) || trimmed.startsWith('哪') || COUNT_ASKED.test(trimmed))
    // 这次, 那位, 那边: a pronoun pointing at what the rest of the question names.
    if (isWord && /^[这那]/.test(trimmed) && getLexicon().pos(trimmed) === 'r') question = true
    // 叫什么名字: the name asked, which the answer gives without the word.
    if (isWord && (trimmed === '名字' || trimmed === '名称') && words[k - 1]?.trim() === '什么') question = true
    if (question && trimmed.length === 1 && !PARTICLES.has(trimmed) && partOfWord(words, k)) question = false
    if (!isWord || question) {
      flush(!isWord)
      afterNa = trimmed.endsWith('哪')
      continue
    }
    // 哪一个朝代: jieba leaves 一个 with the noun; it frames the question, it is not its subject.
    if (afterNa && trimmed.startsWith('一')) {
      trimmed = trimmed.slice(CLASSIFIERS.has(trimmed[1] ?? '') ? 2 : 1)
      flush(false)
    }
    afterNa = false
    // 何年, 何种, 何处… and (什么)时候 ask for the kind of answer, like 什么.
    const parts = trimmed.split(FRAME_PATTERN)
    for (const [i, part] of parts.entries()) {
      if (i > 0) flush(false)
      current += part
    }
    if (parts.length > 1 && parts[parts.length - 1] === '') flush(false)
  }
  flush(true)
  // A one-character segment left between question words (的人, 是谁) says little; one typed
  // as a keyword (铜, 煤 价格) or rare enough to name a thing (铜和铝的价格) is the subject. A query of nothing else still searches what it has.
  let keptSegments = segments.filter(
    (s) => s.text.length > 1 || /[a-z0-9]/.test(s.text) || s.alone || getLexicon().idf(s.text) >= SINGLE_NAME_IDF,
  )
  if (keptSegments.length === 0) keptSegments = segments
  const kept = keptSegments.map((s) => s.text)
  const terms = new Set<string>()
  for (const s of kept) for (const t of tokensWithPositions(s, [], 'query')) terms.add(t.term)
  const cuts = kept.map((s) => {
    const at = [0]
    for (const piece of segmenter().cut(s, true)) at.push(at[at.length - 1]! + piece.length)
    return at
  })
  const alone = keptSegments.map((s) => s.alone)
  return { folded, segments: kept, cuts, terms: [...terms], words: queryWords(kept, cuts, alone) }
}

/** What names a variant or a flight of a numbered craft after its 号: 甲, 乙, 改, 遥六, 遥19. */
const VARIANT = /^(?:[甲乙丙丁改]|遥[一二三四五六七八九十\d]+)/

/** One character a number and 号 name one of, before other words: 30号线, 3号楼, 1号井. */
const NUMBERED_ONE = /^[线楼馆门机井坑站厅院]/

/**
 * jieba's words with what it joined across a question word taken apart: the classifier after 多少 or 几 from the noun
 * it counts (多少 / 个展 / 园 → 多少个 / 展 / 园: 展园, not 个展), and the measure after 多 from the noun it measures
 * (多 / 大面积 → 多大 / 面积).
 */
function regroupAsked(words: string[]): string[] {
  const out: string[] = []
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!
    const next = words[k + 1]
    const joined =
      next !== undefined &&
      next.length > 1 &&
      (((w === '多少' || w === '几') && CLASSIFIERS.has(next[0]!) && !SAME_WORD.has(next)) ||
        (w === '多' && /^[大长高深远重宽厚]/.test(next)))
    if (joined) {
      out.push(w + next[0]!, next.slice(1))
      k++
    } else out.push(w)
  }
  return out
}

/** 多少 or 几 and a classifier (多少个, 几座), as `regroupAsked` joins them: a question word. */
const COUNT_ASKED = new RegExp(`^(?:多少|几)[${[...CLASSIFIERS].join('')}]$`)

/** Words starting with a classifier that are what is counted all the same (多少年代, 几次方): left whole. */
const SAME_WORD: ReadonlySet<string> = new Set(['年代', '次方', '个人', '头条'])

/** A number in Chinese numerals, with the 号 of a name after it or not (二十号, 十八). */
const NUMERAL_WORD = /^[〇零一二两三四五六七八九十百]+号?$/

/**
 * The numbered names a query holds (神舟 + 二十 + 号, 嫦娥 + 六号): a word of
 * two or more CJK characters, a Chinese numeral right after it, and 号; or a number
 * in digits, 号 and a noun (4号洪水, 3号台风, 11号线); or a member of a series in two digits (03星, 04组). Each names one thing:
 * 神舟二十号 is not 神舟十八号, nor the 4号洪水 the 1号 and 2号.
 * @example numberedNames(parseQuery('神舟二十号什么时候发射')) // ['神舟二十号']
 */
export function numberedNames(parsed: ParsedQuery): string[] {
  const out: string[] = []
  const { words, segments } = parsed
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!
    const n = words[i + 1]!
    // (Not 一号二号: a numeral is not what is numbered.)
    if (
      n.segment !== w.segment ||
      n.start !== w.end ||
      w.text.length < 2 ||
      !isCjkText(w.text) ||
      NUMERAL_WORD.test(w.text) ||
      !NUMERAL_WORD.test(n.text)
    )
      continue
    const segment = segments[w.segment]!
    const end = n.text.endsWith('号') ? n.end : segment[n.end] === '号' ? n.end + 1 : undefined
    // (With the variant after it, which is another craft: 长征八号甲, 长征六号改; or the flight: 力箭一号遥六.)
    if (end !== undefined) out.push(segment.slice(w.start, end) + (VARIANT.exec(segment.slice(end))?.[0] ?? ''))
  }
  // 第4号洪水, 3号台风, 11号线: a number in digits, 号 and the noun jieba knows of what it numbers
  // (not 5月4号 nor the end of 6月12到14号, days).
  const lexicon = getLexicon()
  // (Nor a day a deed reached, 烧到16号过火面积: after 到, 至, 从 or 于.)
  for (const m of parsed.folded.matchAll(/(?<![\d.月到至从于]|月\d{1,2}[到至—~-])(\d{1,3})号(\p{Script=Han}{1,2})/gu)) {
    // (Or one character numbered so when two are no noun: 线 of 30号线开通; not 空 of 28号空袭, a day.)
    const noun = /^n/.test(lexicon.pos(m[2]!) ?? '') ? m[2]! : NUMBERED_ONE.test(m[2]!) ? m[2]![0]! : undefined
    if (noun !== undefined) out.push(`${m[1]}号${noun}`)
  }
  // 遥感四十二号03星, 千帆极轨04组: one satellite or batch of a series, in two digits (not 一箭12星, twelve of them).
  for (const m of parsed.folded.matchAll(/(?<=\p{Script=Han})(0[1-9])([星组批])/gu)) out.push(`${m[1]}${m[2]}`)
  return out
}

/** The words of the segments that name something (see QueryWord). */
function queryWords(segments: string[], cuts: number[][], alone: boolean[]): QueryWord[] {
  const lexicon = getLexicon()
  const out: QueryWord[] = []
  const isSingle = (p: { text: string } | undefined) =>
    p !== undefined && p.text.length === 1 && isCjk(p.text.charCodeAt(0)) && !ASKING.test(p.text) && !GRAMMAR_CHARS.has(p.text)
  for (const [s, segment] of segments.entries()) {
    const before = out.length
    wordsOfSegment(s, segment)
    // A keyword typed alone that leaves no word of two characters (绿能瀛: 绿 / 能 / 瀛) is a name jieba does not know.
    if (alone[s] && segment.length >= 2 && segment.length <= 4 && isCjkText(segment) && out.slice(before).every((w) => w.text.length < 2)) {
      out.length = before
      const specificity = lexicon.idf(segment)
      out.push({ text: segment, segment: s, start: 0, end: segment.length, specificity, weight: specificity })
    }
  }
  return out

  function wordsOfSegment(s: number, segment: string): void {
    const at = cuts[s]!
    const pieces: Array<{ start: number; end: number; text: string }> = []
    for (const [i, end] of at.slice(1).entries()) {
      const start = at[i]!
      const text = segment.slice(start, end)
      if (!isUnknownCjk(text)) {
        pieces.push({ start, end, text })
        continue
      }
      // A made-up word loses the grammar it took from around it (做才 → 做, 度要去 → 度 + 去, 論為 → 論).
      let a = start
      while (a < end) {
        while (a < end && GRAMMAR_CHARS.has(segment[a]!)) a++
        let b = a
        while (b < end && !GRAMMAR_CHARS.has(segment[b]!)) b++
        let from = a
        let to = b
        while (to - from > 1 && LEADING_GRAMMAR.has(segment[from]!)) from++
        while (to - from > 1 && TRAILING_GRAMMAR.has(segment[to - 1]!)) to--
        if (to > from) pieces.push({ start: from, end: to, text: segment.slice(from, to) })
        a = b
      }
    }
    const push = (start: number, end: number) => {
      const text = segment.slice(start, end)
      const specificity = lexicon.idf(text)
      const pos = lexicon.pos(text)
      // Words the dictionary lacks (new names, numbers, codes, joined pieces) name things too.
      const naming = pos === undefined || NAMING_POS.has(pos)
      out.push({ text, segment: s, start, end, specificity, weight: naming ? specificity : specificity * NON_NAMING_WEIGHT })
    }
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!
      if (p.text.trim() === '' || ASKING.test(p.text) || GRAMMAR_CHARS.has(p.text)) continue
      // A deputy's post is one word (军委副主席: 副 + 主席), not the post of the one they stand in for.
      const post = pieces[i + 1]
      if (DEPUTY.has(p.text) && post !== undefined && post.start === p.end && post.text.length >= 2 && isCjkText(post.text)) {
        push(p.start, post.end)
        i++
        continue
      }
      if (isSingle(p)) {
        // A run of one-character pieces is a word jieba did not know (碳 / 中 / 和).
        let j = i + 1
        while (isSingle(pieces[j]) && pieces[j]!.start === pieces[j - 1]!.end) j++
        const next = pieces[j]
        let from = p.start
        let to = pieces[j - 1]!.end
        while (to - from > 1 && LEADING_GRAMMAR.has(segment[from]!)) from++
        while (to - from > 1 && TRAILING_GRAMMAR.has(segment[to - 1]!)) to--
        if (to - from > 1) push(from, to)
        else if (next && next.start === p.end && belongsWith(next.text, p.text, false)) {
          push(p.start, next.end)
          j++
          // A noun of one character (the 猫 of 家里的猫一直不吃饭) names what the question is about.
        } else if (pieces.length === 1 || (lexicon.pos(p.text) === 'n' && !GENERIC_CHARS.has(p.text))) push(p.start, p.end)
        i = j - 1
        continue
      }
      // 2024 + 年, 碳中 + 和, 返回 + 器.
      const next = pieces[i + 1]
      // 8 + 月份 is the month 8月, whether an article writes 8月份 or 8月 (not any 8 of its text).
      // So is 10 + 月 before another lone character (10 / 月 / 去浙江), not a made-up 月去.
      if (/^\d+$/.test(p.text) && next?.start === p.end && (CALENDAR_WORDS.has(next.text) || CALENDAR_CHARS.has(next.text))) {
        push(p.start, p.end + 1)
        i++
        continue
      }
      // 15 + 日称, a word jieba made up: the day 15日, then what is left of it if it is a word.
      if (
        /^\d+$/.test(p.text) &&
        next?.start === p.end &&
        next.text.length > 1 &&
        isUnknownCjk(next.text) &&
        CALENDAR_CHARS.has(next.text[0]!)
      ) {
        push(p.start, p.end + 1)
        if (next.end - next.start > 2) push(next.start + 1, next.end)
        i++
        continue
      }
      const joined =
        isSingle(next) &&
        next!.start === p.end &&
        !isSingle(pieces[i + 2]) &&
        (/^[0-9.]+$/.test(p.text) || belongsWith(p.text, next!.text, true) || (isCjkText(p.text) && NOUN_SUFFIXES.has(next!.text)))
      push(p.start, joined ? next!.end : p.end)
      if (joined) i++
    }
  }
}
