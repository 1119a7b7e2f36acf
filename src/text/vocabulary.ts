import TWPhrases from 'opencc-js/dict/TWPhrases'
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev'
import { getLexicon } from './lexicon.js'
import { fold } from './script.js'

/**
 * Taiwan and mainland vocabulary: words the two write differently beyond
 * their characters (軟體/软件, 人工智慧/人工智能, 執行長/首席执行官, 網路/网络,
 * 晶片/芯片, 資訊/信息), which folding characters cannot bridge.
 *
 * Source: OpenCC's Taiwan phrase tables as opencc-js 1.4 ships them,
 * `TWPhrases` (mainland → Taiwan, what its `twp` conversion uses) and
 * `TWPhrasesRev` (Taiwan → mainland), both sides folded to Simplified
 * characters; plus BRAND_NAMES below, which OpenCC does not cover.
 */

/**
 * Names written in Chinese on one side of the strait or in news and in Latin
 * letters on the other, folded (lower case). Not in OpenCC.
 */
const BRAND_NAMES: ReadonlyArray<[string, string]> = [
  ['谷歌', 'google'],
  ['脸书', 'facebook'],
  ['推特', 'twitter'],
  ['微软', 'microsoft'],
  ['英伟达', 'nvidia'],
  ['辉达', 'nvidia'],
  ['高通', 'qualcomm'],
  ['英特尔', 'intel'],
  ['台积电', 'tsmc'],
  ['特斯拉', 'tesla'],
  ['亚马逊', 'amazon'],
  ['维基百科', 'wikipedia'],
]

/**
 * Letter abbreviations a reader types for what news may write out (CPI for
 * 居民消费价格, GDP for 国内生产总值 or 地区生产总值), folded. Not in OpenCC.
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['ai', '人工智能'],
  ['gdp', '生产总值'],
  ['cpi', '居民消费价格'],
  ['ppi', '工业生产者出厂价格'],
  ['pmi', '采购经理指数'],
  ['apec', '亚太经合组织'],
  ['wto', '世贸组织'],
  ['nasa', '美国航天局'],
  ['imf', '国际货币基金组织'],
  ['nato', '北约'],
  ['asean', '东盟'],
  ['g20', '二十国集团'],
  ['ceo', '首席执行官'],
  ['lng', '液化天然气'],
  ['opec', '欧佩克'],
  ['iaea', '国际原子能机构'],
  ['iso', '国际标准化组织'],
  ['who', '世卫组织'],
  ['un', '联合国'],
  ['eu', '欧盟'],
  ['unesco', '教科文组织'],
  ['g7', '七国集团'],
  ['brics', '金砖国家'],
  ['sco', '上合组织'],
  ['fifa', '国际足联'],
  ['ioc', '国际奥委会'],
  ['wef', '世界经济论坛'],
  ['esa', '欧洲航天局'],
  ['rcep', '区域全面经济伙伴关系协定'],
  ['cptpp', '跨太平洋伙伴关系协定'],
  ['depa', '数字经济伙伴关系协定'],
  ['lpr', '贷款市场报价利率'],
  ['iot', '物联网'],
  ['wta', '女子网球'],
  ['atp', '男子网球'],
  ['spacex', '太空探索技术公司'],
  ['oecd', '经济合作与发展组织'],
  ['fda', '食品药品监督管理局'],
  ['3c', '强制性产品认证'],
  ['qfii', '合格境外机构投资者'],
  ['dhl', '敦豪'],
  ['evtol', '电动垂直起降'],
  ['中科院', '中国科学院'],
  ['社科院', '社会科学院'],
])

/**
 * What news may write out for a letter abbreviation (居民消费价格 for cpi), folded; undefined for another word.
 * @example writtenOut('gdp') === '生产总值'
 */
export function writtenOut(code: string): string | undefined {
  const unit = /^(\d+(?:\.\d+)?)(kw|mw|gw|km|kg)$/.exec(code)
  return unit ? `${unit[1]}${UNITS_WRITTEN[unit[2]!]}` : ABBREVIATIONS.get(code)
}

/** Units news writes in Chinese that a reader types in letters after a number (18MW: 18兆瓦). */
const UNITS_WRITTEN: Readonly<Record<string, string>> = { kw: '千瓦', mw: '兆瓦', gw: '吉瓦', km: '公里', kg: '公斤' }

/**
 * A Taiwan form that is also everyday mainland Chinese (jieba's IDF, trained
 * on mainland text, below this: 资料 5.9, 支援 7.1 is above) keeps its mainland
 * meaning: 资料 typed by a mainland reader means materials, not data (数据).
 * 资讯 (6.7) is read as Taiwan vocabulary for information (信息).
 */
export const TAIWAN_ONLY_IDF = 6.5

/** A vocabulary table: folded word → the folded words the other side writes for it. */
type Table = Map<string, string[]>

interface Tables {
  /** Mainland words and their Taiwan forms. */
  toTaiwan: Table
  /** Taiwan words (not also everyday mainland words) and their mainland forms; brand names both ways. */
  toMainland: Table
  /** The Taiwan words of `toMainland` alone, without the brand names: each has one mainland form. */
  taiwanOnly: Table
  /** Every beginning of a `taiwanOnly` word (软, 软体): where a run of words may still spell one. */
  taiwanPrefixes: Set<string>
  /** 1 at the code of each character a `taiwanOnly` word starts with: most words are passed over on it alone. */
  taiwanFirst: Uint8Array
  /** Longest key, in characters. */
  longest: number
}

let tables: Tables | undefined

function parse(source: string, into: Table, keep: (from: string, to: string) => boolean): void {
  for (const entry of source.split('|')) {
    const [from, ...to] = entry.split(' ').map(fold)
    if (!from || from.length < 2 || !/^[\p{Script=Han}a-z0-9]+$/u.test(from)) continue
    const forms = to.filter((t) => t !== from && /^[\p{Script=Han}a-z0-9]+$/u.test(t) && keep(from, t))
    if (forms.length > 0) into.set(from, [...new Set([...(into.get(from) ?? []), ...forms])])
  }
}

function build(): Tables {
  const lexicon = getLexicon()
  const toTaiwan: Table = new Map()
  const toMainland: Table = new Map()
  parse(TWPhrases, toTaiwan, () => true)
  parse(TWPhrasesRev, toMainland, (from) => lexicon.idf(from) >= TAIWAN_ONLY_IDF)
  // A word both tables hold as a source (程序: mainland for program, Taiwan for process) is ambiguous.
  for (const word of toTaiwan.keys()) toMainland.delete(word)
  const taiwanOnly: Table = new Map(toMainland)
  const taiwanPrefixes = new Set<string>()
  const taiwanFirst = new Uint8Array(65536)
  for (const word of taiwanOnly.keys()) {
    taiwanFirst[word.charCodeAt(0)] = 1
    for (let n = 1; n <= word.length; n++) taiwanPrefixes.add(word.slice(0, n))
  }
  for (const [a, b] of BRAND_NAMES) {
    toMainland.set(a, [...(toMainland.get(a) ?? []), b])
    toMainland.set(b, [...(toMainland.get(b) ?? []), a])
  }
  let longest = 0
  for (const t of [toTaiwan, toMainland]) for (const k of t.keys()) longest = Math.max(longest, k.length)
  return { toTaiwan, toMainland, taiwanOnly, taiwanPrefixes, taiwanFirst, longest }
}

const isAlnum = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c)

/**
 * Rewrites folded text into the other vocabulary, longest words first, left to
 * right; undefined when it holds no word of the table. A Latin name is only
 * replaced as a whole word.
 */
function rewrite(folded: string, table: Table, longest: number): Omit<VocabularyVariant, 'scope'> | undefined {
  let out = ''
  const replaced: string[] = []
  const used: string[] = []
  let i = 0
  outer: while (i < folded.length) {
    for (let n = Math.min(longest, folded.length - i); n >= 2; n--) {
      const word = folded.slice(i, i + n)
      const forms = table.get(word)
      if (!forms) continue
      if (isAlnum(word[0]) && (isAlnum(folded[i - 1]) || isAlnum(folded[i + n]))) continue
      const form = forms[0]!
      // Keep a Latin form apart from the words around it.
      out += isAlnum(form[0]) ? ` ${form} ` : form
      replaced.push(word)
      used.push(form)
      i += n
      continue outer
    }
    out += folded[i]
    i++
  }
  return replaced.length > 0 ? { text: out, replaced, forms: used } : undefined
}

/** A query rewritten into the other side's vocabulary. */
export interface VocabularyVariant {
  /** The folded query with each table word replaced. */
  text: string
  /** The folded words that were replaced, and the words put in their place. */
  replaced: string[]
  forms: string[]
  /**
   * Which articles it is meant for: mainland words reach every article;
   * Taiwan words only Traditional-script ones (mainland and Hong Kong text
   * use 資料, 支援… with their mainland meanings).
   */
  scope: 'all' | 'hant'
}

/**
 * The query in the other vocabulary: its Taiwan words in mainland words (for
 * every article), and its mainland words in Taiwan words (for Traditional
 * articles). Empty when the query holds no such word.
 * @example vocabularyVariants(fold('人工智慧晶片')) // [{ text: '人工智能芯片', replaced: ['人工智慧', '晶片'], forms: ['人工智能', '芯片'], scope: 'all' }]
 */
export function vocabularyVariants(folded: string): VocabularyVariant[] {
  tables ??= build()
  const out: VocabularyVariant[] = []
  const mainland = rewrite(folded, tables.toMainland, tables.longest)
  if (mainland) out.push({ ...mainland, scope: 'all' })
  const taiwan = rewrite(folded, tables.toTaiwan, tables.longest)
  if (taiwan) out.push({ ...taiwan, scope: 'hant' })
  return out
}

/**
 * Words (folded, as jieba cut them) with the Taiwan words among them in mainland
 * words, so that text in either vocabulary is made of the same words: where
 * consecutive words spell a Taiwan-only word (智慧 财产权, 软体), the words of its
 * mainland form (知识产权, 软件) stand instead. Brand names are left as written.
 * @example mainlandWords(['加强', '智慧', '财产权', '保护']) // ['加强', '知识产权', '保护']
 */
export function mainlandWords(words: readonly string[]): readonly string[] {
  tables ??= build()
  const { taiwanOnly, taiwanPrefixes, taiwanFirst } = tables
  // Most texts hold no Taiwan word: they are returned as they are, without a copy.
  let out: string[] | undefined
  let copied = 0
  for (let i = 0; i < words.length; i++) {
    let spelled = words[i]!
    if (taiwanFirst[spelled.charCodeAt(0)] === 0 || !taiwanPrefixes.has(spelled)) continue
    let match = 0
    let form: string | undefined
    for (let j = i; ;) {
      const forms = taiwanOnly.get(spelled)
      if (forms) [match, form] = [j + 1 - i, forms[0]]
      if (++j >= words.length) break
      spelled += words[j]
      if (!taiwanPrefixes.has(spelled)) break
    }
    if (form === undefined) continue
    out ??= []
    while (copied < i) out.push(words[copied++]!)
    out.push(...getLexicon().cut(form))
    copied = i + match
    i = copied - 1
  }
  if (!out) return words
  while (copied < words.length) out.push(words[copied++]!)
  return out
}
