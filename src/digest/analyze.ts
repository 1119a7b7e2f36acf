import { fold } from '../text/script.js'
import type { Article } from '../corpus/article.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { sentenceSpans } from '../text/sentences.js'
import { mainlandWords } from '../text/vocabulary.js'
import type { Span } from '../text/types.js'

/**
 * One article prepared for the digest: its title and text folded to one script
 * (so 「神舟十八號」 and 「神舟十八号」 are the same words), segmented into words,
 * split into sentences, with the content terms it is made of.
 */
export interface AnalyzedArticle {
  id: string
  /** File name relative to the corpus folder. */
  file: string
  title: string
  date?: string
  source?: string
  /** Title, a line break, then the text — in the article's own script. */
  original: string
  /** `fold(original)`: same length, so offsets are shared. */
  folded: string
  /** Where the text (after the title line) starts in `original`. */
  textStart: number
  /** Words of `folded`, and where each starts. */
  words: string[]
  wordStarts: Int32Array
  /** How many of `words` are the title's. */
  titleWords: number
  /** The first title word after a column label (`【一线调研】…`): what the title says starts here. */
  titleFrom: number
  /** Sentences of the text (the title is not one). */
  sentences: Span[]
  /** Content terms of the text (folded), with how often each occurs. */
  terms: ReadonlyMap<string, number>
  /** Content terms of the title. */
  titleTerms: ReadonlySet<string>
  /** Compounds of title and text (`compounds`): names jieba splits into general words. */
  compounds: ReadonlySet<string>
}

/** Parts of speech (jieba's tag set) that carry no subject: pronouns, prepositions, conjunctions, particles, interjections. */
const FUNCTION_TAGS = /^(r|p|c|u|y|e|o|x|zg)/

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/
/** A Latin or alphanumeric token with at least one letter: C919, APEC, 5g. */
const CODE = /^(?=.*[a-z])[a-z0-9][a-z0-9+.-]*$/

/** Column labels opening a title: `【一线调研】`, `央视快评：`, or both (`【在希望的田野上】春耕见闻：`). */
const TITLE_LABEL = /^\s*(?:[【[][^】\]\n]{1,20}[】\]]\s*)?(?:[^\s：:，,。！？!?“”"《》【】\n]{2,8}[：:]\s*)?/

/**
 * What a word can be in a term: a content word on its own (two or more
 * ideographs that are not a function word, or a Latin/model-number token), a
 * single ideograph that joins its neighbours (jieba leaves names apart: 潭 美),
 * or nothing (punctuation, digits, function words).
 */
export function wordKind(word: string, lex: Lexicon = getLexicon()): 'content' | 'single' | 'other' {
  if (HAN.test(word)) {
    const tag = lex.pos(word)
    if (tag !== undefined && FUNCTION_TAGS.test(tag)) return 'other'
    return word.length === 1 ? 'single' : 'content'
  }
  return word.length >= 2 && !HAS_HAN.test(word) && CODE.test(word) ? 'content' : 'other'
}

/**
 * The content terms of a run of words: words of two or more ideographs that
 * are not function words, Latin or model-number tokens, and runs of two to
 * four single ideographs jieba left apart (潭 美 → 潭美, 俄 乌 → 俄乌). Which
 * of them say something is left to document frequencies: nothing here knows the corpus.
 * @example contentTerms(['台风', '潭', '美', '登陆', '了']) // ['台风', '潭美', '登陆']
 */
export function contentTerms(words: readonly string[], lex: Lexicon = getLexicon()): string[] {
  return contentUnits(words, lex).filter((t) => t !== undefined)
}

/**
 * The compounds of a run of words: two general nouns written next to each
 * other (人民 城市 → 人民城市). jieba splits many names into general words
 * that much of the feed carries; written together they can be as specific as
 * a name. Document frequencies tell such a name (人民城市) from a column or
 * phrase the feed keeps repeating (文化中国 of 【文化中国行】). Kept apart from
 * the terms: in an article's vector they would only repeat its words.
 * `whole` keeps only those no noun continues (a name of their own, not the start of a longer one).
 * @example compounds(['建设', '人民', '城市']) // ['建设人民', '人民城市']
 */
export function compounds(words: readonly string[], lex: Lexicon = getLexicon(), whole = false): string[] {
  return compoundsOf(contentUnits(words, lex), lex, whole)
}

function compoundsOf(units: ReadonlyArray<string | undefined>, lex: Lexicon, whole: boolean): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < units.length; i++) {
    const [x, y, next] = [units[i], units[i + 1], units[i + 2]]
    if (x === undefined || y === undefined || !isGeneral(x, lex) || !isGeneral(y, lex)) continue
    // With `whole`, only a compound no noun continues: 北京国际 of 北京国际车展 is the start of a longer name.
    if (whole && next !== undefined && NOUN_TAGS.test(lex.pos(next) ?? 'n')) continue
    out.push(x + y)
  }
  return out
}

/** Below this IDF (jieba's) a word is general, used of many things: 国际 4.5, 城市 5.0, 人民 5.2; 发射 6.5, 嫦娥 9.0. */
const GENERAL_IDF = 6

/** Parts of speech (jieba's tags) of nouns: a name is made of them (人民城市), not of what is done (召开会议). */
const NOUN_TAGS = /^(n|nr|ns|nt|nz|nw|vn|j)$/

/** A general noun: one of the words a compound name is made of. */
const isGeneral = (word: string, lex: Lexicon) => lex.idf(word) < GENERAL_IDF && NOUN_TAGS.test(lex.pos(word) ?? '')

/**
 * The content terms of a run of words in order, `undefined` where something else (punctuation, a function word) stands between two.
 * Taiwan words count as their mainland forms (智慧财产权 as 知识产权): one story is told in both vocabularies.
 */
function contentUnits(words: readonly string[], lex: Lexicon): Array<string | undefined> {
  const out: Array<string | undefined> = []
  let run = ''
  const flush = () => {
    if (run) out.push(run.length >= 2 && run.length <= 4 ? run : undefined)
    run = ''
  }
  for (const w of mainlandWords(words)) {
    const kind = wordKind(w, lex)
    if (kind === 'single') {
      run += w
      continue
    }
    flush()
    out.push(kind === 'content' ? w : undefined)
  }
  flush()
  return out
}

/** Prepares an article for story detection and summaries. Pure; the lexicon is loaded on first use. */
export function analyzeArticle(
  article: Pick<Article, 'id' | 'file' | 'title' | 'date' | 'source' | 'text'>,
  lex: Lexicon = getLexicon(),
): AnalyzedArticle {
  const original = `${article.title}\n${article.text}`
  const folded = fold(original)
  const words = lex.cut(folded)
  const wordStarts = new Int32Array(words.length)
  let pos = 0
  let titleEnd = 0
  for (let i = 0; i < words.length; i++) {
    wordStarts[i] = pos
    pos += words[i]!.length
    if (pos <= article.title.length) titleEnd = i + 1
  }
  // A bracketed label opening a title names a column, not the subject; so does a short one ending in a colon (央视快评：…).
  const label = TITLE_LABEL.exec(folded)
  let titleFrom = 0
  if (label?.[0]) while (titleFrom < titleEnd && wordStarts[titleFrom]! < label[0].length) titleFrom++
  const textStart = article.title.length + 1
  const sentences = sentenceSpans(article.text).map((s) => ({ start: s.start + textStart, end: s.end + textStart }))
  const terms = new Map<string, number>()
  for (const t of contentTerms(words.slice(titleEnd), lex)) terms.set(t, (terms.get(t) ?? 0) + 1)
  return {
    id: article.id,
    file: article.file,
    title: article.title,
    ...(article.date !== undefined ? { date: article.date } : {}),
    ...(article.source !== undefined ? { source: article.source } : {}),
    original,
    folded,
    textStart,
    words,
    wordStarts,
    titleWords: titleEnd,
    titleFrom,
    sentences,
    terms,
    titleTerms: new Set(contentTerms(words.slice(titleFrom, titleEnd), lex)),
    compounds: new Set(compounds(words, lex)),
  }
}

/** The words of `a` inside `span` (offsets into `a.folded`), as indexes into `a.words`. */
export function wordRange(a: AnalyzedArticle, span: Span): { from: number; to: number } {
  const from = lowerBound(a.wordStarts, span.start)
  let to = from
  while (to < a.words.length && a.wordStarts[to]! < span.end) to++
  return { from, to }
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

/**
 * The distinct content terms and compounds of an article (title and text), without keeping
 * anything else: what the background's document frequencies are counted from.
 */
export function articleTerms(article: Pick<Article, 'title' | 'text'>, lex: Lexicon = getLexicon()): Set<string> {
  const units = contentUnits(lex.cut(fold(`${article.title}\n${article.text}`)), lex)
  return new Set([...units.filter((t) => t !== undefined), ...compoundsOf(units, lex, false)])
}
