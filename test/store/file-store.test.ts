import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CorruptStoreError, JsonFileStore, writeAtomically } from '../../src/store/file-store.js'

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
