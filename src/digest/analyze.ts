import { fold } from '../text/script.js'
import type { Article } from '../corpus/article.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { sentenceSpans } from '../text/sentences.js'
import type { Span } from '../text/types.js'

/**
 * One article prepared for the digest: its title and text folded to one script
 * (so 「科技創新」 and 「科技创新」 are the same phrase), segmented into words,
 * split into sentences, with the key-phrase candidates it contains.
 */
export interface AnalyzedArticle {
  id: string
  title: string
  date?: string
  /** Title, a line break, then the text — in the article's own script. */
  original: string
  /** `fold(original)`: same length, so offsets are shared. */
  folded: string
  /** Where the text (after the title line) starts in `original`. */
  textStart: number
  /** Words of `folded`, and where each starts. */
  words: string[]
  wordStarts: Int32Array
  /** Sentences of the text (the title is not one). */
  sentences: Span[]
  /** Distinct key-phrase candidates (folded), see `phraseCandidates`. */
  phrases: ReadonlySet<string>
}

/** Rules for which word sequences can be key phrases. Plain constants, visible in one place. */
export const PHRASE_RULES = {
  /** Longest phrase, in words and in characters. */
  maxWords: 4,
  maxChars: 10,
  /** A one-word theme must be at least this specific in general Chinese (工作 4.2, 会议 5.0, 科技 5.8, 高质量 9.0). */
  minSingleIdf: 6.5,
  /** A phrase may not start or end with a word this common (的 0.9, 和 1.8, 要 3.2). */
  minEdgeIdf: 3.5,
} as const

/** Noun-like parts of speech (jieba's tag set): what a theme is made of. */
const NOUNISH = new Set(['n', 'nz', 'ns', 'nt', 'nw', 'vn', 'an', 'j', 'l', 'ng', 'g', 's', 'b'])
/** A phrase can start with a noun or an adjective (新质生产力), never with a verb (推动高质量发展). */
const START_OK = new Set([...NOUNISH, 'a', 'ag'])
/** A phrase can end with a noun or a nominalised verb (科技创新, 生态保护). */
const END_OK = new Set([...NOUNISH, 'v'])
/** Words that never sit inside a phrase: particles, prepositions, pronouns, adverbs, numerals, measure words. */
const NEVER_INSIDE = new Set([
  'u',
  'uj',
  'ul',
  'uz',
  'ud',
  'ug',
  'uv',
  'p',
  'r',
  'rr',
  'rz',
  'rg',
  'd',
  'df',
  'dg',
  'y',
  'e',
  'o',
  'm',
  'mq',
  'mg',
  'q',
  'x',
  'f',
  'zg',
  't',
  'tg',
])

/**
 * General words of official news prose that are never themes nor the edge of
 * one, however specific the dictionary thinks they are; and titles of office,
 * which name people rather than subjects.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  '工作',
  '会议',
  '进一步',
  '要',
  '召开',
  '主持',
  '讲话',
  '重要讲话',
  '精神',
  '重要',
  '指出',
  '强调',
  '表示',
  '要求',
  '提出',
  '同志',
  '领导',
  '负责人',
  '参加',
  '出席',
  '部署',
  '落实',
  '贯彻',
  '全面',
  '深入',
  '持续',
  '不断',
  '加强',
  '推动',
  '推进',
  '促进',
  '坚持',
  '做好',
  '相关',
  '有关',
  '方面',
  '情况',
  '问题',
  '单位',
  '部门',
  '全市',
  '全省',
  '全国',
  '今年',
  '去年',
  '一是',
  '二是',
  '三是',
  '四是',
  '会上',
  '会议指出',
  '会议强调',
  '总结',
  '交流',
  '发言',
  '报告',
  '通报',
  '活动',
  '任务',
  '目标',
  '举措',
  '措施',
  '意见',
  '方案',
  '文件',
  '系统',
  '全体',
  '广大',
  '各级',
  '各项',
  '重点',
  '重点工作',
  '主要',
  '期间',
  '以来',
  '当前',
  '我们',
  '大家',
  '记者',
  '网讯',
  '讯',
  '本站',
  '首页',
  '正文',
  '来源',
  '日报',
  // Kinds of meeting: what every article in this corpus reports on, not what it is about.
  '座谈会',
  '工作会',
  '工作会议',
  '推进会',
  '交流会',
  '部署会',
  '研讨会',
  '专题会',
  '大会',
  '年会',
  // Titles of office and party bodies.
  '书记',
  '总书记',
  '副书记',
  '党委书记',
  '党组书记',
  '局长',
  '副局长',
  '厅长',
  '副厅长',
  '主任',
  '副主任',
  '院长',
  '副院长',
  '董事长',
  '总经理',
  '副总经理',
  '部长',
  '副部长',
  '市长',
  '副市长',
  '省长',
  '副省长',
  '主席',
  '组长',
  '副组长',
  '处长',
  '党委',
  '党组',
  '委员',
  '常委',
])

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/
const LATIN = /^[a-z][a-z0-9+.-]*$/

function isName(tag: string | undefined): boolean {
  return tag !== undefined && tag.startsWith('nr')
}

/** What a word can be in a phrase. */
interface WordRole {
  word: string
  /** The word's IDF, squared (see `specificity`). */
  idf2: number
  inPhrase: boolean
  start: boolean
  end: boolean
  single: boolean
}

function roleOf(word: string, lex: Lexicon): WordRole {
  const han = HAN.test(word)
  const latin = !han && word.length >= 2 && LATIN.test(word)
  if (!han && !latin) return { word, idf2: 0, inPhrase: false, start: false, end: false, single: false }
  const tag = latin ? 'eng' : lex.pos(word)
  const idf = lex.idf(word)
  const generic = GENERIC_WORDS.has(word)
  const inPhrase = !isName(tag) && (tag === undefined ? word.length > 1 : !NEVER_INSIDE.has(tag))
  const edge = inPhrase && !generic && idf >= PHRASE_RULES.minEdgeIdf && tag !== undefined
  return {
    word,
    idf2: idf * idf,
    inPhrase,
    start: edge && (tag === 'eng' || START_OK.has(tag)),
    end: edge && (tag === 'eng' || END_OK.has(tag)),
    single:
      edge && word.length >= 2 && (tag === 'eng' || (NOUNISH.has(tag) && tag !== 'ng' && tag !== 'g')) && idf >= PHRASE_RULES.minSingleIdf,
  }
}

const roleCache = new Map<string, WordRole>()

function cachedRole(word: string, lex: Lexicon): WordRole {
  let r = roleCache.get(word)
  if (!r) {
    r = roleOf(word, lex)
    if (roleCache.size > 500_000) roleCache.clear()
    roleCache.set(word, r)
  }
  return r
}

/**
 * The key-phrase candidates in a run of words: every sequence of one to four
 * words inside one clause that starts and ends like a noun phrase, with no
 * particle, pronoun, numeral or name inside, and no generic word at either end.
 */
export function phraseCandidates(words: readonly string[], lex: Lexicon = getLexicon()): Set<string> {
  const out = new Set<string>()
  const roles = words.map((w) => cachedRole(w, lex))
  for (let i = 0; i < roles.length; i++) {
    const first = roles[i]!
    if (!first.start && !first.single) continue
    if (first.single) remember(out, first.word, first.idf2)
    if (!first.start) continue
    let phrase = first.word
    let idf2 = first.idf2
    for (let n = 1; n < PHRASE_RULES.maxWords && i + n < roles.length; n++) {
      const next = roles[i + n]!
      if (!next.inPhrase) break
      phrase += next.word
      idf2 += next.idf2
      if (phrase.length > PHRASE_RULES.maxChars) break
      // A phrase ends on a real word: single characters there are fragments (高质, 新驱).
      if (next.end && next.word.length >= 2) remember(out, phrase, idf2)
    }
  }
  return out
}

/** Specificity of phrases seen while segmenting, so ranking never re-segments them. */
const specs = new Map<string, number>()

function remember(out: Set<string>, phrase: string, idf2: number): void {
  out.add(phrase)
  if (!specs.has(phrase)) {
    if (specs.size > 2_000_000) specs.clear()
    specs.set(phrase, Math.sqrt(idf2))
  }
}

/**
 * Specificity of a phrase against general Chinese: the length of its vector of
 * word IDFs, so a longer phrase of specific words is more specific than any of
 * its words (高质量发展 9.7 > 高质量 9.0), while generic words add little.
 */
export function specificity(phrase: string, lex: Lexicon = getLexicon()): number {
  const known = specs.get(phrase)
  if (known !== undefined) return known
  let sum = 0
  for (const w of lex.cut(phrase)) sum += lex.idf(w) ** 2
  return Math.sqrt(sum)
}

/** Prepares an article for themes and summaries. Pure; the lexicon is loaded on first use. */
export function analyzeArticle(article: Pick<Article, 'id' | 'title' | 'date' | 'text'>, lex: Lexicon = getLexicon()): AnalyzedArticle {
  const original = `${article.title}\n${article.text}`
  const folded = fold(original)
  const words = lex.cut(folded)
  const wordStarts = new Int32Array(words.length)
  let pos = 0
  for (let i = 0; i < words.length; i++) {
    wordStarts[i] = pos
    pos += words[i]!.length
  }
  const textStart = article.title.length + 1
  const sentences = sentenceSpans(article.text).map((s) => ({ start: s.start + textStart, end: s.end + textStart }))
  return {
    id: article.id,
    title: article.title,
    ...(article.date !== undefined ? { date: article.date } : {}),
    original,
    folded,
    textStart,
    words,
    wordStarts,
    sentences,
    phrases: phraseCandidates(words, lex),
  }
}
