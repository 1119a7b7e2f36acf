import { createHash } from 'node:crypto'
import { compounds, wordKind, type AnalyzedArticle } from './analyze.js'
import { distinctTerms, documentFrequencies, type DocumentFrequencies } from './frequencies.js'
import { getLexicon, type Lexicon } from '../text/lexicon.js'
import { storySentences, type StorySentence } from './story-sentence.js'
import { recurringSentences, type SentenceContext } from './summary.js'
import { dot, unit, type Vector } from './vectors.js'

/** Articles that are the same report (one outlet copying another, or one report published twice). */
export interface StoryItem {
  /** The articles, most recent first; the first stands for the item. */
  articleIds: string[]
  /** Distinct named sources among them (at least 1). */
  sources: number
}

/** One event or topic that several articles of the window are about. */
export interface Story {
  /**
   * Stable key: derived from the story's earliest article (by date, then id),
   * so the same story keeps its key while later articles join it.
   */
  key: string
  /** The story's name in Simplified script, from its most distinctive words: `嫦娥六号`, `以军·拉法`. */
  name: string
  /** Its most distinctive words (folded), best first. */
  terms: string[]
  /** Near-duplicate groups, most recent first. */
  items: StoryItem[]
  /** Every article of the story, most recent first. */
  articleIds: string[]
  /** Distinct named sources across the story's articles (at least 1). */
  sources: number
  /** Date of the most recent article, `YYYY-MM-DD`, when known. */
  latest?: string
  /** Rank score: items, sources, recency. */
  score: number
  /** The sentence that says what happened, in its article's script. */
  sentence?: StorySentence
}

/** The rules of story detection; `STORY_RULES` holds the defaults. */
export interface StoryRules {
  /** Terms an article vector keeps (its heaviest). */
  termsPerArticle: number
  /** A title term weighs this much more than one occurrence in the text. */
  titleWeight: number
  /** Share of a pair's similarity that comes from their titles alone. */
  titleShare: number
  /** A term more than this share of the window carries never describes a story. */
  maxWindowShare: number
  /** Cosine similarity at which two articles are the same report. */
  duplicateSimilarity: number
  /** Average similarity at which two groups of articles are one story. */
  mergeSimilarity: number
  /** A name must be in at least this share of the story's articles. */
  minNameCoverage: number
  /** A name word more than this share of the background carries is too common to name anything. */
  maxNameBackgroundShare: number
  /** A name needs a word at least this specific in general Chinese (jieba's IDF: 工作 4.2, 发射 6.5, 嫦娥 9.0). */
  minNameIdf: number
  /** Half-life of a story's recency, in days, for ranking. */
  recencyHalfLifeDays: number
  /** How much a term's burst (its share of the window over its share of the background) adds to its weight, as an exponent. */
  burstExponent: number
  /** The largest burst counted. */
  maxBurst: number
  /** A term at least this share of the window or the background carries is common: a lead-in made of such words is a dateline. */
  commonShare: number
  /** A merged group splits again into its two parts when each is a story with its own name, unless they were this similar. */
  maxSplitSimilarity: number
  /** A name an article shares with a group's titles draws it in when it weighs at least this much (see `termWeights`). */
  minJoinWeight: number
}

/** Defaults of story detection. Plain constants, visible in one place. */
export const STORY_RULES: Readonly<StoryRules> = {
  termsPerArticle: 40,
  titleWeight: 3,
  titleShare: 0.3,
  maxWindowShare: 0.5,
  duplicateSimilarity: 0.8,
  mergeSimilarity: 0.12,
  minNameCoverage: 0.5,
  maxNameBackgroundShare: 0.05,
  minNameIdf: 6,
  recencyHalfLifeDays: 3,
  burstExponent: 1,
  maxBurst: 4,
  commonShare: 0.1,
  maxSplitSimilarity: 0.3,
  minJoinWeight: 8,
}

export interface StoryOptions {
  /**
   * Fewest articles a story has. Default: 2 for a day's worth of articles,
   * growing with the window (3 from 100 articles, 4 from 1,000), since chance
   * pairs of similar articles grow with it.
   */
  minArticles?: number
  /** Most stories returned (default 50). */
  maxStories?: number
  /** The window's last day (`YYYY-MM-DD`), for recency; default: the newest article's date. */
  today?: string
  /** Overrides of `STORY_RULES` (for measurement). */
  rules?: Partial<StoryRules>
}

/**
 * Groups the window's articles into stories: near-duplicates are collapsed,
 * then articles are clustered by the words that set them apart (weighted by
 * inverse document frequency over the window and the corpus `background`,
 * so what most articles carry — outlets, programmes, datelines, slogans — adds
 * nothing), each story is named after its distinctive words, and stories are
 * ranked by items, sources and recency. Each article belongs to at most one
 * story. Pure and deterministic.
 * @example detectStories(window.map(analyzeArticle), background).stories[0].name // '嫦娥六号'
 */
export function detectStories(
  window: readonly AnalyzedArticle[],
  background: DocumentFrequencies = { docs: 0, df: new Map() },
  options: StoryOptions = {},
  lex: Lexicon = getLexicon(),
): StoryDetection {
  const rules = { ...STORY_RULES, ...options.rules }
  const n = window.length
  const minArticles = options.minArticles ?? Math.max(2, Math.floor(Math.log10(Math.max(n, 1))) + 1)
  const local = documentFrequencies(window.map(distinctTerms))
  const weightOf = termWeights(local, background, rules)
  const sims = similarities(window, weightOf, rules)

  // 1. Near-duplicates: one item each, however many outlets carried it.
  const dupOf = unionFind(n)
  for (const [i, row] of sims.entries()) for (const [j, s] of row) if (j > i && s >= rules.duplicateSimilarity) dupOf.union(i, j)

  // 2. Average-link clustering of the items.
  const trees = averageLink(n, sims, dupOf, rules.mergeSimilarity)

  // 3. Stories: groups big enough, parallel stories split apart, each named by words most of its
  //    articles carry and the rest of the window does not. A group with no such name is no story.
  const namer = new Namer(window, background, weightOf, rules, lex)
  const groups: Array<{ members: number[]; name: string; terms: string[] }> = []
  const clusters = trees.flatMap((t) => splitParallel(t, namer, window, minArticles, rules))
  const grown = grow(clusters, window, weightOf, (t) => local.df.get(t) ?? 0, rules, lex)
  for (const { members, compound } of poolByCompound(grown, window, weightOf, (t) => local.df.get(t) ?? 0, minArticles, rules, lex)) {
    if (members.length < minArticles) continue
    const named = namer.name(members) ?? (compound !== undefined ? namer.compoundName(members, compound) : undefined)
    if (named) groups.push({ members, ...named })
  }

  mergeRelated(groups, window, namer, lex)

  const today = options.today ?? window.reduce((max, a) => (a.date !== undefined && a.date > max ? a.date : max), '')
  const stories: Story[] = groups.map(({ members, name, terms }) => {
    const articles = members.map((i) => window[i]!).sort(mostRecentFirst)
    const items = itemsOf(members, dupOf, window)
    const sources = sourceCount(articles)
    const latest = articles.find((a) => a.date !== undefined)?.date
    return {
      key: storyKey(articles),
      name,
      terms,
      items,
      articleIds: articles.map((a) => a.id),
      sources,
      ...(latest !== undefined ? { latest } : {}),
      score: rankScore(items.length, sources, latest, today, rules),
    }
  })
  stories.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const shown = stories.slice(0, options.maxStories ?? 50)

  // 4. One sentence per story, in rank order, none repeating another story.
  const byId = new Map(window.map((a) => [a.id, a]))
  const groupsOfDuplicates = new Map<number, AnalyzedArticle[]>()
  window.forEach((a, i) => {
    const r = dupOf.find(i)
    const group = groupsOfDuplicates.get(r)
    if (group) group.push(a)
    else groupsOfDuplicates.set(r, [a])
  })
  const context: SentenceContext = {
    recurring: recurringSentences([...groupsOfDuplicates.values()]),
    weightOf,
    // Common needs numbers: in a handful of articles, a shared word is no evidence of a template.
    isCommon: (t) =>
      (local.df.get(t) ?? 0) >= Math.max(MIN_COMMON, local.docs * rules.commonShare) ||
      (background.df.get(t) ?? 0) >= Math.max(MIN_COMMON, background.docs * rules.commonShare),
  }
  const sentences = storySentences(
    shown.map((s) => s.articleIds.map((id) => byId.get(id)!)),
    context,
    lex,
  )
  shown.forEach((s, k) => {
    const sentence = sentences[k]
    if (sentence) s.sentence = sentence
  })
  return { stories: shown, context }
}

/** Fewest articles carrying a word before it can be called common. */
const MIN_COMMON = 10

/** What story detection found: the stories, and what it learnt of the window's sentences (for summaries). */
export interface StoryDetection {
  stories: Story[]
  context: SentenceContext
}

/** How much each term says about an article: idf over window and background, nothing for what most of the window carries. */
function termWeights(local: DocumentFrequencies, background: DocumentFrequencies, rules: StoryRules): (term: string) => number {
  const docs = local.docs + background.docs
  const cache = new Map<string, number>()
  return (term) => {
    let w = cache.get(term)
    if (w === undefined) {
      const inWindow = local.df.get(term) ?? 0
      const inBackground = background.df.get(term) ?? 0
      if (inWindow > local.docs * rules.maxWindowShare) w = 0
      else {
        w = Math.log((docs + 1) / (inWindow + inBackground + 1))
        if (background.docs > 0 && rules.burstExponent > 0) {
          const burst = (inWindow + 1) / (local.docs + 1) / ((inBackground + 1) / (background.docs + 1))
          w *= Math.min(rules.maxBurst, Math.max(1, burst)) ** rules.burstExponent
        }
      }
      cache.set(term, w)
    }
    return w
  }
}

/** The `keep` heaviest terms, as a unit vector. */
function normalise(raw: Map<string, number>, keep: number): Vector {
  if (raw.size <= keep) return unit(raw)
  return unit(new Map([...raw].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, keep)))
}

/** The article's weighted terms: text occurrences (sublinear) plus a bonus for the title's. */
function textVector(a: AnalyzedArticle, weightOf: (term: string) => number, rules: StoryRules): Vector {
  const raw = new Map<string, number>()
  for (const [t, tf] of a.terms) {
    const w = weightOf(t)
    if (w > 0) raw.set(t, (1 + Math.log(tf)) * w)
  }
  for (const t of a.titleTerms) {
    const w = weightOf(t)
    if (w > 0) raw.set(t, (raw.get(t) ?? 0) + rules.titleWeight * w)
  }
  return normalise(raw, rules.termsPerArticle)
}

function titleVector(a: AnalyzedArticle, weightOf: (term: string) => number): Vector {
  const raw = new Map<string, number>()
  for (const t of a.titleTerms) {
    const w = weightOf(t)
    if (w > 0) raw.set(t, w)
  }
  return normalise(raw, Infinity)
}

/** Text terms an article is looked up by, besides its title's. */
const KEY_TERMS = 12

/** Similarities below this are left out: far under any merge, and most pairs of a large window are there. */
const SIMILARITY_FLOOR = 0.02

/**
 * Sparse pair similarities: text and title cosines mixed. Only pairs that share
 * a term few articles carry are compared (a pair sharing nothing but common
 * words cannot be similar enough to matter), so a large window stays fast.
 */
function similarities(
  window: readonly AnalyzedArticle[],
  weightOf: (term: string) => number,
  rules: StoryRules,
): Array<Map<number, number>> {
  const text = window.map((a) => textVector(a, weightOf, rules))
  const title = window.map((a) => titleVector(a, weightOf))
  // Each article is looked up by its title terms and its heaviest text terms: two articles about one
  // story share at least one of those.
  const keys = window.map((_, i) => {
    const heaviest = [...text[i]!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, KEY_TERMS)
    return new Set([...heaviest.map(([t]) => t), ...title[i]!.keys()])
  })
  const termsOf = (i: number) => keys[i]!
  const postings = new Map<string, number[]>()
  window.forEach((_, i) => {
    for (const t of termsOf(i)) {
      const list = postings.get(t)
      if (list) list.push(i)
      else postings.set(t, [i])
    }
  })
  const cap = Math.max(50, Math.ceil(window.length * 0.02))
  const seen = new Int32Array(window.length).fill(-1)
  return window.map((_, i) => {
    const row = new Map<number, number>()
    for (const t of termsOf(i)) {
      const list = postings.get(t)!
      if (list.length > cap) continue
      for (const j of list) {
        if (j === i || seen[j] === i) continue
        seen[j] = i
        const s = (1 - rules.titleShare) * dot(text[i]!, text[j]!) + rules.titleShare * dot(title[i]!, title[j]!)
        if (s >= SIMILARITY_FLOOR) row.set(j, s)
      }
    }
    return row
  })
}

interface UnionFind {
  find(i: number): number
  union(i: number, j: number): void
}

function unionFind(n: number): UnionFind {
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  return {
    find,
    union: (i, j) => {
      const a = find(i)
      const b = find(j)
      // The smaller index stays the root, so the result does not depend on the order of unions.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
    },
  }
}

/**
 * Average-link agglomerative clustering over sparse similarities, starting
 * from the near-duplicate groups (each counted once: a report carried by five
 * outlets does not outweigh five different reports). Merges the most similar
 * pair of clusters while their average similarity is at least `threshold`.
 * Returns clusters as lists of article indexes.
 */
function averageLink(n: number, sims: ReadonlyArray<ReadonlyMap<number, number>>, dupOf: UnionFind, threshold: number): MergeTree[] {
  const itemOf = new Int32Array(n)
  const index = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const r = dupOf.find(i)
    let k = index.get(r)
    if (k === undefined) index.set(r, (k = index.size))
    itemOf[i] = k
  }
  const m = index.size
  const members: number[][] = Array.from({ length: m }, () => [])
  for (let i = 0; i < n; i++) members[itemOf[i]!]!.push(i)
  const tree: MergeTree[] = members.map((list) => ({ members: list }))
  // Item-to-item similarity: the mean over their members' pairs. From here on `total` holds, for two
  // clusters, the sum over their item pairs, so their average similarity is total / (items × items).
  const total: Array<Map<number, number>> = Array.from({ length: m }, () => new Map<number, number>())
  for (let i = 0; i < n; i++) {
    for (const [j, s] of sims[i]!) {
      const a = itemOf[i]!
      const b = itemOf[j]!
      if (a !== b) total[a]!.set(b, (total[a]!.get(b) ?? 0) + s)
    }
  }
  for (let a = 0; a < m; a++) for (const [b, s] of total[a]!) total[a]!.set(b, s / (members[a]!.length * members[b]!.length))
  const size = new Array<number>(m).fill(1)
  const alive = new Array<boolean>(m).fill(true)
  const heap = new PairHeap()
  for (let a = 0; a < m; a++) for (const [b, s] of total[a]!) if (a < b && s >= threshold) heap.push(s, a, b)
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [s, a, b] = top
    if (!alive[a] || !alive[b]) continue
    if (Math.abs((total[a]!.get(b) ?? 0) / (size[a]! * size[b]!) - s) > 1e-12) continue // stale entry
    alive[b] = false
    for (const [c, x] of total[b]!) {
      if (c === a) continue
      total[a]!.set(c, (total[a]!.get(c) ?? 0) + x)
      total[c]!.set(a, (total[c]!.get(a) ?? 0) + x)
      total[c]!.delete(b)
    }
    total[a]!.delete(b)
    size[a]! += size[b]!
    tree[a] = { members: [...tree[a]!.members, ...tree[b]!.members], parts: [tree[a]!, tree[b]!], similarity: s }
    for (const [c, x] of total[a]!) {
      const avg = x / (size[a]! * size[c]!)
      if (alive[c] && avg >= threshold) heap.push(avg, Math.min(a, c), Math.max(a, c))
    }
  }
  return tree.filter((_, a) => alive[a]).map(sortTree)
}

function sortTree(t: MergeTree): MergeTree {
  t.members.sort((x, y) => x - y)
  if (t.parts) t.parts.forEach(sortTree)
  return t
}

/**
 * Undoes the merges that joined two parallel stories: two state visits in the same
 * week, two launches to the same station. A merge splits when each part is big
 * enough to be a story, has a name of its own that the other part's articles
 * hardly carry, and the parts were not very similar.
 */
function splitParallel(t: MergeTree, namer: Namer, window: readonly AnalyzedArticle[], minArticles: number, rules: StoryRules): number[][] {
  if (!t.parts || t.similarity! > rules.maxSplitSimilarity) return [t.members]
  const [x, y] = t.parts
  if (x.members.length < minArticles || y.members.length < minArticles) return [t.members]
  const nx = namer.bestPhrase(x.members)
  const ny = namer.bestPhrase(y.members)
  const rarelyIn = (phrase: string, members: readonly number[]) =>
    members.filter((i) => window[i]!.folded.includes(phrase)).length * 3 <= members.length
  if (!nx || !ny || !rarelyIn(nx, y.members) || !rarelyIn(ny, x.members)) return [t.members]
  return [...splitParallel(x, namer, window, minArticles, rules), ...splitParallel(y, namer, window, minArticles, rules)]
}

/**
 * Grows the clusters: an article the clustering left alone joins a group of
 * two or more when it carries a proper name (a place, a person, an organisation,
 * one jieba does not know) that most of the group's titles carry and few
 * articles of the window do. A story's third report often shares its name with
 * the first two but little else: the leader's tour of the new district, not
 * just the two reports titled with it.
 */
function grow(
  clusters: readonly number[][],
  window: readonly AnalyzedArticle[],
  weightOf: (term: string) => number,
  carriers: (term: string) => number,
  rules: StoryRules,
  lex: Lexicon,
): number[][] {
  const cap = Math.max(5, window.length * 0.02)
  const out = clusters.map((members) => [...members])
  // Each group's names: proper names most of its titles carry, rare in the window.
  const names = clusters.map((group) => {
    if (group.length < 2) return []
    const titled = new Map<string, number>()
    for (const j of group) for (const t of window[j]!.titleTerms) titled.set(t, (titled.get(t) ?? 0) + 1)
    return [...titled]
      .filter(
        ([t, c]) => c >= 2 && c * 2 >= group.length && carriers(t) <= cap && weightOf(t) >= rules.minJoinWeight && isProperName(t, lex),
      )
      .map(([t]) => t)
  })
  clusters.forEach((members, k) => {
    if (members.length !== 1) return
    const a = window[members[0]!]!
    let best = -1
    let bestSum = 0
    names.forEach((terms, g) => {
      let sum = 0
      for (const t of terms) if (a.titleTerms.has(t) || a.terms.has(t)) sum += weightOf(t)
      if (sum > bestSum) [best, bestSum] = [g, sum]
    })
    if (best >= 0) {
      out[best]!.push(members[0]!)
      out[k] = []
    }
  })
  return out.filter((m) => m.length > 0).map((m) => m.sort((x, y) => x - y))
}

/**
 * Pools the groups too small to be a story whose articles share a compound
 * name (人民城市: two general words written together, see `compounds`) that
 * the titles of at least two of them carry and few articles of the window do.
 * The name a story goes by is often made of words every report uses, so its
 * reports share little else: the letter, the documentary and the seminar on
 * the "people's city" have only that name in common. Each group joins the pool
 * of its most specific such compound, so pools do not chain.
 */
function poolByCompound(
  clusters: readonly number[][],
  window: readonly AnalyzedArticle[],
  weightOf: (term: string) => number,
  carriers: (term: string) => number,
  minArticles: number,
  rules: StoryRules,
  lex: Lexicon,
): Array<{ members: number[]; compound?: string }> {
  const cap = Math.max(5, window.length * 0.02)
  const small = clusters.filter((m) => m.length < minArticles)
  // The small groups carrying each rare compound, and those whose titles do.
  const found = new Map<string, { groups: Set<number>; titled: Set<number>; carried: number }>()
  small.forEach((members, k) => {
    for (const i of members) {
      const a = window[i]!
      const titled = new Set(compounds(a.words.slice(a.titleFrom, a.titleWords), lex, true))
      for (const c of a.compounds) {
        if (carriers(c) > cap || weightOf(c) < rules.minJoinWeight) continue
        let f = found.get(c)
        if (!f) found.set(c, (f = { groups: new Set(), titled: new Set(), carried: 0 }))
        f.groups.add(k)
        f.carried++
        if (titled.has(c)) f.titled.add(k)
      }
    }
  })
  // Most specific first; most of the window's carriers are in small groups (a story found keeps its name).
  const links = [...found]
    .filter(([c, f]) => f.titled.size >= 2 && f.carried * 2 >= carriers(c))
    .sort((x, y) => weightOf(y[0]) - weightOf(x[0]) || (x[0] < y[0] ? -1 : 1))
  const taken = new Set<number>()
  const out: Array<{ members: number[]; compound?: string }> = clusters.filter((m) => m.length >= minArticles).map((m) => ({ members: m }))
  for (const [c, f] of links) {
    const groups = [...f.groups].filter((k) => !taken.has(k))
    if (groups.filter((k) => f.titled.has(k)).length < 2) continue
    groups.forEach((k) => taken.add(k))
    out.push({ members: groups.flatMap((k) => small[k]!).sort((x, y) => x - y), compound: c })
  }
  small.forEach((members, k) => taken.has(k) || out.push({ members }))
  return out
}

/**
 * Merges a story into a larger one that it is part of: when at least half of the smaller story's
 * articles carry a word of the larger one's name (a distinctive name: a country visited, a
 * spacecraft), and one of them appeared on the same day as an article of the larger story.
 * A screening in a country in the week of a state visit to it, a letter to a factory of the
 * country visited, are that visit's story.
 */
function mergeRelated(
  groups: Array<{ members: number[]; name: string; terms: string[] }>,
  window: readonly AnalyzedArticle[],
  namer: Namer,
  lex: Lexicon,
): void {
  const carries = (i: number, t: string) => window[i]!.terms.has(t) || window[i]!.titleTerms.has(t)
  for (;;) {
    let merged = false
    const bySize = [...groups.keys()].sort((x, y) => groups[x]!.members.length - groups[y]!.members.length || x - y)
    for (const s of bySize) {
      const small = groups[s]!
      let best = -1
      let bestShare = 0
      groups.forEach((big, b) => {
        if (b === s || big.members.length < small.members.length) return
        const nameTerms = big.terms.filter((t) => big.name.includes(t) && isProperName(t, lex))
        const carrying = small.members.filter((i) => nameTerms.some((t) => carries(i, t)))
        if (carrying.length * 2 < small.members.length) return
        const days = new Set(big.members.map((j) => window[j]!.date))
        if (!carrying.some((i) => window[i]!.date !== undefined && days.has(window[i]!.date))) return
        const share = carrying.length / small.members.length
        if (share > bestShare) [best, bestShare] = [b, share]
      })
      if (best < 0) continue
      const members = [...groups[best]!.members, ...small.members].sort((x, y) => x - y)
      const named = namer.name(members) ?? groups[best]!
      groups[best] = { members, name: named.name, terms: named.terms }
      groups.splice(s, 1)
      merged = true
      break
    }
    if (!merged) return
  }
}

/** Whether a word names a place, a person, an organisation or a thing (jieba's tags), or is one jieba does not know (潭美, 拉法). */
function isProperName(term: string, lex: Lexicon): boolean {
  const tag = lex.pos(term)
  return tag === undefined || /^(ns|nr|nrt|nt|nz|j|eng)$/.test(tag)
}

/** A cluster and how it was made: from two parts merged at `similarity`, or one item. */
interface MergeTree {
  members: number[]
  parts?: [MergeTree, MergeTree]
  similarity?: number
}

/** A max-heap of cluster pairs by average similarity; ties by pair, so the merge order is deterministic. */
class PairHeap {
  private readonly items: Array<[number, number, number]> = []

  push(score: number, a: number, b: number): void {
    const h = this.items
    h.push([score, a, b])
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(h[i]!, h[p]!)) break
      ;[h[i], h[p]] = [h[p]!, h[i]!]
      i = p
    }
  }

  pop(): [number, number, number] | undefined {
    const h = this.items
    const top = h[0]
    const last = h.pop()
    if (h.length > 0 && last) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < h.length && before(h[l]!, h[best]!)) best = l
        if (r < h.length && before(h[r]!, h[best]!)) best = r
        if (best === i) break
        ;[h[i], h[best]] = [h[best]!, h[i]!]
        i = best
      }
    }
    return top
  }
}

function before(x: [number, number, number], y: [number, number, number]): boolean {
  return x[0] > y[0] || (x[0] === y[0] && (x[1] < y[1] || (x[1] === y[1] && x[2] < y[2])))
}

/** Text without quotation marks, so `“五一”假期` reads as `五一假期`. */
function unquoted(text: string): string {
  return text.replace(/[“”"「」『』]/g, '')
}

/** Longest name made of two phrases; a longer one keeps only the first. */
const RULE_NAME_CHARS = 14

/** A candidate name: a run of title words, with the content terms it is made of. */
interface Phrase {
  text: string
  terms: string[]
  /** Starts and ends like a name of a thing; other phrases name a story only when nothing better does. */
  wellFormed: boolean
}

/**
 * Names stories. A name is a phrase from the story's titles (a run of up to
 * four content words: 嫦娥六号, 北京国际车展) that most of its articles carry,
 * scored by how much of the window's use of it falls in this story and how
 * rare its words are in the background; a second phrase joins with `·` when
 * it is nearly as good. No name qualifies when the story's shared words are
 * what much of the corpus carries: such a group is not a story.
 */
class Namer {
  /** Articles of the window carrying each term (title or text). */
  private readonly carriers = new Map<string, number[]>()

  constructor(
    private readonly window: readonly AnalyzedArticle[],
    private readonly background: DocumentFrequencies,
    private readonly weightOf: (term: string) => number,
    private readonly rules: StoryRules,
    private readonly lex: Lexicon,
  ) {
    window.forEach((a, i) => {
      for (const t of new Set([...a.terms.keys(), ...a.titleTerms, ...a.compounds])) {
        let list = this.carriers.get(t)
        if (!list) this.carriers.set(t, (list = []))
        list.push(i)
      }
    })
  }

  /** The best name phrase of a group, if any. */
  bestPhrase(members: readonly number[]): string | undefined {
    return this.scored(members)[0]?.phrase.text
  }

  name(members: readonly number[]): { name: string; terms: string[] } | undefined {
    const scored = this.scored(members)
    const best = scored[0]
    if (!best) return undefined
    const terms = [...new Set(scored.flatMap((s) => s.phrase.terms))].slice(0, 5)
    const first = best.phrase
    const second = scored.find((s) => s.score >= best.score * 0.5 && !s.phrase.terms.some((t) => first.terms.includes(t)))?.phrase
    if (!second) return { name: first.text, terms }
    // Written together by most of the articles (五一 + 假期 → 五一假期): one word.
    const together = (x: string) => members.filter((i) => unquoted(this.window[i]!.folded).includes(x)).length * 2 >= members.length
    if (together(second.text + first.text)) return { name: second.text + first.text, terms }
    if (together(first.text + second.text)) return { name: first.text + second.text, terms }
    const name = `${first.text}·${second.text}`
    return { name: name.length <= RULE_NAME_CHARS ? name : first.text, terms }
  }

  /**
   * A pool's name when none of its phrases is one: the compound that pooled it (人民城市), if it is
   * no more common than a name may be and most of the pool carries it.
   */
  compoundName(members: readonly number[], compound: string): { name: string; terms: string[] } | undefined {
    const inPool = new Set(members)
    const here = (this.carriers.get(compound) ?? []).filter((i) => inPool.has(i)).length
    if (!this.uncommon(compound) || here < members.length * this.rules.minNameCoverage) return undefined
    return { name: compound, terms: [compound] }
  }

  /** Candidate name phrases of a group, best first. */
  private scored(members: readonly number[]): Array<{ phrase: Phrase; score: number }> {
    const size = members.length
    const inStory = new Set(members)
    const candidates = new Map<string, Phrase>()
    for (const i of members) for (const p of titlePhrases(this.window[i]!, this.lex)) if (!candidates.has(p.text)) candidates.set(p.text, p)
    const scored: Array<{ phrase: Phrase; score: number }> = []
    for (const phrase of candidates.values()) {
      // Every word of a name is uncommon, and one is specific: no outlet, programme or slogan in it.
      if (!phrase.terms.every((t) => this.uncommon(t)) || !phrase.terms.some((t) => this.lex.idf(t) >= this.rules.minNameIdf)) continue
      const carriers = this.carrying(phrase)
      const here = carriers.filter((i) => inStory.has(i)).length
      if (here < 2 || here < size * this.rules.minNameCoverage) continue
      const titled = members.filter((i) => this.window[i]!.folded.slice(0, this.window[i]!.title.length).includes(phrase.text)).length
      const weight = phrase.terms.reduce((s, t) => s + this.weightOf(t), 0)
      scored.push({
        phrase,
        score: (here / size) * (here / carriers.length) * (1 + titled / size) * weight * (phrase.wellFormed ? 1 : 0.3),
      })
    }
    return scored.sort((x, y) => y.score - x.score || (x.phrase.text < y.phrase.text ? -1 : 1))
  }

  /** Whether a word can name a story: specific in general Chinese and not something much of the corpus carries. */
  private uncommon(term: string): boolean {
    if (this.weightOf(term) <= 0) return false
    // Without a background there is nothing to be common in. With one, the window counts too: it is part of
    // the corpus, and a sample of the rest can miss a name the whole feed keeps repeating (a premier's).
    if (this.background.docs === 0) return true
    const docs = this.background.docs + this.window.length
    const carriers = (this.background.df.get(term) ?? 0) + (this.carriers.get(term)?.length ?? 0)
    // Common needs numbers: in a corpus of a few dozen articles, a story is a large share of it.
    return carriers <= Math.max(MIN_COMMON, docs * this.rules.maxNameBackgroundShare)
  }

  /** Window articles whose folded text carries the phrase (looked up among the carriers of its rarest term). */
  private carrying(phrase: Phrase): number[] {
    let rarest: number[] | undefined
    for (const t of phrase.terms) {
      const list = this.carriers.get(t) ?? []
      if (!rarest || list.length < rarest.length) rarest = list
    }
    if (phrase.terms.length === 1) return rarest ?? []
    return (rarest ?? []).filter((i) => this.window[i]!.folded.includes(phrase.text))
  }
}

/** Runs of one to four content words in a title (no punctuation, digits or function words inside), at most 12 characters. */
function titlePhrases(a: AnalyzedArticle, lex: Lexicon): Phrase[] {
  // Units of the title, as content terms are made: words, and runs of single characters (潭 美 → 潭美);
  // a lone single character can sit inside a phrase (神舟 十 … ) but not at its edges.
  const units: Array<{ text: string; term: boolean; tag: string | undefined } | undefined> = []
  let run = ''
  const flush = () => {
    if (run) units.push({ text: run, term: run.length >= 2 && run.length <= 4, tag: undefined })
    run = ''
  }
  for (const w of a.words.slice(a.titleFrom, a.titleWords)) {
    const kind = wordKind(w, lex)
    if (kind === 'single') run += w
    else {
      flush()
      units.push(kind === 'content' ? { text: w, term: true, tag: nameTag(w, lex) } : undefined)
    }
  }
  flush()
  const out: Phrase[] = []
  for (let i = 0; i < units.length; i++) {
    const first = units[i]
    if (!first?.term) continue
    let text = ''
    const terms: string[] = []
    let nounish = false
    for (let j = i; j < units.length && j < i + 4; j++) {
      const unit = units[j]
      if (!unit) break
      text += unit.text
      if (text.length > 12) break
      if (!unit.term) continue
      terms.push(unit.text)
      nounish ||= unit.tag === undefined || NOUNISH.test(unit.tag)
      // A name reads best when it starts and ends on a thing (嫦娥六号, 北京国际车展), not on what was done (…举行).
      out.push({ text, terms: [...terms], wellFormed: nounish && !NOT_FIRST.test(first.tag ?? '') && !NOT_LAST.test(unit.tag ?? '') })
    }
  }
  return out
}

/** A word's part of speech for naming: a numbered model (六号, 十九号) names a thing, unlike an amount or an ordinal. */
function nameTag(word: string, lex: Lexicon): string | undefined {
  const tag = lex.pos(word)
  return tag === 'm' && word.endsWith('号') ? 'nz' : tag
}

/** Parts of speech (jieba's tags) of words that name things: nouns of all kinds, nominal verbs, abbreviations, Latin. */
const NOUNISH = /^(n|nr|ns|nt|nz|nw|vn|j|eng)$/
/** A name does not start with a verb, an adverb or a preposition… */
const NOT_FIRST = /^(v|vd|d|p)$/
/** …nor end with a verb, a numeral, an adverb or a distinguishing word (非正式). */
const NOT_LAST = /^(v|vd|m|mq|d|b|a|ad)$/

function itemsOf(members: readonly number[], dupOf: UnionFind, window: readonly AnalyzedArticle[]): StoryItem[] {
  const groups = new Map<number, AnalyzedArticle[]>()
  for (const i of members) {
    const r = dupOf.find(i)
    let g = groups.get(r)
    if (!g) groups.set(r, (g = []))
    g.push(window[i]!)
  }
  return [...groups.values()]
    .map((g) => g.sort(mostRecentFirst))
    .sort((x, y) => mostRecentFirst(x[0]!, y[0]!))
    .map((g) => ({ articleIds: g.map((a) => a.id), sources: sourceCount(g) }))
}

/** Distinct named sources of some articles (at least 1: an article comes from somewhere). */
export function sourceCount(articles: ReadonlyArray<{ source?: string }>): number {
  return Math.max(1, new Set(articles.map((a) => a.source).filter((x) => x !== undefined)).size)
}

function mostRecentFirst(a: AnalyzedArticle, b: AnalyzedArticle): number {
  const da = a.date ?? ''
  const db = b.date ?? ''
  return da < db ? 1 : da > db ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A short hash of the earliest article's id: stable while the story grows. */
function storyKey(articles: readonly AnalyzedArticle[]): string {
  return createHash('sha1').update(articles.at(-1)!.id).digest('hex').slice(0, 10)
}

/** Items count most, extra sources a little; a story whose latest article is older fades by half every few days. */
function rankScore(items: number, sources: number, latest: string | undefined, today: string, rules: StoryRules): number {
  const age = latest && today ? Math.max(0, (Date.parse(today) - Date.parse(latest)) / 86_400_000) : 0
  return (items + 0.5 * Math.log2(Math.max(1, sources))) * 0.5 ** (age / rules.recencyHalfLifeDays)
}
