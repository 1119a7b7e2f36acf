import MiniSearch from 'minisearch'

/**
 * MiniSearch (BM25) over documents given as term-frequency maps, with a
 * compact binary snapshot.
 *
 * MiniSearch's own `add` looks every token up in its radix tree (`fetch`),
 * about 2-4 µs a token here: 17.5 million tokens for the 20,000-article
 * benchmark corpus. This module fills the same structures directly, once per
 * distinct term of a document, keeping each term's posting map at hand; and
 * it saves and restores those maps as varint-coded arrays instead of
 * MiniSearch's JSON (about 1.5 µs per posting to load). Scoring, the radix
 * tree and the search API stay MiniSearch's.
 *
 * It relies on MiniSearch 7.2.0's internal fields (the version is pinned in
 * package.json); test/index/term-index.test.ts checks that an index built
 * here scores exactly like one built with MiniSearch's public `add`.
 */

/** The MiniSearch 7.2.0 internals written here. Field id 0 is the only field. */
interface Internals {
  _index: {
    fetch(key: string, init: () => Map<number, Map<number, number>>): Map<number, Map<number, number>>
    set(key: string, value: Map<number, Map<number, number>>): void
    delete(key: string): void
  }
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
}

export interface Bm25Params {
  k: number
  b: number
  d: number
}

const B32 = '0123456789abcdefghijklmnopqrstuv'
/**
 * MiniSearch's radix tree scans a node's children on insert; thousands of CJK
 * bigrams under the root made that slow, so terms get short base-32 keys.
 */
function keyOf(n: number): string {
  let k = ''
  do {
    k = B32[n & 31] + k
    n = Math.floor(n / 32)
  } while (n)
  return k
}

const OPTIONS = {
  fields: ['terms'],
  idField: 'id',
  stringifyField: (v: unknown) => v as string,
  tokenize: (v: unknown) => v as string[],
  processTerm: (t: string) => t,
  searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t, prefix: false, fuzzy: false },
}

const newFieldMap = () => new Map<number, Map<number, number>>()

/** Magic and format version of a snapshot. */
const MAGIC = 0x4b4a4958 // "KJIX"
const FORMAT = 1

export class TermIndex {
  private readonly mini = new MiniSearch<{ id: string; terms: string[] }>(OPTIONS as never)
  private readonly ms = this.mini as unknown as Internals
  /** Term → its MiniSearch key. */
  private readonly keys = new Map<string, string>()
  /** Term → its posting map (short document id → term frequency), the very map MiniSearch holds. */
  private readonly lists = new Map<string, Map<number, number>>()
  private nextKey = 0

  /** Number of documents. */
  get size(): number {
    return this.ms._documentCount
  }

  /** Number of distinct terms. */
  get terms(): number {
    return this.lists.size
  }

  has(id: string): boolean {
    return this.ms._idToShortId.has(id)
  }

  /** How many documents hold `term`. */
  df(term: string): number {
    return this.lists.get(term)?.size ?? 0
  }

  /** Adds a document from its term frequencies. Throws on a duplicate id. */
  add(id: string, tf: ReadonlyMap<string, number>): void {
    const ms = this.ms
    if (ms._idToShortId.has(id)) throw new Error(`duplicate document id ${id}`)
    const short = ms._nextId++
    ms._idToShortId.set(id, short)
    ms._documentIds.set(short, id)
    // MiniSearch's field length is the number of distinct terms; keep its running average.
    const count = ms._documentCount++
    ms._fieldLength.set(short, [tf.size])
    ms._avgFieldLength[0] = ((ms._avgFieldLength[0] ?? 0) * count + tf.size) / (count + 1)
    for (const [term, freq] of tf) {
      let list = this.lists.get(term)
      if (!list) list = this.createList(term)
      list.set(short, freq)
    }
  }

  /** Removes a document; `terms` must be the terms it was added with. Unknown ids are ignored. */
  remove(id: string, terms: Iterable<string>): void {
    const ms = this.ms
    const short = ms._idToShortId.get(id)
    if (short === undefined) return
    for (const term of new Set(terms)) {
      const list = this.lists.get(term)
      if (!list) continue
      list.delete(short)
      if (list.size === 0) {
        ms._index.delete(this.keys.get(term)!)
        this.lists.delete(term)
        this.keys.delete(term)
      }
    }
    const length = ms._fieldLength.get(short)?.[0] ?? 0
    const count = ms._documentCount--
    ms._avgFieldLength[0] = count <= 1 ? 0 : ((ms._avgFieldLength[0] ?? 0) * count - length) / (count - 1)
    ms._fieldLength.delete(short)
    ms._documentIds.delete(short)
    ms._idToShortId.delete(id)
  }

  /**
   * BM25 (MiniSearch's, OR of the terms, its score times the number of terms
   * matched) over `terms`; the best `limit` documents, best first.
   */
  search(terms: readonly string[], limit: number, bm25: Bm25Params): Array<{ id: string; score: number }> {
    const keys = terms.map((t) => this.keys.get(t)).filter((k): k is string => k !== undefined)
    if (keys.length === 0) return []
    const results = this.mini.search({ queries: keys, combineWith: 'OR' } as never, { bm25 })
    return results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score }))
  }

  private createList(term: string): Map<number, number> {
    const key = keyOf(this.nextKey++)
    this.keys.set(term, key)
    const fields = this.ms._index.fetch(key, newFieldMap)
    const list = new Map<number, number>()
    fields.set(0, list)
    this.lists.set(term, list)
    return list
  }

  /**
   * A snapshot: document ids and lengths as JSON, terms as one string,
   * postings as varints (short id gaps and frequencies).
   */
  serialize(): Uint8Array {
    const ms = this.ms
    const docs: Array<[number, string, number]> = []
    for (const [short, id] of ms._documentIds) docs.push([short, id, ms._fieldLength.get(short)?.[0] ?? 0])
    const head = Buffer.from(
      JSON.stringify({ nextId: ms._nextId, avg: ms._avgFieldLength[0] ?? 0, docs, terms: [...this.lists.keys()].join('\n') }),
    )
    let total = 0
    for (const list of this.lists.values()) total += list.size
    const out = new VarintWriter(16 + head.length + 5 * this.lists.size + 6 * total)
    out.u32(MAGIC)
    out.u32(FORMAT)
    out.u32(head.length)
    out.bytes(head)
    for (const list of this.lists.values()) {
      out.varint(list.size)
      // Short ids are given in increasing order, so a posting map is sorted: store gaps.
      let prev = 0
      for (const [short, freq] of list) {
        if (short < prev) throw new Error('posting map out of order')
        out.varint(short - prev)
        out.varint(freq)
        prev = short
      }
    }
    return out.result()
  }

  /** Restores a snapshot made by `serialize`; throws on anything else. */
  static deserialize(bytes: Uint8Array): TermIndex {
    const input = new VarintReader(bytes)
    if (input.u32() !== MAGIC || input.u32() !== FORMAT) throw new Error('not a term index snapshot (or another format version)')
    const head = JSON.parse(Buffer.from(input.bytes(input.u32())).toString('utf8')) as {
      nextId: number
      avg: number
      docs: Array<[number, string, number]>
      terms: string
    }
    const index = new TermIndex()
    const ms = index.ms
    for (const [short, id, length] of head.docs) {
      ms._documentIds.set(short, id)
      ms._idToShortId.set(id, short)
      ms._fieldLength.set(short, [length])
    }
    ms._documentCount = head.docs.length
    ms._nextId = head.nextId
    ms._avgFieldLength[0] = head.avg
    const terms = head.terms === '' ? [] : head.terms.split('\n')
    for (const term of terms) {
      const list = index.createList(term)
      const n = input.varint()
      let short = 0
      for (let i = 0; i < n; i++) {
        short += input.varint()
        list.set(short, input.varint())
      }
    }
    if (!input.done) throw new Error('term index snapshot has trailing bytes')
    return index
  }
}

class VarintWriter {
  private buf: Uint8Array
  private pos = 0
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity)
  }
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n))
    next.set(this.buf.subarray(0, this.pos))
    this.buf = next
  }
  u32(v: number): void {
    this.room(4)
    new DataView(this.buf.buffer).setUint32(this.pos, v)
    this.pos += 4
  }
  bytes(b: Uint8Array): void {
    this.room(b.length)
    this.buf.set(b, this.pos)
    this.pos += b.length
  }
  varint(v: number): void {
    this.room(5)
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.buf[this.pos++] = v
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.pos)
  }
}

class VarintReader {
  private pos = 0
  private readonly view: DataView
  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  }
  get done(): boolean {
    return this.pos === this.buf.length
  }
  u32(): number {
    if (this.pos + 4 > this.buf.length) throw new Error('term index snapshot is truncated')
    const v = this.view.getUint32(this.pos)
    this.pos += 4
    return v
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new Error('term index snapshot is truncated')
    const b = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return b
  }
  varint(): number {
    let v = 0
    let shift = 0
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('term index snapshot is truncated')
      const b = this.buf[this.pos++]!
      v |= (b & 0x7f) << shift
      if (b < 0x80) return v >>> 0
      shift += 7
    }
  }
}
