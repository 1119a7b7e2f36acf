import MiniSearch from 'minisearch'

/**
 * MiniSearch (BM25) over documents given as term-frequency maps, with
 * compact posting lists and a binary snapshot.
 *
 * Measured on the 20,000-article benchmark corpus (17.5 million tokens,
 * 15.9 million postings, 142,000 distinct terms):
 * - MiniSearch's own `add` looks every token up in its radix tree, 2-4 µs a
 *   token; here each distinct term of a document is looked up once, in a
 *   plain Map, and only a new term goes into the radix tree.
 * - MiniSearch keeps a term's postings in a `Map<shortId, frequency>`: about
 *   800 MB of heap for this corpus. Here they are `Postings`, two typed
 *   arrays that MiniSearch reads through the same `size`, `keys()` and
 *   `get()` (6 bytes a posting), and a snapshot is those arrays written out
 *   and mapped back as views, instead of MiniSearch's JSON (about 1.5 µs per
 *   posting to load).
 * The radix tree and the BM25 formula stay MiniSearch's; `search` scores over
 * the posting arrays directly, with the same results.
 *
 * It relies on MiniSearch 7.2.0's internal fields (the version is pinned in
 * package.json); test/search/term-index.test.ts checks that an index built
 * here scores exactly like one built with MiniSearch's public `add`.
 */

/** The MiniSearch 7.2.0 internals written here. Field id 0 is the only field. */
interface Internals {
  _index: {
    fetch(key: string, init: () => Map<number, Postings>): Map<number, Postings>
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

/**
 * Letters only: MiniSearch puts a matched term into each result as an object
 * key (`match[term]`), and an all-digit key such as "1234" is an array index
 * to V8, which then gives every result object an elements store that long
 * (a single-term query over 3,000 postings took 10-60 ms instead of 2).
 */
const B32 = 'abcdefghijklmnopqrstuvwxyzABCDEF'
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

const newFieldMap = () => new Map<number, Postings>()

/**
 * A term's postings: short document ids in increasing order and their term
 * frequencies. A short list is a pair of plain arrays (cheap to create and
 * grow); a long one, and every list after `trim()`, a pair of typed arrays
 * (6 bytes a posting). A snapshot's postings are typed-array views of the file. MiniSearch 7.2.0's
 * scoring reads a posting list only through `size`, `keys()` and `get(id)`,
 * as on a Map.
 */
export class Postings {
  constructor(
    private ids: Uint32Array | number[] = [],
    private tfs: Uint16Array | number[] = [],
    public size = ids.length,
  ) {}

  keys(): IterableIterator<number> {
    return Array.isArray(this.ids) ? this.ids.values() : this.ids.subarray(0, this.size).values()
  }

  get(id: number): number | undefined {
    const i = this.indexOf(id)
    return i < 0 ? undefined : this.tfs[i]
  }

  /** Position of `id`, or -1 (binary search). */
  private indexOf(id: number): number {
    const ids = this.ids
    let lo = 0
    let hi = this.size - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = ids[mid]!
      if (v === id) return mid
      if (v < id) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Adds a posting; `id` must be greater than every id already held. */
  append(id: number, tf: number): void {
    if (this.size > 0 && id <= this.ids[this.size - 1]!) throw new Error('postings must be appended in increasing id order')
    const freq = Math.min(tf, 0xffff)
    if (Array.isArray(this.ids)) {
      this.ids.push(id)
      ;(this.tfs as number[]).push(freq)
      this.size++
      // A long list grows as typed arrays (6 bytes a posting, not 16).
      if (this.size >= PACK_AT) this.pack(this.size * 2)
      return
    }
    if (this.size === this.ids.length) this.pack(Math.max(8, this.size * 2))
    this.ids[this.size] = id
    this.tfs[this.size] = freq
    this.size++
  }

  delete(id: number): boolean {
    const i = this.indexOf(id)
    if (i < 0) return false
    if (Array.isArray(this.ids)) {
      this.ids.splice(i, 1)
      ;(this.tfs as number[]).splice(i, 1)
    } else {
      this.ids.copyWithin(i, i + 1, this.size)
      ;(this.tfs as Uint16Array).copyWithin(i, i + 1, this.size)
    }
    this.size--
    return true
  }

  /** Packs the postings into typed arrays of their exact size. */
  trim(): void {
    if (Array.isArray(this.ids) || this.ids.length > this.size) this.pack(this.size)
  }

  /** The ids and frequencies as they are held (the first `size` of each), for a scan without copying. */
  raw(): { ids: ArrayLike<number>; tfs: ArrayLike<number>; size: number } {
    return { ids: this.ids, tfs: this.tfs, size: this.size }
  }

  /** The ids and frequencies as typed arrays (views: valid until the next change). */
  view(): { ids: Uint32Array; tfs: Uint16Array } {
    this.trim()
    return { ids: this.ids as Uint32Array, tfs: this.tfs as Uint16Array }
  }

  /** Moves the postings into typed arrays of the given capacity. */
  private pack(capacity: number): void {
    const ids = new Uint32Array(capacity)
    const tfs = new Uint16Array(capacity)
    for (let i = 0; i < this.size; i++) {
      ids[i] = this.ids[i]!
      tfs[i] = this.tfs[i]!
    }
    this.ids = ids
    this.tfs = tfs
  }
}

/** Size at which a growing posting list moves from plain arrays to typed arrays. */
const PACK_AT = 256

/** Magic and format version of a snapshot. */
const MAGIC = 0x4b4a4958 // "KJIX"
const FORMAT = 2
/** Written in the machine's byte order; a snapshot from the other order is refused. */
const BYTE_ORDER_MARK = 0x01020304

export class TermIndex {
  private readonly mini = new MiniSearch<{ id: string; terms: string[] }>(OPTIONS)
  private readonly ms = this.mini as unknown as Internals
  /** Term → its MiniSearch key. */
  private readonly keys = new Map<string, string>()
  /** Term → its postings, the very object MiniSearch holds. */
  private readonly lists = new Map<string, Postings>()
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
    this.setLength(short, tf.size)
    ms._avgFieldLength[0] = ((ms._avgFieldLength[0] ?? 0) * count + tf.size) / (count + 1)
    for (const [term, freq] of tf) {
      let list = this.lists.get(term)
      if (!list) list = this.createList(term)
      list.append(short, freq)
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
   * BM25 (MiniSearch's formula, OR of the terms) over `terms`; the best
   * `limit` documents, best first. MiniSearch multiplies a document's score by
   * the number of query terms it holds; the plain BM25 sum is kept instead,
   * because the reranker weighs how much of the query an article holds on its
   * own (with the factor kept, DRCD R@1 was 0.957 against 0.961 without).
   * Scored here over the posting arrays rather than through MiniSearch's
   * `search`, which makes a result object per posting (1-2 µs each: a common
   * character's 20,000 postings took 30-60 ms); the scores, and the order of
   * ties, are MiniSearch's (test/search/term-index.test.ts compares them).
   */
  search(terms: readonly string[], limit: number, bm25: Bm25Params): Array<{ id: string; score: number }> {
    const ms = this.ms
    const n = ms._documentCount
    const avg = ms._avgFieldLength[0] ?? 0
    const { k, b, d } = bm25
    if (this.scores.length < ms._nextId) this.growScratch(ms._nextId)
    const { scores, matched, lengths } = this
    const touched: number[] = []
    for (const term of terms) {
      const list = this.lists.get(term)
      if (!list) continue
      const { ids, tfs, size } = list.raw()
      const matching = size
      for (let i = 0; i < size; i++) {
        const id = ids[i]!
        const tf = tfs[i]!
        const invDocFreq = Math.log(1 + (n - matching + 0.5) / (matching + 0.5))
        const raw = invDocFreq * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[id]!) / avg)))
        if (matched[id] === 0) touched.push(id)
        scores[id] = scores[id]! + raw
        matched[id] = matched[id]! + 1
      }
    }
    // Best first; ties as MiniSearch orders them: more query terms held, then first seen.
    const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && matched[x]! > matched[y]!)
    const top: number[] = []
    for (const id of touched) {
      if (top.length === limit && !better(id, top[top.length - 1]!)) continue
      let at = top.length
      while (at > 0 && better(id, top[at - 1]!)) at--
      top.splice(at, 0, id)
      if (top.length > limit) top.pop()
    }
    const out = top.map((id) => ({ id: ms._documentIds.get(id)!, score: scores[id]! }))
    for (const id of touched) {
      scores[id] = 0
      matched[id] = 0
    }
    return out
  }

  /** Per short id: the BM25 sum and terms matched of the query being scored (all 0 between queries), and the document's length. */
  private scores = new Float64Array(0)
  private matched = new Uint16Array(0)
  private lengths = new Float64Array(0)

  private growScratch(size: number): void {
    const capacity = Math.max(size, this.scores.length * 2, 1024)
    this.scores = new Float64Array(capacity)
    this.matched = new Uint16Array(capacity)
    const lengths = new Float64Array(capacity)
    lengths.set(this.lengths)
    this.lengths = lengths
  }

  private setLength(short: number, length: number): void {
    if (this.lengths.length <= short) this.growScratch(short + 1)
    this.lengths[short] = length
  }

  /** Gives back the spare capacity of every posting list (after adding many documents). */
  trim(): void {
    for (const list of this.lists.values()) list.trim()
  }

  private createList(term: string, list = new Postings()): Postings {
    const key = keyOf(this.nextKey++)
    this.keys.set(term, key)
    this.ms._index.fetch(key, newFieldMap).set(0, list)
    this.lists.set(term, list)
    return list
  }

  /**
   * A snapshot: document ids, lengths and terms as JSON, then, aligned to 4
   * bytes, each term's posting count, all ids (Uint32) and all frequencies
   * (Uint16), in the machine's byte order.
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
    const headEnd = align4(16 + head.length)
    const countsAt = headEnd
    const idsAt = countsAt + 4 * this.lists.size
    const tfsAt = idsAt + 4 * total
    const out = new Uint8Array(tfsAt + 2 * total)
    const dv = new DataView(out.buffer)
    dv.setUint32(0, MAGIC)
    dv.setUint32(4, FORMAT)
    dv.setUint32(8, BYTE_ORDER_MARK, true)
    dv.setUint32(12, head.length)
    out.set(head, 16)
    const counts = new Uint32Array(out.buffer, countsAt, this.lists.size)
    const ids = new Uint32Array(out.buffer, idsAt, total)
    const tfs = new Uint16Array(out.buffer, tfsAt, total)
    let t = 0
    let p = 0
    for (const list of this.lists.values()) {
      const v = list.view()
      counts[t++] = v.ids.length
      ids.set(v.ids, p)
      tfs.set(v.tfs, p)
      p += v.ids.length
    }
    return out
  }

  /**
   * Restores a snapshot made by `serialize`; throws on anything else. The
   * posting lists are views of `bytes` until they change.
   */
  static deserialize(bytes: Uint8Array): TermIndex {
    // Typed-array views need 4-byte alignment: copy a misaligned buffer once.
    if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes)
    const fail = (why: string) => new Error(`term index snapshot ${why}`)
    if (bytes.length < 16) throw fail('is truncated')
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (dv.getUint32(0) !== MAGIC || dv.getUint32(4) !== FORMAT) throw fail('is not one (or of another format version)')
    if (dv.getUint32(8, true) !== BYTE_ORDER_MARK) throw fail('was written with another byte order')
    const headLength = dv.getUint32(12)
    if (16 + headLength > bytes.length) throw fail('is truncated')
    const head = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 16, headLength).toString('utf8')) as {
      nextId: number
      avg: number
      docs: Array<[number, string, number]>
      terms: string
    }
    const terms = head.terms === '' ? [] : head.terms.split('\n')
    const countsAt = align4(16 + headLength)
    if (countsAt + 4 * terms.length > bytes.length) throw fail('is truncated')
    const counts = new Uint32Array(bytes.buffer, bytes.byteOffset + countsAt, terms.length)
    let total = 0
    for (const c of counts) total += c
    const idsAt = countsAt + 4 * terms.length
    const tfsAt = idsAt + 4 * total
    if (tfsAt + 2 * total !== bytes.length) throw fail(tfsAt + 2 * total > bytes.length ? 'is truncated' : 'has trailing bytes')
    const index = new TermIndex()
    const ms = index.ms
    for (const [short, id, length] of head.docs) {
      ms._documentIds.set(short, id)
      ms._idToShortId.set(id, short)
      ms._fieldLength.set(short, [length])
      index.setLength(short, length)
    }
    ms._documentCount = head.docs.length
    ms._nextId = head.nextId
    ms._avgFieldLength[0] = head.avg
    let p = 0
    for (const [t, term] of terms.entries()) {
      const n = counts[t]!
      const ids = new Uint32Array(bytes.buffer, bytes.byteOffset + idsAt + 4 * p, n)
      const tfs = new Uint16Array(bytes.buffer, bytes.byteOffset + tfsAt + 2 * p, n)
      index.createList(term, new Postings(ids, tfs, n))
      p += n
    }
    index.nextKey = terms.length
    return index
  }
}

const align4 = (n: number) => (n + 3) & ~3
