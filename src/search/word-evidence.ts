import { getLexicon } from '../text/lexicon.js'
import { segmenter } from '../text/segmenter.js'
import { wordOccurrences } from './coverage.js'
import { CHAIR_ASKED } from './answer-kind.js'
import { isCjk, isCjkText, type QueryWord } from './tokenize.js'

/**
 * How much of what a question names an article holds, for ranking (the
 * relevance filter keeps the plain `wordCoverage`): a word counts where it
 * stands as a word of its own, not inside a longer one (降落 in 降落伞), and a
 * name jieba does not know may be written out in full (澳网: 澳大利亚网球公开赛);
 * the word the question asks about (降落 of 降落在哪里, 回收 of 在哪里回收)
 * counts more (`focusWeight`).
 */

/** How many characters an abbreviation's characters may stand apart in the full name (澳[大利亚]网). */
const ABBREVIATION_GAP = 3

/** Parts of speech of a two-character word that may stand for a longer name: unknown, abbreviation (北航), noun (女单: 女子单打), proper noun (澳网). */
const ABBREVIABLE: ReadonlySet<string | undefined> = new Set([undefined, 'j', 'n', 'nz', 'nt'])

/**
 * Question words a focus word stands before, and what may come between (降落在哪里, 输给了谁,
 * 中国的第几个); not those asking when (探测器几点着陆: the subject stands before them, the verb after).
 */
const ASKS_AFTER = /^[了在的于]?(?:哪(?![年天月])|什么(?!时)|多少|谁|何(?![时年])|第几|几(?![点时年月日号]))/
const ASKS_BEFORE =
  /(?:哪里|哪儿|什么|多少[个名位件项家种份座条张只头台辆架艘枚颗所批]?|多长|多久|多大|多高|多远|谁|何时|何地|几点|几时|几个|几|哪[一个座位家种]?)[在是了的]?$/

/** What follows the verbs of what the person asked did, up to 谁: 出访的都有谁, 的是谁. */
const DID_BEFORE_WHO = /^\p{Script=Han}{0,2}的(?:都|还)?[有是]谁/u

/**
 * The verbs right after 谁 in a folded question (主持 of 是谁主持的, 讲解 of 是谁讲解的): what the person asked did.
 * @example deedsAsked('政治局集体学习是谁讲解的', words) // ['讲解']
 */
export function deedsAsked(foldedQuestion: string, words: readonly QueryWord[]): string[] {
  const lexicon = getLexicon()
  const before = (w: QueryWord) => foldedQuestion.slice(0, foldedQuestion.indexOf(w.text))
  const verb = (w: QueryWord) => lexicon.pos(w.text)?.startsWith('v') === true
  const after = [...focusWords(foldedQuestion, words, true)].map((i) => words[i]!).filter((w) => /谁[是在来]?$/.test(before(w)) && verb(w))
  // (Or the verb after 谁作的, 谁做了: 说明 of 是谁作的说明; or after 哪位 and who they are: 参加 of 还有哪位领导参加了会见.)
  const made = words.filter((w) => /谁[作做][了的]$/.test(before(w)) && verb(w))
  const which = words.filter((w) => /哪一?位\p{Script=Han}{0,4}$/u.test(before(w)) && verb(w) && !/[是在]$/.test(before(w)))
  // (Keywords ending in 主持人 ask who chaired: 主持.)
  const chaired = CHAIR_ASKED.test(foldedQuestion) ? ['主持'] : []
  // (Or the verbs of what they did, before 的…谁: 陪同 and 出访 of 陪同出访的都有谁.)
  const did = words.filter(
    (w) => verb(w) && wordOccurrences(foldedQuestion, w.text).some((at) => DID_BEFORE_WHO.test(foldedQuestion.slice(at + w.text.length))),
  )
  return [...new Set([...after, ...made, ...which, ...did].map((w) => w.text).concat(chaired))]
}

/**
 * The words of a folded question that stand beside its question word: what it
 * asks about (回收 of 是在哪里回收的, 着陆 of 几点着陆). A word before 是 is the
 * subject, not the focus. `afterOnly`: only the words after it (回收, not 降落 of 降落在哪里).
 * @example focusWords('实践十九号是在哪里回收的', words) // [index of 回收]
 */
export function focusWords(foldedQuestion: string, words: readonly QueryWord[], afterOnly = false): Set<number> {
  const out = new Set<number>()
  for (const [i, w] of words.entries()) {
    for (const at of wordOccurrences(foldedQuestion, w.text)) {
      const after = foldedQuestion.slice(at + w.text.length, at + w.text.length + 4)
      const before = foldedQuestion.slice(Math.max(0, at - 4), at)
      if ((!afterOnly && ASKS_AFTER.test(after)) || ASKS_BEFORE.test(before)) out.add(i)
      // 哪位军委副主席: after 哪位, a noun and a more specific noun after it name the post asked (an
      // organisation and a post), not the first alone (军委, which 军委主席 holds too).
      const next = words[i + 1]
      if (ASKS_POST.test(before) && isNoun(w) && adjacent(w, next) && isNoun(next!) && next!.specificity > w.specificity) out.add(i + 1)
    }
  }
  return out
}

/** 哪位 before a word: a person is asked by their post. */
const ASKS_POST = /哪[一]?位[是的]?$/

/** Whether a query word is a noun (or one jieba's dictionary lacks: a name, a post it cut as 副主席). */
const isNoun = (w: QueryWord) => /^(?:n|nz|nr|nt|j)$/.test(getLexicon().pos(w.text) ?? 'n')

/** Whether `b` stands right after `a` in the same segment of a query. */
function adjacent(a: QueryWord | undefined, b: QueryWord | undefined): boolean {
  return a !== undefined && b !== undefined && a.segment === b.segment && a.end === b.start
}

/**
 * Whether `word` occurs in `folded` as itself at least once: a verb found only
 * inside a longer dictionary noun (降落 in 降落伞, 回收 in 回收站) names another
 * thing; a noun inside a longer one (联盟 in 联盟军) still names its kind.
 */
export function holdsWholeWord(folded: string, word: string): boolean {
  const at = wordOccurrences(folded, word)
  if (at.length === 0) return false
  const lexicon = getLexicon()
  if (!lexicon.pos(word)?.startsWith('v') || lexicon.pos(word) === 'vn') return true
  for (const p of at) {
    const next = folded[p + word.length]
    const prev = folded[p - 1]
    const noun = (w: string) => lexicon.pos(w)?.startsWith('n') === true
    const inside = (next !== undefined && noun(word + next)) || (prev !== undefined && noun(prev + word))
    if (!inside) return true
  }
  return false
}

/**
 * Whether a two-character name or abbreviation (澳网, 北航) is written out in
 * full in `folded`: its characters in order, at most ABBREVIATION_GAP apart,
 * with nothing but CJK characters between (澳大利亚网球).
 */
export function holdsAbbreviated(folded: string, word: string): boolean {
  return ABBREVIABLE.has(getLexicon().pos(word)) && holdsShortened(folded, word)
}

/**
 * Whether a two-character word of any kind is written out in `folded` as `holdsAbbreviated` finds a
 * name: 建交 in 建立外交关系. Only for a sentence already holding what else is asked (the year of 哪年建交):
 * alone, two characters a few apart say little.
 */
export function holdsShortened(folded: string, word: string): boolean {
  if (word.length !== 2 || !isCjk(word.charCodeAt(0)) || !isCjk(word.charCodeAt(1))) return false
  for (let at = folded.indexOf(word[0]!); at >= 0; at = folded.indexOf(word[0]!, at + 1)) {
    for (let j = at + 2; j <= at + 1 + ABBREVIATION_GAP && j < folded.length; j++) {
      const c = folded.charCodeAt(j - 1)
      if (!isCjk(c)) break
      if (folded[j] === word[1]) return true
    }
  }
  return false
}

/** How far apart the characters of a longer abbreviation may stand in the full name (投[资贸易]洽[谈]会). */
const SPELLED_OUT_GAP = 4

/**
 * Whether `folded` spells out an abbreviation of three or more characters (投洽会 in 投资贸易洽谈会): its characters
 * in order, each at most SPELLED_OUT_GAP after the one before, with nothing but CJK characters between. Only where
 * the text is already known to be about the thing (after the ordinal a question names it by: 第二十四届…): alone,
 * three characters a few apart say little (冬运会 lost DRCD and blind answers).
 */
export function holdsSpelledOut(folded: string, word: string): boolean {
  if (word.length < 3 || ![...word].every((ch) => isCjk(ch.charCodeAt(0)))) return false
  const from = (at: number, k: number): boolean => {
    if (k === word.length) return true
    for (let j = at + 1; j <= at + SPELLED_OUT_GAP && j < folded.length; j++) {
      if (folded[j] === word[k] && from(j, k + 1)) return true
      if (!isCjk(folded.charCodeAt(j))) break
    }
    return false
  }
  for (let at = folded.indexOf(word[0]!); at >= 0; at = folded.indexOf(word[0]!, at + 1)) if (from(at, 1)) return true
  return false
}

/** One-character modifiers before a noun: 老电影, 新机场, 大项目, 原部长. */
const MODIFIERS: ReadonlySet<string> = new Set('老新旧大小原前首')

/**
 * The dictionary words a compound is made of, in order and covering it (产品产量: 产品, 产量),
 * from jieba's search cut; none for a word it does not split into two-character words or longer.
 */
export function compoundParts(word: string): string[] {
  const pieces = segmenter()
    .cutForSearch(word, false)
    .filter((p) => p.length >= 2 && p.length < word.length)
  // A noun after a one-character modifier (老电影, 新机场) is named by the noun (电影).
  if (MODIFIERS.has(word[0]!) && pieces.includes(word.slice(1))) return [word.slice(1)]
  // The longest piece first at each place, a shorter one where the longest leaves no cover (公交线 / 路: 公交 / 线路).
  const cover = (at: number): string[] | undefined => {
    if (at === word.length) return []
    for (const p of pieces.filter((p) => word.startsWith(p, at)).sort((a, b) => b.length - a.length)) {
      const rest = cover(at + p.length)
      if (rest) return [p, ...rest]
    }
    return undefined
  }
  return cover(0) ?? []
}

/** Whether folded text holds a two-character word with its second character in brackets: 省市 in 7个省（市）, 区县 in 区(县). */
function holdsBracketed(folded: string, word: string): boolean {
  return word.length === 2 && (folded.includes(`${word[0]}（${word[1]}）`) || folded.includes(`${word[0]}(${word[1]})`))
}

/** Quotation marks and the middle dot, which a name may carry inside it: 平“语”近人, “黄河古都”一号, 中国梦·劳动美. */
const INNER_MARKS = '“”‘’「」『』"\'·•・'
const splitForms = new Map<string, RegExp>()

/**
 * Whether folded text holds the word with quotation marks or a middle dot between its characters, as a title
 * or name is often written (平语近人 in 《平“语”近人》, 古都一号 in “黄河古都”一号旅游公路); at least one mark between.
 */
export function holdsQuoteSplit(folded: string, word: string): boolean {
  if (word.length < 2 || !folded.includes(word[0]!)) return false
  let re = splitForms.get(word)
  if (!re) {
    const marks = `[${INNER_MARKS}]`
    const chars = [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    re = new RegExp(chars.join(`${marks}*`), 'g')
    if (splitForms.size > 10_000) splitForms.clear()
    splitForms.set(word, re)
  }
  for (const m of folded.matchAll(re)) if (m[0].length > word.length) return true
  return false
}

/** Countries news names by one character before a word (俄国防部, 乌总统, 以外长), and their names in full. */
const COUNTRY_SHORT: ReadonlyMap<string, readonly string[]> = new Map([
  ['俄', ['俄罗斯']],
  ['乌', ['乌克兰']],
  ['以', ['以色列']],
  ['美', ['美国']],
  ['英', ['英国']],
  ['法', ['法国']],
  ['德', ['德国']],
  ['日', ['日本']],
  ['韩', ['韩国']],
  ['朝', ['朝鲜']],
  ['印', ['印度', '印尼']],
  ['巴', ['巴勒斯坦', '巴基斯坦', '巴西']],
  ['伊', ['伊朗', '伊拉克']],
  ['叙', ['叙利亚']],
  ['黎', ['黎巴嫩']],
  ['沙', ['沙特']],
  ['土', ['土耳其']],
  ['越', ['越南']],
  ['菲', ['菲律宾']],
  ['澳', ['澳大利亚', '澳门']],
  ['欧', ['欧盟', '欧洲']],
])

/**
 * Whether folded text names a country's word by the country's full name (俄罗斯国防部 for 俄国防部, 乌克兰总统 for
 * 乌总统): a word of one country character and a dictionary word of two or more.
 */
export function holdsCountryWritten(folded: string, word: string): boolean {
  const full = COUNTRY_SHORT.get(word[0]!)
  const rest = word.slice(1)
  if (!full || rest.length < 2 || getLexicon().pos(rest) === undefined) return false
  return full.some((f) => folded.includes(f + rest))
}

/**
 * Whether folded text holds the word as a word, written out in full, with its second character in brackets, with
 * quotation marks inside it (`holdsQuoteSplit`), or with the country it starts with written in full (`holdsCountryWritten`).
 */
export const holdsNamed = (folded: string, word: string): boolean =>
  holdsWholeWord(folded, word) ||
  holdsAbbreviated(folded, word) ||
  holdsBracketed(folded, word) ||
  holdsQuoteSplit(folded, word) ||
  holdsCountryWritten(folded, word)

/**
 * The share of the question's word weight (focus words counting `focusWeight`
 * times) that each of `texts` holds (`holdsNamed`), 0..1; 1 for a question
 * without words.
 */
export function namedShare(words: readonly QueryWord[], focus: ReadonlySet<number>, focusWeight: number, ...texts: string[]): number {
  return share(words, focus, focusWeight, (w) => texts.some((t) => holdsNamed(t, w)))
}

function share(words: readonly QueryWord[], focus: ReadonlySet<number>, focusWeight: number, holds: (word: string) => boolean): number {
  let total = 0
  let found = 0
  for (const [i, w] of words.entries()) {
    const weight = w.weight * (focus.has(i) ? focusWeight : 1)
    total += weight
    if (holds(w.text)) found += weight
  }
  return total > 0 ? found / total : 1
}

/**
 * Nouns that name the kind of value asked for (名字 of 叫什么名字, 城市 of 哪个城市,
 * 日期 of 举办日期): the answer is an instance or a figure, which an article
 * gives without the noun itself.
 */
const KIND_NOUNS: ReadonlySet<string> = new Set(
  '名字 名称 全名 姓名 选手 运动员 球员 队员 人物 人士 领导 领导人 官员 标题 题目 全称 目标 时间 日期 地点 地方 位置 举办地 所在地 发生地 城市 国家 省份 地区 老家 家乡 故乡 籍贯 数量 人数 金额 总额 总值 总数 数值 总量 总分 得分 分数 成绩 规模 数额 额度 比例 幅度 价格 数字 数据 情况 结果 原因 起因 缘由 理由 方式 办法 内容 单位 机构 公司 企业 部门 项目 东西 事情'.split(
    ' ',
  ),
)

/** Whether a folded word names the kind of value asked for (`KIND_NOUNS`: 举办地, 时间, 人数), not a thing. */
export const namesKind = (word: string): boolean => KIND_NOUNS.has(word)

/**
 * Measures jieba tags as verbs (身高, 收入): nouns here. Not 比分 (tagged an adverb), which a report gives as 3比0
 * without the word (a news-dev answer lost), nor 排名 (位列第二).
 */
const MEASURES_TAGGED_OTHERWISE: ReadonlySet<string> = new Set(['身高', '收入'])

/**
 * Words jieba tags as nouns that say how much, when or where over, not what (一共有多少, 目前有多少,
 * 全国一共有多少家: a report gives the national figure without 全国).
 */
const NOT_ASKED: ReadonlySet<string> = new Set(
  '一共 总共 累计 合计 共计 总计 预计 估计 预期 据说 听说 据悉 目前 如今 现在 当前 今年 去年 全年 已经 对方 双方 各方 本人 自己 大家 别人 他人 全国 全球 全世界 全省 全市 全区 全县 国内 我国 各地 各国'.split(
    ' ',
  ),
)

/** 是哪家媒体, 是什么机构: a question word and the noun of the kind it asks for (`objectOfVerb`). */
const WHICH_NOUN = /^[是为]?(?:哪[一]?[个家位所座种项部条支名只件届次场门类款国]?|什么)(?=\p{Script=Han})/u

/**
 * Whether the question goes on from the word before 是哪家… to a verb after the asked noun
 * (长文是哪家媒体播发的): the word is what was done (the article, 文章 in the report),
 * not a word whose value is asked, as 旗手 of 旗手是哪位运动员 is.
 */
function objectOfVerb(rest: string): boolean {
  const m = WHICH_NOUN.exec(rest)
  if (!m) return false
  const words = segmenter().tag(rest.slice(m[0].length), true)
  return words.length > 1 && /^n/.test(words[0]!.tag) && words.slice(1).some((w) => w.tag.startsWith('v'))
}

/**
 * Whether the word before the question word qualifies the noun it asks, with no 是 between
 * (央行哪位副行长, 河北哪个城市): the noun after is asked (a report names the 副行长 by the bank's
 * full name, 中国人民银行), not the word before, as 旗手 of 旗手是哪位运动员 is.
 */
function qualifiesAskedNoun(rest: string): boolean {
  const m = /^哪[一]?[个家位所座种项部条支名只件届次场门类款国]?(?=\p{Script=Han})/u.exec(rest)
  if (!m) return false
  return /^n/.test(segmenter().tag(rest.slice(m[0].length), true)[0]?.tag ?? '')
}

/** Whether `word`, first found in a folded question from `from` on, is followed by 了, 过 or 着: a verb. */
function doneAfter(foldedQuestion: string, word: string, from: number): boolean {
  const at = foldedQuestion.indexOf(word, from)
  return at >= 0 && /^[了过着]/.test(foldedQuestion.slice(at + word.length))
}

/** Last characters of nouns whose instances' names end in them (执政党: 新民主党, 监测站: 珠峰站). */
const NAME_ENDINGS: ReadonlySet<string> = new Set('党站会馆园厂场桥港村镇市县号团队院校所社局委组船舰星'.split(''))

/** Nouns measuring what the word before them names (理赔金额, 参赛人数): that word is what must be told of. */
const MEASURE_NOUNS: ReadonlySet<string> = new Set('金额 总额 总值 总数 数值 数量 人数 总量 规模 数额 额度 价格'.split(' '))

/** Units a count after 多少 or 几 is asked in (几纳米, 多少公里, 多少亿元). */
const UNIT_WORDS =
  /^(?:[纳微毫厘千]?米|公里|平方公里|平方米|立方米|公斤|千克|克|吨|万吨|亿吨|[万亿]?元|[万亿]?美元|[千兆]?瓦|秒|分钟|小时|天|年|度|倍|岁|亩|公顷)$/

/**
 * What follows the word whose value a question asks: 旗手是谁, 票价是多少, 主持人都有谁, 妻子是做什么的;
 * not a question asking when (计划什么时候发射, 哪天, 几点): the word before it tells of the event.
 */
const VALUE_AFTER =
  /^(?:都|一共|总共|共|大概|大约|究竟|到底|最低|最高|最少|最多|至少)?(?:(?:是|有|为|叫|要|需要)?做?|(?:能|可以|会)\p{Script=Han}了?|\p{Script=Han}了)(?:谁|多少|几(?![点时月号日年])|什么(?!时|原因|缘故)|哪(?!一?[天年月日])|多[大高长重远深宽](?![时久的]))/u
/**
 * A count asked of what is named after it (收了多少亩芝麻, 有多少台采棉机在作业, 有多少人参会): after
 * 多少 or 几 and its classifier or unit, the question goes on, so the word before the verb (机器,
 * 秋收, 会议) says where or by what, not what is counted. Not 卖了多少份 or 要多少钱, which end there.
 */
const COUNT_WORD = /多少|几/
/** The classifier or unit after 多少 or 几 (多少亩, 几台, 多少亿元). */
const COUNT_UNIT =
  /^[万亿千百十]?(?:[名个位件项家种份座条张只头台辆架艘枚颗粒棵株篇部所批栋套处支亩吨米元钱岁年天次倍人]|美元|公里|公斤|平方米|公顷)?/u

/** Whether a count asked after a word (`VALUE_AFTER`) is of what the question names after its classifier (`COUNT_UNIT`). */
function countsNounAfter(rest: string): boolean {
  const m = COUNT_WORD.exec(rest.slice(0, 12))
  if (!m) return false
  const after = rest.slice(m.index + m[0].length)
  const next = after[COUNT_UNIT.exec(after)![0].length]
  return next !== undefined && !/[\s\p{P}的呢吗啊呀了么]/u.test(next)
}

/** What precedes it: 多少奖金, 几名运动员. */
const VALUE_BEFORE = /(?:多少|几)[名个位件项家种份座条张只头台辆架艘枚颗粒棵株篇部所批栋套处支]?$/

/**
 * The words of a folded question whose value it asks (旗手 of 旗手是谁, 奖金 of
 * 拿到多少奖金, 理赔 of 理赔金额是多少): nouns jieba's dictionary knows, other
 * than the nouns naming a kind of value (名字, 城市, 日期). An article that
 * never names one does not answer, whatever else of the question it holds
 * (叶光富 and 工作, never 妻子).
 * @example valueWords('叶光富的妻子是做什么工作的', words) // [index of 妻子]
 */
export function valueWords(foldedQuestion: string, words: readonly QueryWord[]): number[] {
  return [...new Set(valueWordRuns(foldedQuestion, words).map((r) => r.head))]
}

/**
 * `valueWords`, each with where the nouns it heads start (`from`: 武装 of 多少武装分子, 外国 of
 * 多少外国患者; the word itself when it heads none).
 */
export function valueWordRuns(foldedQuestion: string, words: readonly QueryWord[]): Array<{ head: number; from: number }> {
  const lexicon = getLexicon()
  const out = new Map<number, number>()
  const nounish = (w: QueryWord) => /^(?:n|vn|nz|j)/.test(lexicon.pos(w.text) ?? 'n')
  for (const [i, w] of words.entries()) {
    for (const at of wordOccurrences(foldedQuestion, w.text)) {
      // (A question typed apart asks of the keyword before it: 最佳男主角 是谁.)
      const rest = foldedQuestion.slice(at + w.text.length).replace(/^\s+/, '')
      const after = VALUE_AFTER.test(rest) && !objectOfVerb(rest) && !countsNounAfter(rest) && !qualifiesAskedNoun(rest)
      const before = VALUE_BEFORE.test(foldedQuestion.slice(Math.max(0, at - 3), at))
      if (!after && !before) continue
      // 1月14日用什么: jieba's 日用 is the end of a date and a verb, no noun.
      if (/\d$/.test(foldedQuestion.slice(0, at)) && /^[年月日号时]/.test(w.text)) continue
      // 几纳米制程 asks a count in a unit, whatever the thing measured is called (制程, 工艺).
      if (before && !after && UNIT_WORDS.test(w.text)) continue
      let k = i
      // 多少外国患者: the head of the nouns after 多少 (患者), not what qualifies it; a word after them
      // that 了, 过 or 着 follows (多少家跨国公司交流了, jieba's 交流/n) is what they did.
      if (before && !after)
        while (adjacent(words[k], words[k + 1]) && nounish(words[k + 1]!) && !doneAfter(foldedQuestion, words[k + 1]!.text, at)) k++
      // 理赔金额: the measure's word before it, when it stands right there.
      if (MEASURE_NOUNS.has(words[k]!.text) && adjacent(words[k - 1], words[k])) k--
      const word = words[k]!.text
      const pos = MEASURES_TAGGED_OTHERWISE.has(word) ? 'n' : lexicon.pos(word)
      if (
        word.length >= 2 &&
        isCjkText(word) &&
        pos !== undefined &&
        // Before 是多少 a word jieba tags a verb names a thing too (造价是多少); before a measure, what it measures (理赔金额).
        (MEASURE_NOUNS.has(words[k + 1]?.text ?? '') || (k === i && after && rest.startsWith('是'))
          ? /^(?:n|v|nz|j)/
          : /^(?:n|vn|nz|j)/
        ).test(pos) &&
        // jieba cuts 全名是 as one word.
        !KIND_NOUNS.has(word.replace(/是$/, '')) &&
        // A verbal noun right before 什么 or 哪 is the verb of the question (把新能源车比作什么, 讨论什么, 指控哪两个国家):
        // its object is asked.
        !(k === i && pos === 'vn' && /^(?:什么|啥|哪)/.test(rest)) &&
        !NOT_ASKED.has(word) &&
        // 执政党叫什么: the name asked ends in what the word ends in (新民主党), whether or not the report says 执政党.
        !(k === i && after && /^都?叫/.test(rest) && NAME_ENDINGS.has(word.at(-1)!))
      )
        out.set(k, Math.min(out.get(k) ?? k, i))
    }
  }
  return [...out].map(([head, from]) => ({ head, from }))
}

/**
 * Characters many verbs share without sharing a sense (发 of 发射 and 发展, 开 of 开播 and 开展, 完 of 完成 and
 * 完善 aside): a verb is not said in other words by another sharing only one of these.
 */
const LIGHT_MORPHEMES: ReadonlySet<string> = new Set(
  '发开出进行成作打搞做加有为到上下起来去见得过给让使被把将要会能可是在对以于与和及等大小全新老高重再',
)

/** Characters of verbs of opposite sense: 开幕 is not said by 闭幕 or 落幕, nor 升级 by 降级. */
const OPPOSITE_MORPHEMES: ReadonlyArray<readonly [string, string]> = [
  ['开启始', '闭关落终结收停'],
  ['升涨增提', '降跌减'],
  ['进入', '出退'],
  ['来', '去'],
  ['生', '死'],
  ['买', '卖'],
  ['胜赢', '负输败'],
]

const opposite = (a: string, b: string): boolean =>
  OPPOSITE_MORPHEMES.some(([x, y]) => (x.includes(a) && y.includes(b)) || (y.includes(a) && x.includes(b)))

/**
 * Whether folded text says a two-character verb of the question in other words, as a reader's verb and a report's
 * often differ: another verb sharing one of its characters that is not a light one (`LIGHT_MORPHEMES`), and whose
 * other character is not of opposite sense (播出 for 开播, 完成 for 搞完, 提升 for 升级, 回击 for 还击).
 * @example saysVerbOtherwise('特别节目今晚播出', '开播') === true
 */
export function saysVerbOtherwise(folded: string, word: string): boolean {
  const lexicon = getLexicon()
  if (word.length !== 2 || !lexicon.pos(word)?.startsWith('v')) return false
  for (let i = 0; i < 2; i++) {
    const shared = word[i]!
    const other = word[1 - i]!
    if (LIGHT_MORPHEMES.has(shared) || !isCjk(shared.charCodeAt(0))) continue
    for (let at = folded.indexOf(shared); at >= 0; at = folded.indexOf(shared, at + 1)) {
      for (const v of [at > 0 ? folded.slice(at - 1, at + 1) : '', folded.slice(at, at + 2)]) {
        if (v.length !== 2 || v === word || v[0] === v[1]) continue
        const theirs = v[0] === shared ? v[1]! : v[0]!
        if (!isCjk(theirs.charCodeAt(0)) || opposite(other, theirs)) continue
        if (lexicon.pos(v)?.startsWith('v')) return true
      }
    }
  }
  return false
}
