import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CorruptStoreError, JsonFileStore, removeOrphanTemporaryFiles, writeAtomically } from '../../src/store/file-store.js'
import { JsonLinesStore } from '../../src/store/lines-store.js'
import { StoreWriteError } from '../../src/store/store.js'
import { mountSmallDisk, NO_SMALL_DISK } from '../helpers/small-disk.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeAtomically', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const path = join(dir, 'a.json')
    writeFileSync(path, 'old')
    await writeAtomically(path, 'new content')
    expect(readFileSync(path, 'utf8')).toBe('new content')
    expect(readdirSync(dir)).toEqual(['a.json'])
  })

  it('writes content given in parts, in order, without joining them first', async () => {
    const path = join(dir, 'index.bin')
    const big = new Uint8Array(3 * 1024 * 1024).fill(7)
    await writeAtomically(path, [Buffer.from('head:'), big, Buffer.from(':tail')])
    const written = readFileSync(path)
    expect(written.length).toBe(5 + big.length + 5)
    expect(written.subarray(0, 5).toString()).toBe('head:')
    expect(written[5 + 1234]).toBe(7)
    expect(written.subarray(-5).toString()).toBe(':tail')
  })

  it('creates the folders a new file needs', async () => {
    const path = join(dir, 'missing-parent', 'deeper', 'x.json')
    await writeAtomically(path, 'created with its folders')
    expect(readFileSync(path, 'utf8')).toBe('created with its folders')
  })
})

describe('JsonFileStore', () => {
  it('keeps what was written across a reopen', async () => {
    const path = join(dir, 'store.json')
    const store = new JsonFileStore<{ n: number }>(path)
    await store.write('a', { n: 1 })
    await store.write('b', { n: 2 })
    await store.delete('a')
    const again = new JsonFileStore<{ n: number }>(path)
    expect(await again.entries()).toEqual([['b', { n: 2 }]])
  })

  it('refuses a corrupt file and never overwrites it', () => {
    const path = join(dir, 'store.json')
    writeFileSync(path, '{"a": 1,')
    expect(() => new JsonFileStore(path)).toThrow(CorruptStoreError)
    expect(readFileSync(path, 'utf8')).toBe('{"a": 1,')
  })
})

describe('JsonFileStore with data that can be rebuilt', () => {
  it('moves a corrupt file aside and starts empty when told to, with a warning', async () => {
    const path = join(dir, 'searches.json')
    writeFileSync(path, '{"abc": {"query": "黄河", "at"')
    const warnings: unknown[] = []
    const store = new JsonFileStore(path, { onCorrupt: 'start-empty', logger: { warn: (...args: unknown[]) => void warnings.push(args) } })
    expect(await store.entries()).toEqual([])
    expect(warnings).toHaveLength(1)
    const names = readdirSync(dir)
    expect(names.some((n) => n.startsWith('searches.json.corrupt-'))).toBe(true)
  })

  it('skips an entry that is not valid instead of handing it to every reader', async () => {
    const path = join(dir, 'subscriptions.json')
    writeFileSync(path, JSON.stringify({ '-1': { n: 1 }, '-2': null }))
    const store = new JsonFileStore<{ n: number }>(path, {
      isEntry: (v): v is { n: number } => typeof v === 'object' && v !== null,
      logger: { warn: () => undefined },
    })
    expect(await store.entries()).toEqual([['-1', { n: 1 }]])
  })
})

describe('removeOrphanTemporaryFiles', () => {
  it('removes what a crashed atomic write left, and nothing else', () => {
    writeFileSync(join(dir, 'library.json'), '{}')
    writeFileSync(join(dir, 'library.json.4242.1717000000000.tmp'), 'half')
    writeFileSync(join(dir, 'notes.tmp'), 'not ours')
    expect(removeOrphanTemporaryFiles(dir)).toEqual(['library.json.4242.1717000000000.tmp'])
    expect(readdirSync(dir).sort()).toEqual(['library.json', 'notes.tmp'])
  })
})

describe('JsonLinesStore', () => {
  it('keeps what was written across a reopen, one line a change', async () => {
    const path = join(dir, 'searches.jsonl')
    const store = new JsonLinesStore<{ q: string }>(path)
    await Promise.all([store.write('a', { q: '黄河' }), store.write('b', { q: '铜业' }), store.write('a', { q: '煤炭' })])
    await store.delete('b')
    await store.close()
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(4)
    const again = new JsonLinesStore<{ q: string }>(path)
    expect(await again.entries()).toEqual([['a', { q: '煤炭' }]])
  })

  it('holds at most its bound, forgetting the least recently written first', async () => {
    const store = new JsonLinesStore<number>(join(dir, 's.jsonl'), { maxEntries: 3 })
    for (const [i, k] of ['a', 'b', 'c', 'd', 'b'].entries()) await store.write(k, i)
    expect((await store.entries()).map(([k]) => k)).toEqual(['c', 'd', 'b'])
  })

  it('compacts the file when it has grown far beyond its entries', async () => {
    const path = join(dir, 's.jsonl')
    const store = new JsonLinesStore<number>(path, { maxEntries: 10 })
    for (let i = 0; i < 1100; i++) await store.write(String(i % 5), i)
    await store.close()
    expect(readFileSync(path, 'utf8').trim().split('\n').length).toBeLessThan(1000)
    expect(await new JsonLinesStore<number>(path).read('4')).toBe(1099)
  })
})

const disk = mountSmallDisk(64)
if (!disk) console.log(NO_SMALL_DISK)
afterAll(() => disk?.unmount())

describe.skipIf(!disk)('stores on a full disk', () => {
  it('JsonFileStore: a change that cannot be saved throws and is not applied, in memory or on disk', async () => {
    const path = join(disk!.dir, 'settings.json')
    const store = new JsonFileStore<{ locale: string }>(path)
    await store.write('1', { locale: 'en' })
    disk!.fill()
    await expect(store.write('1', { locale: 'zh-Hant'.repeat(2000) })).rejects.toThrow(StoreWriteError)
    expect(await store.read('1')).toEqual({ locale: 'en' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ '1': { locale: 'en' } })
    expect(readdirSync(disk!.dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    disk!.free()
    await store.write('1', { locale: 'zh-Hant' })
    expect(await new JsonFileStore<{ locale: string }>(path).read('1')).toEqual({ locale: 'zh-Hant' })
  })
})
