import { sentenceSpans } from '../text/sentences.js'
import { judge, PROPER_NAME, RANKING, RELEVANCE, type Judgement, type QueryModel } from './rerank.js'
import { holdsWord, wordOccurrences } from './coverage.js'
import { compoundParts, holdsAbbreviated, holdsCountryWritten, holdsQuoteSplit, namesKind } from './word-evidence.js'
import { fold } from '../text/script.js'
import { getLexicon } from '../text/lexicon.js'
import { TermIndex } from './term-index.js'
import { ASKING_PART, indexTerms, parseQuery, type ParsedQuery } from './tokenize.js'
import { WHICH_CLASSIFIERS } from './answer-kind.js'
import { vocabularyVariants, writtenOut, type VocabularyVariant } from '../text/vocabulary.js'
import { synonymVariants } from '../text/synonyms.js'
import type { Article } from '../corpus/article.js'
import type { Span } from '../text/types.js'
import type { ArticleMeta, SearchHit, SearchOptions, SearchOutcome, SearchResult } from './types.js'

export { RANKING, RELEVANCE } from './rerank.js'

/**
 * The search index: MiniSearch (BM25, through TermIndex) over whole articles
 * finds candidates, then each candidate's sentences are scored against the
 * query to rerank and to pick the excerpt.
 */

/**
 * Candidate generation reads at most about this many postings: a query's
 * terms are taken rarest first, and terms held by a large share of the
 * corpus (whose idf is small) are left to the reranker once the rarer ones
 * have filled the budget. MiniSearch spends 1-2 µs per posting it scores,
 * so this bounds a query's first stage to a few milliseconds. The rarest
 * term is always searched, however common.
 */
export const POSTING_BUDGET = 5000

interface Entry {
  article: Article
  meta: ArticleMeta
  /** fold(article.text), made when the article is first a candidate. */
  folded?: string
  sentences?: Span[]
  /** fold(article.title), made with `folded`. */
  title?: string
}

/** Term frequencies of an article: its title and its text, folded. */
function termFrequencies(article: Article): Map<string, number> {
  const tf = new Map<string, number>()
  for (const t of indexTerms(fold(article.title))) tf.set(t, (tf.get(t) ?? 0) + 1)
  for (const t of indexTerms(fold(article.text))) tf.set(t, (tf.get(t) ?? 0) + 1)
  return tf
}

export class SearchIndex {
  private terms = new TermIndex()
  private entries = new Map<string, Entry>()

  /**
   * An index from a snapshot of its terms (`termSnapshot()`) and the very
   * articles it was made from. Throws when they do not match.
   */
  static restore(snapshot: Uint8Array, docs: Iterable<{ article: Article; meta: ArticleMeta }>): SearchIndex {
    const index = new SearchIndex()
    index.terms = TermIndex.deserialize(snapshot)
    for (const { article, meta } of docs) {
      if (!index.terms.has(article.id)) throw new Error(`snapshot lacks article ${article.id}`)
      index.entries.set(article.id, { article, meta })
    }
    if (index.entries.size !== index.terms.size) throw new Error('snapshot holds articles that are not given')
    return index
  }

  /** The term index as bytes, for `SearchIndex.restore`. */
  termSnapshot(): Uint8Array {
    return this.terms.serialize()
  }

  get size(): number {
    return this.entries.size
  }

  /** Adds (or replaces) an article. */
  add(article: Article, meta: ArticleMeta): void {
    if (this.entries.has(article.id)) this.remove(article.id)
    this.terms.add(article.id, termFrequencies(article))
    this.entries.set(article.id, { article, meta })
  }

  /** Gives back spare capacity after many additions (a cold start or a large reload). */
  compact(): void {
    this.terms.trim()
  }

  /** Removes an article; unknown ids are ignored. */
  remove(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.terms.remove(id, termFrequencies(entry.article).keys())
    this.entries.delete(id)
  }

  getArticle(id: string): Article | undefined {
    return this.entries.get(id)?.article
  }

  getMeta(id: string): ArticleMeta | undefined {
    return this.entries.get(id)?.meta
  }

  metas(): ArticleMeta[] {
    return [...this.entries.values()].map((e) => e.meta)
  }

  articles(): Article[] {
    return [...this.entries.values()].map((e) => e.article)
  }

  private idf(term: string): number {
    const n = this.entries.size
    const df = this.terms.df(term)
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /**
   * Every candidate of a query judged, best first, with the parsed query,
   * its vocabulary variants, and every BM25 candidate looked
   * at (`seen`, judged or not). What `search` filters and pages through;
   * exposed for measuring.
   */
  rank(query: string): {
    parsed: ParsedQuery
    variants: VocabularyVariant[]
    ranked: Ranked[]
    seen: Array<{ folded: string; title: string }>
  } {
    const parsed = parseQuery(query)
    if (parsed.terms.length === 0 || this.entries.size === 0) return { parsed, variants: [], ranked: [], seen: [] }
    // The query as typed, in the other side's vocabulary (軟體 → 软件) and in other words (降落 → 着陆): one model each.
    const vocabulary = vocabularyVariants(parsed.folded)
    const variants = [...vocabulary, ...synonymVariants(parsed.folded)]
    const models = [parsed, ...variants.map((v) => parseQuery(v.text))].map((p): QueryModel => {
      const weights = new Map<string, number>()
      for (const t of p.terms) weights.set(t, this.idf(t))
      return { parsed: p, weights, totalWeight: [...weights.values()].reduce((a, b) => a + b, 0) }
    })
    // Rarest first; common terms join while the posting budget lasts.
    const terms = [...new Set(models.flatMap((m) => m.parsed.terms))]
    const known = terms.filter((t) => this.terms.df(t) > 0).sort((a, b) => this.terms.df(a) - this.terms.df(b))
    const searched: string[] = []
    let postings = 0
    for (const t of known) {
      const df = this.terms.df(t)
      if (searched.length > 0 && postings + df > POSTING_BUDGET) break
      searched.push(t)
      postings += df
    }
    const candidates =
      searched.length > 0 ? this.terms.search(searched, RANKING.candidates, { k: RANKING.k, b: RANKING.b, d: RANKING.d }) : []
    const top = candidates[0]?.score ?? 1
    const ranked: Ranked[] = []
    const seen: Array<{ folded: string; title: string }> = []
    for (const c of candidates) {
      const entry = this.entries.get(c.id)
      if (!entry) continue
      entry.folded ??= fold(entry.article.text)
      entry.sentences ??= sentenceSpans(entry.article.text)
      entry.title ??= fold(entry.article.title)
      seen.push({ folded: entry.folded, title: entry.title })
      const candidate = {
        text: entry.article.text,
        folded: entry.folded,
        sentences: entry.sentences,
        title: entry.title,
        bm25: c.score / top,
        ...(entry.meta.date ? { date: entry.meta.date } : {}),
      }
      let judged = judge(models[0]!, candidate)
      for (const [i, v] of variants.entries()) {
        // A variant can only do better where the article holds one of the words it puts in.
        if (v.scope === 'hant' && entry.meta.script !== 'hant') continue
        if (!v.forms.some((f) => holdsOutsideName(entry.folded!, f) || holdsOutsideName(entry.title!, f))) continue
        const synonym = i >= vocabulary.length
        // Other words are for an article that does not say it the question's way (着陆, never 降落), at least
        // in one of the words replaced (妇女 kept, 孩子 read as the report's 儿童).
        if (synonym && v.replaced.every((r) => holdsWord(entry.folded!, r) || holdsWord(entry.title!, r))) continue
        const other = judge(models[i + 1]!, candidate, synonym ? RANKING.synonym : 1)
        if (other && betterJudgement(other, judged)) judged = other
      }
      if (!judged) continue
      ranked.push({ meta: entry.meta, judged, folded: entry.folded, title: entry.title })
    }
    ranked.sort((a, b) => b.judged.rank - a.judged.rank || a.meta.id.localeCompare(b.meta.id))
    return { parsed, variants, ranked, seen }
  }

  /**
   * Searches: the candidates that answer the query (RELEVANCE), best first, one page of them.
   * @example index.search('中国铜业的会议在哪里召开？', { limit: 3 }).hits[0].excerpt.text // '会议在昆明召开…'
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, Math.min(options.limit ?? 5, 100))
    const offset = Math.max(0, options.offset ?? 0)
    const { parsed, variants, ranked, seen } = this.rank(query)
    // (Or written out, as an abbreviation is: 社融 in 社会融资, pmi in 采购经理指数.)
    const namedIn =
      (r: { folded: string; title: string }) =>
      (form: string): boolean => {
        const out = writtenOut(form)
        return (
          holdsWord(r.folded, form) ||
          holdsWord(r.title, form) ||
          holdsAbbreviated(r.folded, form) ||
          holdsAbbreviated(r.title, form) ||
          holdsQuoteSplit(r.folded, form) ||
          holdsQuoteSplit(r.title, form) ||
          holdsCountryWritten(r.folded, form) ||
          holdsCountryWritten(r.title, form) ||
          (out !== undefined && (r.folded.includes(out) || r.title.includes(out)))
        )
      }
    const held = (word: string) => seen.some((r) => namedIn(r)(word))
    // A word is named where it stands, where the other vocabulary's word for it does (軟體: 软件), or where
    // each word of a compound does (法国议会: 法国…议会选举); it is missing when no candidate names it.
    const parts = new Map<string, string[]>()
    const partsOf = (word: string) => parts.get(word) ?? parts.set(word, compoundParts(word)).get(word)!
    const namedAs = (word: string, holds: (form: string) => boolean) =>
      holds(word) ||
      variants.some((v) => v.replaced.some((r, i) => (r.includes(word) || word.includes(r)) && holds(v.forms[i]!))) ||
      (partsOf(word).length > 1 && partsOf(word).every(holds))
    const missing = parsed.words
      .filter((w) => !namedAs(w.text, held))
      .sort((a, b) => b.specificity - a.specificity)
      .map((w) => w.text)
    // Two keywords typed apart (煤炭 铜业) are each enough: an article may answer one of them.
    // Three or more describe one thing (梅西 今晚 比赛 比分), and news must hold them together.
    const typed = parsed.folded.trim().split(/\s+/)
    const typedApart = typed.length
    // (Not a keyword and a question, 便秘 多吃什么水果: the question is asked of the keyword.)
    const twoKeywords = typedApart === 2 && !typed.some((p) => ASKING_PART.test(p))
    const newsEvidence = typedApart >= 3 ? RELEVANCE.keywordEvidence : RELEVANCE.headlineEvidence
    // Whether a candidate holds enough of the question, the words it asks aside.
    const holdsTopic = ({ judged: j, title, meta }: Ranked) =>
      (j.coverage >= RELEVANCE.minWords || j.chars >= RELEVANCE.minChars) &&
      j.coverage + j.chars >= RELEVANCE.minEvidence &&
      (j.chars >= RELEVANCE.headlineChars || j.titled || !j.headline) &&
      // (Whether the title is a headline is asked last: it runs the tagger.)
      // A dated article is news whatever its title (习近平会见塞舌尔总统 tags 会见 a noun).
      (twoKeywords ||
        j.coverage + j.chars >= newsEvidence ||
        title.length < RELEVANCE.headlineTitleChars ||
        !(meta.date !== undefined || j.headline))
    // A question about 2019 is not answered by an article of 2024 that never tells of 2019.
    const holdsQuestion = (r: Ranked) => holdsTopic(r) && !r.judged.otherYear
    // 叶光富的妻子是做什么的 is not answered by an article that never names his wife, nor
    // 神舟二十号 by one of 神舟十八号.
    // A short question whose most specific word no news report holds (王者荣耀 怎么上王者, 去新疆自驾需要注意啥)
    // is about what the news does not cover, whatever else of it a report holds. Not for encyclopedia
    // text, where it refused right answers (CMRC R@1 0.986 → 0.975).
    // A bare number (10 of 突破10万美元) or a date (2025年 of 2025年服贸会在哪里举办) qualifies what the
    // question names: it is not counted.
    // Nor is a word of time pointing from now (昨晚 of 湖人昨晚比赛比分多少, 今天, 目前: `DEICTIC`); a named
    // day or span (国庆, 75周年) names what is asked of.
    const lexicon = getLexicon()
    const naming = parsed.words.filter(
      (w) => !/^\d+(?:\.\d+)?[年月日号]?$/.test(w.text) && !(lexicon.pos(w.text) === 't' && DEICTIC.test(w.text)),
    )
    const mostSpecific = (words: typeof naming) =>
      words.reduce<(typeof naming)[number] | undefined>((a, w) => (a && a.specificity >= w.specificity ? a : w), undefined)
    // (Not a word naming the kind of value asked, 举办地 of 十四冬 开幕式 举办地: a report answering names the place.)
    const rarest = mostSpecific(naming.filter((w) => !namesKind(w.text)))
    // Nor is an edition of a series (第十六届中国航展) that no news report names: the news has not reported it.
    const noEdition = ranked.some((r) => r.judged.namesEdition === false) && !ranked.some((r) => r.judged.namesEdition === true)
    // Nor, whatever its length, is one that opens with a pair of characters jieba does not know, its most specific
    // word, that no report holds (蔚来汽车2024年交付了多少辆): a name the news has not reported. (Not 这波, 那俩, 有个: a
    // demonstrative glued to its classifier; nor three characters, as often a reader's abbreviation: 电企联.)
    const opensUnknown =
      rarest !== undefined &&
      rarest.text.length === 2 &&
      lexicon.pos(rarest.text) === undefined &&
      !DEMONSTRATIVE.test(rarest.text) &&
      parsed.folded.trimStart().startsWith(rarest.text) &&
      missing.includes(rarest.text)
    const uncovered =
      noEdition ||
      ((opensUnknown || (rarest !== undefined && naming.length <= RELEVANCE.shortQuestionWords && missing.includes(rarest.text))) &&
        ranked[0]?.meta.date !== undefined)
    // Nor is it answered by a report that never names that word, whatever else of it the report holds
    // (明天上海会下雨吗: a typhoon report naming 明天 and 上海).
    const short = rarest !== undefined && naming.length <= RELEVANCE.shortQuestionWords && !twoKeywords
    const namesRarest = (r: Ranked) => r.meta.date === undefined || namedAs(rarest!.text, namedIn(r))
    // Nor, whatever the question's length, by a report ranked below one that names the question's most specific
    // name (`isName`), and never naming it nor writing it out (规上: 规模以上):
    // the question is about what the better one names (第七届世界佛教论坛, refused as another edition of the
    // 佛教论坛), not what the rest of it shares with other news (第七届中国国际进口博览会…虹桥论坛).
    // (Not the kind of thing asked, 城市 of 哪座城市, jieba's ns as it is: a report answering names the city, not the word.)
    // (An unknown pair of characters is a name when a news headline among the candidates holds it: 高滨 of 高滨核电站.)
    const headlined = (word: string) =>
      word.length === 2 && lexicon.pos(word) === undefined && ranked.some((r) => r.meta.date !== undefined && r.title.includes(word))
    // The rule holds for the most specific such name and, apart, for the most specific such pair: one does not
    // stand in for the other (上合 of 上合组织政府首脑理事会 does not excuse a report from naming 政府首脑).
    const rarestNames = twoKeywords
      ? []
      : [
          mostSpecific(naming.filter((w) => isName(w.text, w.specificity) && !askedOf(parsed.folded, w.text))),
          mostSpecific(naming.filter((w) => headlined(w.text) && !askedOf(parsed.folded, w.text))),
        ].flatMap((w) => (w ? [w.text] : []))
    const firstNaming = rarestNames.map(
      (name) => [name, ranked.findIndex((r) => r.meta.date !== undefined && namedAs(name, namedIn(r)))] as const,
    )
    const belowNaming = (r: Ranked, i: number) =>
      r.meta.date !== undefined && firstNaming.some(([name, first]) => first >= 0 && i > first && !namedAs(name, namedIn(r)))
    // A rare verb no candidate names (搞完, 见报: `READERS_VERB_IDF`) is the reader's own word for the deed: a report
    // need not name it. A common one (开幕, 预约) names a deed or service the reports do not tell of.
    const readersVerb = (w: string | undefined) =>
      w !== undefined && missing.includes(w) && lexicon.pos(w)?.startsWith('v') === true && lexicon.idf(w) >= READERS_VERB_IDF
    const lacks = ({ judged: j }: Ranked) => j.lacksValue || j.unknown !== undefined || (j.unnamed !== undefined && !readersVerb(j.unnamed))
    // Nor, in news, by a report ranked well below a first one that cannot answer (`belowFirstUnanswering`).
    const belowFirst = belowFirstUnanswering(ranked[0], holdsTopic, lacks)
    const answers = uncovered
      ? []
      : ranked.filter((r, i) => holdsQuestion(r) && !lacks(r) && (!short || namesRarest(r)) && !belowNaming(r, i) && !belowFirst(r))
    // Nothing answers, but the best article on the question never names what it asks: say so.
    // Or it names it only to say it is not known yet (起火原因正在调查中): say that.
    const why =
      answers.length === 0
        ? ranked.find((r) => (r.judged.unnamed !== undefined || r.judged.unknown !== undefined) && holdsQuestion(r))?.judged
        : undefined
    const unsaid = why?.unnamed
    const unknown = why?.unknown
    // Padding is measured against the first result, which always stays.
    const first = answers[0]?.judged.specific ?? 0
    const kept = answers.filter((r, i) => i === 0 || r.judged.specific >= RELEVANCE.relative * first)
    const outcome: SearchOutcome =
      kept.length > 0 ? 'found' : parsed.terms.length === 0 ? 'empty' : seen.length === 0 ? 'no-match' : 'unanswered'
    return {
      // Excerpts are cut for the requested page only.
      hits: kept
        .slice(offset, offset + limit)
        .map(({ meta, judged }): SearchHit => ({ article: meta, excerpt: judged.excerpt, score: Math.round(judged.rank * 1000) / 1000 })),
      total: kept.length,
      outcome,
      missing,
      ...(unsaid !== undefined ? { unsaid } : {}),
      ...(unknown !== undefined ? { unknown } : {}),
    }
  }
}

/**
 * How rare (jieba IDF) a verb of the question no candidate names must be to be taken for the reader's own word, not
 * one a report answering must name: 搞完 11.5, 开播 10.9, 见报 10.1, against 开幕 8.3, 预约 8.7, 好吃 8.1. Chosen on this
 * session's blind sets (not committed): dev hit@1 255 → 256 of 280, 249 → 250 of 280 on four sets written later.
 */
export const READERS_VERB_IDF = 10

/** What `belowFirstUnanswering` reads of a ranked candidate. */
export type RankedJudgement = Pick<Ranked, 'meta'> & {
  judged: Pick<Judgement, 'rank' | 'coverage' | 'chars' | 'lacksRequired' | 'otherYear'>
}

/**
 * Which candidates a news question's first one leaves out when it holds the question's topic (`holdsTopic`) but
 * cannot answer it, lacking what an answer needs or telling of another year: those ranked below
 * RELEVANCE.belowLacking times its rank (措美哲古风电场 装机容量 is not answered by another wind farm's; nor
 * 2025年世界数字教育大会在哪里举办 by a report naming the 2025 session of another meeting when the first is of the
 * 2024 one), unless they hold more of the question than it (word and character shares together): then the first
 * is not the report most about it.
 */
export function belowFirstUnanswering<R extends RankedJudgement>(
  first: R | undefined,
  holdsTopic: (r: R) => boolean,
  lacks: (r: R) => boolean = (r) => r.judged.lacksRequired,
): (r: RankedJudgement) => boolean {
  if (!first || first.meta.date === undefined || !(lacks(first) || first.judged.otherYear) || !holdsTopic(first)) return () => false
  const floor = RELEVANCE.belowLacking * first.judged.rank
  const evidence = (r: RankedJudgement) => r.judged.coverage + r.judged.chars
  // (Of another year, the first holds less of the question for lacking the year: no report is more about it for that.)
  return (r) => r.judged.rank < floor && (first.judged.otherYear || evidence(r) <= evidence(first))
}

/**
 * Whether one judgement of an article (under a variant of the query: other vocabulary, other words) is better than
 * another: one showing the article has what an answer needs beats one saying it lacks it (与世长辞 for 去世 finds the
 * day asked), else the higher rank.
 */
export function betterJudgement(other: Judgement, judged: Judgement | undefined): boolean {
  if (!judged) return true
  if (judged.lacksRequired !== other.lacksRequired) return !other.lacksRequired
  return other.rank > judged.rank
}

/** A demonstrative (or 有, 哪) jieba may glue to the classifier after it: 这波, 那俩, 有个, 哪位. */
const DEMONSTRATIVE = /^[这那此该本有哪]/

/** The start of a word of time that points from now (今天, 昨晚, 明年, 近日, 目前, 上午), not a named day or span (国庆, 周年). */
const DEICTIC = /^[今昨明前去近目现本这上下当]/

/**
 * jieba's IDF of a noun rare enough to name one thing (佛教论坛 11.95, 遗骸 9.57), not a kind of figure or of
 * people (总额 6.39, 民众 7.07). Chosen on the sets written blind in the twelfth session (README ¹⁵): 7 and 8
 * alike; 9 and over lost an answer from the first five.
 */
const NAME_IDF = 8

/**
 * Whether a query word names one thing: a proper name (`PROPER_NAME`), a noun of NAME_IDF or rarer, or
 * a word of three or more characters jieba does not know. Not what is done (到访), a number, a kind of figure
 * (总额), nor an unknown pair of characters, as often jieba's mis-cut (升油 of 多少升油) as a name.
 */
function isName(word: string, specificity: number): boolean {
  const pos = getLexicon().pos(word)
  if (pos === undefined) return word.length > 2
  return PROPER_NAME.test(pos) || (pos.startsWith('n') && specificity >= NAME_IDF)
}

/** What a question says just before the kind of thing it asks for (哪座, 什么, 几个). */
const ASKED_KIND = new RegExp(`(?:(?:哪[一几些]?|多少|几)[${WHICH_CLASSIFIERS}]?|什么)$`)

/** Whether a folded question asks for a thing of the word's kind, or how many: 哪座城市, 什么奖, 几个省市. */
function askedOf(folded: string, word: string): boolean {
  return wordOccurrences(folded, word).some((at) => ASKED_KIND.test(folded.slice(0, at)))
}

/** Parts of speech of the names a word may stand inside without naming itself (纳米 in 纳米比亚). */
const NAME_TAGS = /^n[rst]/

/**
 * Whether folded text holds a word somewhere other than inside a longer name jieba's dictionary
 * knows (奈米's 纳米 in 纳米比亚, a country, is no nanometre).
 */
function holdsOutsideName(folded: string, word: string): boolean {
  const lexicon = getLexicon()
  for (const at of wordOccurrences(folded, word, 20)) {
    let inside = false
    for (let a = Math.max(0, at - 3); a <= at && !inside; a++)
      for (let b = at + word.length; b <= Math.min(folded.length, at + word.length + 3) && !inside; b++)
        if (b - a > word.length && NAME_TAGS.test(lexicon.pos(folded.slice(a, b)) ?? '')) inside = true
    if (!inside) return true
  }
  return false
}

/** One judged candidate. */
export interface Ranked {
  meta: ArticleMeta
  judged: Judgement
  /** The article's folded text and title. */
  folded: string
  title: string
}
