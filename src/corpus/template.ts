import { fold } from '../text/script.js'
import { sentenceSpans } from '../text/sentences.js'
import type { Span } from '../text/types.js'

/**
 * Boilerplate learned from the corpus itself. A site wraps every article in
 * the same furniture: a footer, a share line, a dateline of one shape, a photo
 * credit, a lead-in (`央视网消息（新闻联播）：`). Such a line or sentence recurs
 * across a large share of the articles of one source, each of which otherwise
 * says something of its own; content does not. What is learned here is
 * removed from what is indexed, excerpted, digested and read, never from the
 * files.
 *
 * Guards, so content is never taken for template:
 * - a unit counts only in articles that are mostly their own text: copies of
 *   one story (several outlets running it, a page saved twice) are no evidence;
 * - a source must have enough articles, and the unit must recur in a share of
 *   them, not just a few times (background sentences of follow-up stories);
 * - corpus-wide (across sources), and among articles of unknown source, only
 *   units at the edges of the body count;
 * - a shape (`記者…報導`) needs several different lines, all short.
 */

/** One article as the learner sees it. */
export interface TemplateDoc {
  /** Who wraps it: its site or source; `''` when unknown. Compared folded, so both scripts of a name are one group. */
  group: string
  /** Body lines (no title, no header lines). */
  lines: readonly string[]
  /** Its title, for learning site suffixes of titles. */
  title?: string
}

/** Thresholds of template learning. Defaults in {@link TEMPLATE_DEFAULTS}. */
export interface TemplateOptions {
  /** A group (source) needs this many articles before anything is learned from it alone. */
  minGroupArticles: number
  /** A unit is template in a group when it recurs in at least this share of its articles… */
  groupShare: number
  /** …and in at least this many. */
  minArticles: number
  /**
   * A unit that ends a statement (`。！？`) needs this share instead: a notice in every page is
   * template, a sentence that a few follow-up stories repeat (background) is content.
   */
  statementShare: number
  /** Corpus-wide, a unit at the body's edges is template in this share of all articles (and `corpusMinArticles`). */
  corpusShare: number
  corpusMinArticles: number
  /** Share of a unit's occurrences that must be at the edges (first 2 or last 3 lines) when edges are required. */
  edgeShare: number
  /** An article is evidence only when at least this share of its text is its own (units found nowhere else in the scope). */
  ownTextShare: number
  /** Shapes: units up to this long, at least `minShapeVariants` different ones. */
  shapeMaxChars: number
  minShapeVariants: number
  /** Title suffixes: a trailing segment that ends at least this many different titles. */
  minTitleSuffixTitles: number
}

export const TEMPLATE_DEFAULTS: TemplateOptions = {
  minGroupArticles: 10,
  groupShare: 0.3,
  minArticles: 5,
  statementShare: 0.5,
  corpusShare: 0.01,
  corpusMinArticles: 8,
  edgeShare: 0.8,
  ownTextShare: 0.3,
  shapeMaxChars: 40,
  minShapeVariants: 3,
  minTitleSuffixTitles: 5,
}

/** What was learned: hashed keys of template units, shapes and lead-ins, by group (`*`: any group). */
export interface TemplateModel {
  units: Record<string, number[]>
  shapes: Record<string, number[]>
  leads: Record<string, number[]>
  /** Trailing title segments that are site names (`風傳媒`). */
  titleSuffixes: string[]
}

/** A model that removes nothing. */
export const EMPTY_TEMPLATES: TemplateModel = { units: {}, shapes: {}, leads: {}, titleSuffixes: [] }

const ANY_GROUP = '*'
const EDGE_HEAD = 2
const EDGE_TAIL = 3
const MIN_OWN_UNIT = 8

/** The group key of a source or site: folded, no spaces, so `央視網` and `央视网` are one. */
export function groupKey(name: string | undefined): string {
  return name === undefined ? '' : fold(name).replace(/\s+/g, '')
}

/** 53-bit hash of a string (two FNV-1a variants), so keys are numbers and collisions practically never happen. */
export function hashKey(s: string): number {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)
}

/** A unit's text compared across articles: folded to one script, no spaces, every number one digit (`瀏覽 123` ~ `浏览 45`). */
function unitText(s: string): string {
  return fold(s).replace(/\s+/g, '').replace(/\d+/g, '0')
}

/**
 * The two shapes of a short unit: its first two and last two characters
 * (`記者…報導`, `（圖…攝）`), and its first three and last one, for lines whose
 * varying part runs to a closing bracket (`本报讯…）`).
 */
function shapesOf(text: string): [string, string] {
  return [`${text.slice(0, 2)}…${text.slice(-2)}`, `${text.slice(0, 3)}…${text.slice(-1)}`]
}

/** Hashes of the two shapes (the second marked so the two never collide). */
function shapeKeys(text: string): [number, number] {
  const [a, b] = shapesOf(text)
  return [hashKey(a), hashKey(`\u0001${b}`)]
}

/** A lead-in at the start of the first body line: `〔記者…報導〕`, `央视网消息（新闻联播）：`, `新华社北京3月5日电`, `本报讯（记者 张三）`. */
const LEAD_IN = [
  /^[〔【[［(（][^〔【[［(（〕】\]］)）]{2,30}[〕】\]］)）]/,
  /^[^，。！？,!?：:\s]{2,16}(?:[(（][^)）]{1,12}[)）])?[：:]/,
  /^[^，。！？,!?：:]{2,20}?\d{1,2}日(?:电|電|讯|訊)(?:[(（][^)）]{1,20}[)）])?/,
  /^[^，。！？,!?：:\s(（]{1,16}(?:讯|訊|电|電|消息)[(（][^)）]{1,20}[)）]/,
]

/** The lead-in of a first body line, if it has one and text follows it. */
export function leadIn(line: string): string | undefined {
  for (const re of LEAD_IN) {
    const m = re.exec(line)
    if (m && line.length - m[0].length >= 10) return m[0]
  }
  return undefined
}

/** What one article contributes: each distinct unit once, as parallel arrays. */
interface DocUnits {
  group: string
  keys: Float64Array
  /** The two shape keys of each unit (at 2i and 2i+1): of a short unit that does not end a statement, else 0. */
  shapes: Float64Array
  lengths: Uint16Array
  /** Bit 1: at the edges of the body; bit 2: bracketed; bit 4: ends a statement. */
  flags: Uint8Array
  lead?: LeadKeys
  /** `[suffix, head]` of a title with a trailing segment after a separator. */
  titleSuffix?: [string, string]
}

const EDGE = 1
const BRACKETED_FLAG = 2
const STATEMENT_FLAG = 4
const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)))
const OPENING_CODES = codes('(（【〔[［「')
const CLOSING_CODES = codes(')）】〕]］」')
/** Sentences that end a statement are never shapes: datelines and credits do not end with a full stop. */
const FINAL_CODES = codes('。！？!?；;…')

/** A unit of text, normalised as {@link unitText} does, hashed without building the string. */
interface ScannedUnit {
  key: number
  length: number
  /** Its two shape keys, or zeros when the unit cannot be a shape. */
  shapes: [number, number]
  statement: boolean
  bracketed: boolean
}

/** Scans `text.slice(start, end)` (already folded): skips spaces, counts a run of digits as one `0`. */
function scanUnit(text: string, start: number, end: number, options: TemplateOptions): ScannedUnit {
  let a = 0x811c9dc5
  let b = 0x01000193
  let length = 0
  let first = 0
  let second = 0
  let third = 0
  let beforeLast = 0
  let last = 0
  let inDigits = false
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09 || c === 0x3000) continue
    const digit = c >= 0x30 && c <= 0x39
    if (digit && inDigits) continue
    inDigits = digit
    if (digit) c = 0x30
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
    if (length === 0) first = c
    else if (length === 1) second = c
    else if (length === 2) third = c
    beforeLast = last
    last = c
    length++
  }
  const key = (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)
  const canShape = length >= 4 && length <= options.shapeMaxChars && !FINAL_CODES.has(last)
  return {
    key,
    length,
    shapes: canShape
      ? [
          hashKey(String.fromCharCode(first, second, 0x2026, beforeLast, last)),
          hashKey(String.fromCharCode(1, first, second, third, 0x2026, last)),
        ]
      : [0, 0],
    bracketed: OPENING_CODES.has(first) && CLOSING_CODES.has(last),
    statement: FINAL_CODES.has(last),
  }
}

/** `[suffix, head]` of `标题｜風傳媒`; undefined without a separator. */
function titleSuffixOf(title: string | undefined): [string, string] | undefined {
  if (!title) return undefined
  const m = /^(.{4,}?)\s*(?:[_｜|丨]|\s[-–—]\s)\s*([^_｜|丨]{1,20})$/.exec(title)
  return m ? [m[2]!, m[1]!] : undefined
}

function docUnits(doc: TemplateDoc, options: TemplateOptions): DocUnits {
  const keys: number[] = []
  const shapes: number[] = []
  const lengths: number[] = []
  const flags: number[] = []
  const seen = new Set<number>()
  const n = doc.lines.length
  doc.lines.forEach((line, i) => {
    const folded = fold(line)
    for (const span of sentenceSpans(folded)) {
      const u = scanUnit(folded, span.start, span.end, options)
      if (u.length === 0 || seen.has(u.key)) continue
      seen.add(u.key)
      keys.push(u.key)
      lengths.push(Math.min(u.length, 0xffff))
      shapes.push(u.shapes[0], u.shapes[1])
      flags.push((i < EDGE_HEAD || i >= n - EDGE_TAIL ? EDGE : 0) | (u.bracketed ? BRACKETED_FLAG : 0) | (u.statement ? STATEMENT_FLAG : 0))
    }
  })
  const out: DocUnits = {
    group: groupKey(doc.group),
    keys: Float64Array.from(keys),
    shapes: Float64Array.from(shapes),
    lengths: Uint16Array.from(lengths),
    flags: Uint8Array.from(flags),
  }
  const lead = n > 0 ? leadIn(doc.lines[0]!) : undefined
  if (lead !== undefined) out.lead = leadKeys(lead)
  const suffix = titleSuffixOf(doc.title)
  if (suffix) out.titleSuffix = suffix
  return out
}

/** Keys of a lead-in: exact (positive) and its two shapes (negative), in one key space. */
interface LeadKeys {
  key: number
  shapes: [number, number]
}

function leadKeys(lead: string): LeadKeys {
  const text = unitText(lead)
  const [a, b] = shapeKeys(text)
  return { key: hashKey(text), shapes: [-a, -b] }
}

/** Counts of one candidate: articles that are evidence, how many at the edge, bracketed, different variants. */
interface Tally {
  evidence: number
  edge: number
  bracketed: number
  variants?: Set<number>
  groups?: Set<string>
  /** The unit ends a statement (`。`). */
  statement?: boolean
}

function bump(map: Map<number, number>, key: number, by: number): void {
  const n = (map.get(key) ?? 0) + by
  if (n === 0) map.delete(key)
  else map.set(key, n)
}

/**
 * Keeps the statistics of a changing corpus: add, change or remove one
 * article at a time, and ask for the model whenever needed. Counting is
 * incremental; `model()` makes one pass over the kept counts.
 * @example const l = new TemplateLearner(); l.set('a1', { group: '三立新聞網', lines }); l.model()
 */
export class TemplateLearner {
  private readonly docs = new Map<string, DocUnits>()
  private readonly groupSize = new Map<string, number>()
  private readonly groupCounts = new Map<string, Map<number, number>>()
  private readonly corpusCounts = new Map<number, number>()

  constructor(private readonly options: TemplateOptions = TEMPLATE_DEFAULTS) {}

  get size(): number {
    return this.docs.size
  }

  has(id: string): boolean {
    return this.docs.has(id)
  }

  /** Adds an article, or replaces the one of that id. */
  set(id: string, doc: TemplateDoc): void {
    this.delete(id)
    const d = docUnits(doc, this.options)
    this.docs.set(id, d)
    this.count(d, 1)
  }

  delete(id: string): void {
    const d = this.docs.get(id)
    if (!d) return
    this.docs.delete(id)
    this.count(d, -1)
  }

  /** Article ids the learner holds. */
  ids(): IterableIterator<string> {
    return this.docs.keys()
  }

  /**
   * The statistics as bytes, to keep beside the cache: a restart then updates
   * them on its first change instead of reading every article again.
   * @example writeFile('templates.bin', learner.serialize())
   */
  serialize(): Buffer {
    const head: Array<[string, string, number, LeadKeys | null, [string, string] | null]> = []
    let total = 0
    for (const [id, d] of this.docs) {
      head.push([id, d.group, d.keys.length, d.lead ?? null, d.titleSuffix ?? null])
      total += d.keys.length
    }
    const keys = new Float64Array(total)
    const shapes = new Float64Array(2 * total)
    const lengths = new Uint16Array(total)
    const flags = new Uint8Array(total)
    let at = 0
    for (const d of this.docs.values()) {
      keys.set(d.keys, at)
      shapes.set(d.shapes, 2 * at)
      lengths.set(d.lengths, at)
      flags.set(d.flags, at)
      at += d.keys.length
    }
    const json = Buffer.from(JSON.stringify(head), 'utf8')
    const size = Buffer.alloc(4)
    size.writeUInt32BE(json.length)
    return Buffer.concat([size, json, bytesOf(keys), bytesOf(shapes), bytesOf(lengths), bytesOf(flags)])
  }

  /**
   * Statistics saved by {@link serialize}.
   * @example const learner = TemplateLearner.deserialize(readFileSync('templates.bin'))
   */
  static deserialize(bytes: Uint8Array, options: TemplateOptions = TEMPLATE_DEFAULTS): TemplateLearner {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const n = buf.readUInt32BE(0)
    const head = JSON.parse(buf.subarray(4, 4 + n).toString('utf8')) as Array<
      [string, string, number, LeadKeys | null, [string, string] | null]
    >
    const total = head.reduce((sum, h) => sum + h[2], 0)
    let pos = 4 + n
    const take = (byteLength: number) => {
      // Copied out, so the typed arrays are aligned whatever the offset.
      const out = buf.buffer.slice(buf.byteOffset + pos, buf.byteOffset + pos + byteLength)
      pos += byteLength
      if (out.byteLength !== byteLength) throw new Error('template: saved statistics are truncated')
      return out
    }
    const keys = new Float64Array(take(8 * total))
    const shapes = new Float64Array(take(16 * total))
    const lengths = new Uint16Array(take(2 * total))
    const flags = new Uint8Array(take(total))
    const learner = new TemplateLearner(options)
    let at = 0
    for (const [id, group, k, lead, titleSuffix] of head) {
      const d: DocUnits = {
        group,
        keys: keys.subarray(at, at + k),
        shapes: shapes.subarray(2 * at, 2 * (at + k)),
        lengths: lengths.subarray(at, at + k),
        flags: flags.subarray(at, at + k),
      }
      if (lead) d.lead = lead
      if (titleSuffix) d.titleSuffix = titleSuffix
      learner.docs.set(id, d)
      learner.count(d, 1)
      at += k
    }
    return learner
  }

  private count(d: DocUnits, by: 1 | -1): void {
    const size = (this.groupSize.get(d.group) ?? 0) + by
    if (size === 0) this.groupSize.delete(d.group)
    else this.groupSize.set(d.group, size)
    let counts = this.groupCounts.get(d.group)
    if (!counts) this.groupCounts.set(d.group, (counts = new Map<number, number>()))
    for (const k of d.keys) {
      bump(counts, k, by)
      bump(this.corpusCounts, k, by)
    }
    if (counts.size === 0) this.groupCounts.delete(d.group)
  }

  /** The templates of the corpus as it is now. */
  model(): TemplateModel {
    const { options, docs, groupSize, groupCounts, corpusCounts } = this
    const groupThreshold = (g: string) => {
      const n = groupSize.get(g) ?? 0
      if (n < options.minGroupArticles) return Infinity
      return Math.max(options.minArticles, Math.ceil(options.groupShare * n))
    }
    const corpusThreshold = Math.max(options.corpusMinArticles, Math.ceil(options.corpusShare * docs.size))
    const unitTallies = new Map<string, Map<number, Tally>>()
    const shapeTallies = new Map<string, Map<number, Tally>>()
    const leadTallies = new Map<string, Map<number, Tally>>()
    const corpusTallies = new Map<number, Tally & { groups: Set<string> }>()
    const tallyOf = (maps: Map<string, Map<number, Tally>>, g: string, key: number) => {
      let m = maps.get(g)
      if (!m) maps.set(g, (m = new Map<number, Tally>()))
      let t = m.get(key)
      if (!t) m.set(key, (t = { evidence: 0, edge: 0, bracketed: 0, variants: new Set(), groups: new Set() }))
      return t
    }
    for (const d of docs.values()) {
      const counts = groupCounts.get(d.group)!
      const threshold = groupThreshold(d.group)
      const inGroup = threshold !== Infinity && ownShare(d, counts) >= options.ownTextShare
      const inCorpus = ownShare(d, corpusCounts) >= options.ownTextShare
      if (!inGroup && !inCorpus) continue
      for (let i = 0; i < d.keys.length; i++) {
        const k = d.keys[i]!
        const edge = (d.flags[i]! & EDGE) !== 0
        if (inGroup) {
          if (counts.get(k)! >= threshold) {
            const t = tallyOf(unitTallies, d.group, k)
            t.evidence++
            if (edge) t.edge++
            if ((d.flags[i]! & STATEMENT_FLAG) !== 0) t.statement = true
          }
          for (const shape of [d.shapes[2 * i]!, d.shapes[2 * i + 1]!]) {
            if (shape === 0) continue
            const t = tallyOf(shapeTallies, d.group, shape)
            t.evidence++
            if (edge) t.edge++
            if ((d.flags[i]! & BRACKETED_FLAG) !== 0) t.bracketed++
            t.variants!.add(k)
          }
        }
        if (inCorpus && edge && corpusCounts.get(k)! >= corpusThreshold) {
          let t = corpusTallies.get(k)
          if (!t) corpusTallies.set(k, (t = { evidence: 0, edge: 0, bracketed: 0, groups: new Set() }))
          t.evidence++
          t.groups.add(d.group)
        }
      }
      if (d.lead) {
        for (const scope of inGroup ? [d.group, ANY_GROUP] : inCorpus ? [ANY_GROUP] : []) {
          const exact = tallyOf(leadTallies, scope, d.lead.key)
          exact.evidence++
          exact.groups?.add(d.group)
          for (const shape of d.lead.shapes) {
            const t = tallyOf(leadTallies, scope, shape)
            t.evidence++
            t.variants!.add(d.lead.key)
            t.groups?.add(d.group)
          }
        }
      }
    }

    const model: TemplateModel = { units: {}, shapes: {}, leads: {}, titleSuffixes: [] }
    const add = (table: Record<string, number[]>, g: string, key: number) => (table[g] ??= []).push(key)
    for (const [g, tallies] of unitTallies) {
      const threshold = groupThreshold(g)
      const n = groupSize.get(g)!
      for (const [k, t] of tallies) {
        if (t.evidence < threshold) continue
        if (t.statement && t.evidence < options.statementShare * n) continue
        // Articles of unknown source may come from many sites: only what sits at the edges of the body counts.
        if (g === '' && t.edge < options.edgeShare * t.evidence) continue
        add(model.units, g, k)
      }
    }
    for (const [g, tallies] of shapeTallies) {
      const threshold = groupThreshold(g)
      for (const [k, t] of tallies) {
        if (t.evidence < threshold || t.variants!.size < options.minShapeVariants) continue
        if (t.edge < options.edgeShare * t.evidence && t.bracketed < options.edgeShare * t.evidence) continue
        add(model.shapes, g, k)
      }
    }
    for (const [g, tallies] of leadTallies) {
      const threshold = g === ANY_GROUP ? corpusThreshold : groupThreshold(g)
      for (const [k, t] of tallies) {
        if (t.evidence < threshold) continue
        if (k < 0 && t.variants!.size < options.minShapeVariants) continue
        if (g === ANY_GROUP && (t.groups?.size ?? 0) < 3) continue
        add(model.leads, g, k)
      }
    }
    for (const [k, t] of corpusTallies) {
      if (t.evidence >= corpusThreshold && t.groups.size >= 3) add(model.units, ANY_GROUP, k)
    }
    for (const table of [model.units, model.shapes, model.leads]) for (const keys of Object.values(table)) keys.sort((x, y) => x - y)
    model.titleSuffixes = this.titleSuffixes()
    return model
  }

  private titleSuffixes(): string[] {
    const heads = new Map<string, Set<string>>()
    for (const d of this.docs.values()) {
      if (!d.titleSuffix) continue
      const [suffix, head] = d.titleSuffix
      let s = heads.get(suffix)
      if (!s) heads.set(suffix, (s = new Set()))
      s.add(head)
    }
    return [...heads]
      .filter(([, s]) => s.size >= this.options.minTitleSuffixTitles)
      .map(([suffix]) => suffix)
      .sort()
  }
}

/**
 * Learns the corpus's templates from its articles at once.
 * @example learnTemplates(docs).units['三立新闻网'] // hashed keys of that site's footer, share line, …
 */
export function learnTemplates(docs: readonly TemplateDoc[], options: TemplateOptions = TEMPLATE_DEFAULTS): TemplateModel {
  const learner = new TemplateLearner(options)
  docs.forEach((d, i) => learner.set(String(i), d))
  return learner.model()
}

function bytesOf(a: Float64Array | Uint16Array | Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength)
}

/** Share of a document's unit text found nowhere else in the scope counted by `counts`. */
function ownShare(d: DocUnits, counts: ReadonlyMap<number, number>): number {
  let own = 0
  let total = 0
  for (let i = 0; i < d.keys.length; i++) {
    const len = d.lengths[i]!
    total += len
    if (len >= MIN_OWN_UNIT && counts.get(d.keys[i]!) === 1) own += len
  }
  return total === 0 ? 0 : own / total
}

/**
 * The text of one occurrence of each learned unit, shape and lead-in, e.g.
 * `三立新闻网: 本網站之文字…`, for logs and tests.
 */
export function describeTemplates(model: TemplateModel, docs: readonly TemplateDoc[]): string[] {
  const lookup = templateIndex(model)
  const found = new Map<string, string>()
  for (const d of docs) {
    const g = groupKey(d.group)
    const t = lookup(g)
    d.lines.forEach((line, i) => {
      const folded = fold(line)
      for (const span of sentenceSpans(folded)) {
        const u = scanUnit(folded, span.start, span.end, TEMPLATE_DEFAULTS)
        const raw = line.slice(span.start, span.end)
        if (t.units.has(u.key)) found.set(`${g}u${u.key}`, `${g}: ${raw}`)
        else if (u.shapes[0] !== 0 && t.shapes.has(u.shapes[0])) found.set(`${g}s${u.shapes[0]}`, `${g}: shape ${shapesOf(raw)[0]}`)
        else if (u.shapes[1] !== 0 && t.shapes.has(u.shapes[1])) found.set(`${g}s${u.shapes[1]}`, `${g}: shape ${shapesOf(raw)[1]}`)
      }
      const lead = i === 0 ? leadIn(line) : undefined
      if (lead !== undefined) {
        const { key, shapes } = leadKeys(lead)
        if (t.leads.has(key) || t.leads.has(shapes[0]) || t.leads.has(shapes[1])) found.set(`${g}l${key}`, `${g}: lead-in ${lead}`)
      }
    })
  }
  return [...new Set(found.values())].sort()
}

/** The learned templates of one group, ready for stripping many articles. */
export interface GroupTemplates {
  /** Whether there is nothing to remove. */
  empty: boolean
  units: ReadonlySet<number>
  shapes: ReadonlySet<number>
  leads: ReadonlySet<number>
}

/** Sets for fast lookup, per group; build once per model. */
export function templateIndex(model: TemplateModel): (group: string | undefined) => GroupTemplates {
  const any = new Set(model.units[ANY_GROUP] ?? [])
  const cache = new Map<string, GroupTemplates>()
  return (group) => {
    const g = groupKey(group)
    let t = cache.get(g)
    if (!t) {
      const units = new Set([...any, ...(model.units[g] ?? [])])
      const shapes = new Set(model.shapes[g] ?? [])
      const leads = new Set([...(model.leads[ANY_GROUP] ?? []), ...(model.leads[g] ?? [])])
      t = { empty: units.size === 0 && shapes.size === 0 && leads.size === 0, units, shapes, leads }
      cache.set(g, t)
    }
    return t
  }
}

/** Title-like: a short line with no full stop, as the items of a "related news" list are. */
function isListItem(line: string): boolean {
  return line.length <= 60 && !/[。；;]/.test(line)
}

/**
 * Removes learned templates from body lines: template units (sentences or
 * whole lines), lines of a template shape, the template lead-in of the first
 * line; a template line in the tail followed only by title-like lines is a
 * "related news" heading, and its list goes too. Returns `lines` itself when
 * nothing is removed, and never removes everything.
 * @example stripTemplates(['記者王小明／台北報導', '市府今天宣布…。'], t) // ['市府今天宣布…。']
 */
export function stripTemplates(lines: readonly string[], t: GroupTemplates): readonly string[] {
  if (t.empty) return lines
  const out: string[] = []
  const wholeTemplate: boolean[] = []
  let changed = false
  lines.forEach((line, i) => {
    let text = line
    if (i === 0 && t.leads.size > 0) {
      const lead = leadIn(text)
      if (lead !== undefined) {
        const { key, shapes } = leadKeys(lead)
        if (t.leads.has(key) || t.leads.has(shapes[0]) || t.leads.has(shapes[1])) text = text.slice(lead.length).replace(/^[\s：:，,]+/, '')
      }
    }
    const folded = fold(text)
    const spans = sentenceSpans(folded)
    const removed: Span[] = []
    for (const span of spans) {
      const u = scanUnit(folded, span.start, span.end, TEMPLATE_DEFAULTS)
      if (t.units.has(u.key) || (u.shapes[0] !== 0 && (t.shapes.has(u.shapes[0]) || t.shapes.has(u.shapes[1])))) removed.push(span)
    }
    if (removed.length === spans.length && spans.length > 0) {
      changed = true
      out.push('')
      wholeTemplate.push(true)
      return
    }
    if (removed.length > 0) text = cut(text, removed)
    if (text !== line) changed = true
    out.push(text)
    wholeTemplate.push(false)
  })
  if (!changed) return lines
  // A template heading in the tail with only title-like lines after it: a list of other articles.
  for (let i = Math.max(0, out.length - 12); i < out.length; i++) {
    if (!wholeTemplate[i] || i === out.length - 1) continue
    const rest = out.slice(i + 1)
    if (rest.every((l, j) => wholeTemplate[i + 1 + j] || isListItem(l)) && rest.some((l) => l.length > 0)) {
      for (let j = i + 1; j < out.length; j++) out[j] = ''
      break
    }
  }
  const kept = out.filter((l) => l.length > 0)
  return kept.length > 0 ? kept : lines
}

/** `text` without the spans, and the spaces after each. */
function cut(text: string, spans: readonly Span[]): string {
  let out = ''
  let pos = 0
  for (const s of spans) {
    out += text.slice(pos, s.start)
    pos = s.end
    while (pos < text.length && text[pos] === ' ') pos++
  }
  return (out + text.slice(pos)).trim()
}
