import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { Postings, TermIndex } from '../../src/search/term-index.js'

const bm25 = { k: 1.2, b: 0.7, d: 0.5 }

/** Documents with repeated, shared and unique terms, as term lists. */
const docs: Record<string, string[]> = {
  a: ['科技', '技创', '创新', '科技', '会议'],
  b: ['铜业', '会议', '召开', '会议', '会议'],
  c: ['黄河', '流域', '科技'],
  d: ['2024', '2024年', '科技', '创新', '发展', '发展'],
  e: ['孤词'],
}

const tfOf = (terms: string[]) => {
  const tf = new Map<string, number>()
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1)
  return tf
}

/** The same documents through MiniSearch's public API. */
function publicIndex(ids: string[]) {
  const mini = new MiniSearch<{ id: string; terms: string[] }>({
    fields: ['terms'],
    tokenize: (v: unknown) => v as string[],
    stringifyField: (v: unknown) => v as string,
    processTerm: (t: string) => t,
    searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t },
  })
  for (const id of ids) mini.add({ id, terms: docs[id]! })
  // TermIndex divides out MiniSearch's factor for the number of query terms matched.
  return (terms: string[]) =>
    mini
      .search({ queries: terms, combineWith: 'OR' } as never, { bm25 })
      .map((r) => ({ id: r.id as string, score: r.score / r.queryTerms.length }))
      .sort((a, b) => b.score - a.score)
}

const queries = [['科技'], ['会议', '召开'], ['科技', '创新', '发展'], ['黄河', '孤词', '2024年'], ['没有']]

describe('TermIndex', () => {
  it('is built against the MiniSearch version whose internals it writes', () => {
    const path = join(import.meta.dirname, '..', '..', 'node_modules', 'minisearch', 'package.json')
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { version: string }
    expect(pkg.version).toBe('7.2.0')
  })

  it('scores every query exactly like MiniSearch built with its public add (less its matched-terms factor)', () => {
    const index = new TermIndex()
    for (const [id, terms] of Object.entries(docs)) index.add(id, tfOf(terms))
    const reference = publicIndex(Object.keys(docs))
    for (const q of queries) {
      const ours = index.search(q, 10, bm25)
      const theirs = reference(q)
      expect(ours.map((r) => r.id)).toEqual(theirs.map((r) => r.id))
      ours.forEach((r, i) => expect(r.score).toBeCloseTo(theirs[i]!.score, 10))
    }
  })

  it('ranks hundreds of documents, ties and long posting lists included, in MiniSearch order', () => {
    let seed = 11
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const vocabulary = ['科技', '创新', '会议', '铜', '煤', '黄河', '芯片', '卫星', '2024年', '召开']
    const many: Record<string, string[]> = {}
    for (let i = 0; i < 600; i++)
      many[`d${i}`] = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!)
    const index = new TermIndex()
    for (const [id, terms] of Object.entries(many)) index.add(id, tfOf(terms))
    const mini = new MiniSearch<{ id: string; terms: string[] }>({
      fields: ['terms'],
      tokenize: (v: unknown) => v as string[],
      stringifyField: (v: unknown) => v as string,
      processTerm: (t: string) => t,
      searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t },
    })
    for (const [id, terms] of Object.entries(many)) mini.add({ id, terms })
    for (const q of [['铜'], ['科技', '创新'], ['黄河', '芯片', '卫星', '2024年']]) {
      const theirs = mini
        .search({ queries: q, combineWith: 'OR' } as never, { bm25 })
        .map((r) => ({ id: r.id as string, score: r.score / r.queryTerms.length }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 50)
      const ours = index.search(q, 50, bm25)
      expect(ours.map((r) => r.id)).toEqual(theirs.map((r) => r.id))
      ours.forEach((r, i) => expect(r.score).toBeCloseTo(theirs[i]!.score, 10))
    }
  })

  it('after removing documents, scores like an index that never had them', () => {
    const index = new TermIndex()
    for (const [id, terms] of Object.entries(docs)) index.add(id, tfOf(terms))
    index.remove('a', docs.a!)
    index.remove('e', docs.e!)
    expect(index.size).toBe(3)
    expect(index.has('a')).toBe(false)
    expect(index.df('孤词')).toBe(0)
    expect(index.df('科技')).toBe(2)
    const reference = publicIndex(['b', 'c', 'd'])
    for (const q of queries) {
      const ours = index.search(q, 10, bm25)
      expect(ours.map((r) => r.id)).toEqual(reference(q).map((r) => r.id))
      ours.forEach((r, i) => expect(r.score).toBeCloseTo(reference(q)[i]!.score, 10))
    }
  })

  it('comes back from a snapshot scoring the same, and keeps accepting documents', () => {
    const index = new TermIndex()
    for (const [id, terms] of Object.entries(docs)) index.add(id, tfOf(terms))
    index.remove('b', docs.b!)
    const restored = TermIndex.deserialize(index.serialize())
    expect(restored.size).toBe(index.size)
    expect(restored.terms).toBe(index.terms)
    for (const q of queries) expect(restored.search(q, 10, bm25)).toEqual(index.search(q, 10, bm25))
    restored.add('b', tfOf(docs.b!))
    const reference = publicIndex(['a', 'c', 'd', 'e', 'b'])
    expect(restored.search(['会议'], 10, bm25).map((r) => r.id)).toEqual(reference(['会议']).map((r) => r.id))
  })

  it('refuses a damaged or foreign snapshot instead of serving a broken index', () => {
    const index = new TermIndex()
    for (const [id, terms] of Object.entries(docs)) index.add(id, tfOf(terms))
    const bytes = index.serialize()
    expect(() => TermIndex.deserialize(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/)
    expect(() => TermIndex.deserialize(new TextEncoder().encode('{"documentCount":1}'))).toThrow(/snapshot/)
  })

  it('refuses a second document with the same id', () => {
    const index = new TermIndex()
    index.add('a', tfOf(docs.a!))
    expect(() => index.add('a', tfOf(docs.b!))).toThrow(/duplicate/)
  })
})

describe('Postings', () => {
  it('reads like the Map MiniSearch expects: size, keys in id order, frequency by id', () => {
    const p = new Postings()
    for (let id = 0; id < 100; id += 3) p.append(id, id % 7 || 1)
    expect(p.size).toBe(34)
    expect([...p.keys()].slice(0, 4)).toEqual([0, 3, 6, 9])
    expect(p.get(21)).toBe(1)
    expect(p.get(22)).toBeUndefined()
    expect(p.delete(21)).toBe(true)
    expect(p.delete(21)).toBe(false)
    expect(p.get(21)).toBeUndefined()
    expect(p.get(24)).toBe(3)
    expect(p.size).toBe(33)
    p.trim()
    p.append(200, 2)
    expect([...p.keys()].slice(-2)).toEqual([99, 200])
  })

  it('stays correct as a long list moves to typed arrays, is trimmed, and grows again', () => {
    const p = new Postings()
    for (let id = 1; id <= 1000; id++) p.append(id * 2, (id % 5) + 1)
    expect(p.size).toBe(1000)
    expect(p.get(1000)).toBe(1)
    p.delete(1000)
    p.trim()
    for (let id = 1001; id <= 1100; id++) p.append(id * 2, 9)
    expect(p.size).toBe(1099)
    expect(p.get(1000)).toBeUndefined()
    expect(p.get(2200)).toBe(9)
    const keys = [...p.keys()]
    expect(keys).toHaveLength(1099)
    expect(keys.every((k, i) => i === 0 || k > keys[i - 1]!)).toBe(true)
  })

  it('refuses an id out of order rather than corrupting the list', () => {
    const p = new Postings()
    p.append(5, 1)
    expect(() => p.append(5, 1)).toThrow(/increasing/)
  })
})
