import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isTemporaryFile, watchCorpus, type CorpusWatcher } from '../../src/library/watch.js'

// Short real debounce; waits are bounded and assertions are on call counts, never on timing.
const DEBOUNCE = 80
const settle = () => new Promise((r) => setTimeout(r, DEBOUNCE * 4))

let dir: string
let watcher: CorpusWatcher | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watch-test-'))
})

afterEach(async () => {
  watcher?.close()
  watcher = undefined
  await rm(dir, { recursive: true, force: true })
})

const article = '2024年全国科技工作会议在京召开\n来源：科技日报\n会议总结了过去一年的科技创新成果。'

describe('watchCorpus', () => {
  it('reloads once after a burst of changed files', async () => {
    const onChange = vi.fn()
    watcher = watchCorpus(dir, onChange, { debounceMs: DEBOUNCE })
    for (let i = 0; i < 5; i++) await writeFile(join(dir, `00${i}.txt`), article)
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 5000 })
    await settle()
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('ignores temporary files, dotfiles and backup files', async () => {
    const onChange = vi.fn()
    watcher = watchCorpus(dir, onChange, { debounceMs: DEBOUNCE })
    await writeFile(join(dir, 'upload.tmp'), article)
    await writeFile(join(dir, '.hidden.txt'), article)
    await writeFile(join(dir, 'article.txt~'), article)
    await settle()
    expect(onChange).not.toHaveBeenCalled()
    // The watcher is still live for real files.
    await writeFile(join(dir, 'article.txt'), article)
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 5000 })
  })

  it('never overlaps calls, and runs once more for changes made during a run', async () => {
    let active = 0
    let maxActive = 0
    let release!: () => void
    const firstRunBlocked = new Promise<void>((r) => (release = r))
    const onChange = vi.fn(async () => {
      active++
      maxActive = Math.max(maxActive, active)
      if (onChange.mock.calls.length === 1) await firstRunBlocked
      active--
    })
    watcher = watchCorpus(dir, onChange, { debounceMs: DEBOUNCE })

    await writeFile(join(dir, 'a.txt'), article)
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 5000 })
    // Two more changes while the first run is still busy.
    await writeFile(join(dir, 'b.txt'), article)
    await settle()
    await writeFile(join(dir, 'c.txt'), article)
    await settle()
    expect(onChange).toHaveBeenCalledTimes(1)

    release()
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 5000 })
    await settle()
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(maxActive).toBe(1)
  })

  it('reports a failing reload and keeps watching', async () => {
    const onError = vi.fn()
    const onChange = vi.fn().mockRejectedValueOnce(new Error('library: index write failed'))
    watcher = watchCorpus(dir, onChange, { debounceMs: DEBOUNCE, onError })
    await writeFile(join(dir, 'a.txt'), article)
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1), { timeout: 5000 })
    expect(String(onError.mock.calls[0]?.[0])).toContain('index write failed')
    await writeFile(join(dir, 'b.txt'), article)
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 5000 })
  })

  it('stops reacting after close, including a run that was still pending', async () => {
    const onChange = vi.fn()
    watcher = watchCorpus(dir, onChange, { debounceMs: DEBOUNCE })
    await writeFile(join(dir, 'a.txt'), article)
    watcher.close()
    await writeFile(join(dir, 'b.txt'), article)
    await settle()
    expect(onChange).not.toHaveBeenCalled()
  })
})

describe('isTemporaryFile', () => {
  it('tells temporary files from articles', () => {
    expect(isTemporaryFile('000_a26d11e632a73800.txt')).toBe(false)
    expect(isTemporaryFile('科技日报.txt')).toBe(false)
    expect(isTemporaryFile('x.txt.tmp')).toBe(true)
    expect(isTemporaryFile('.x.txt.swp')).toBe(true)
    expect(isTemporaryFile('x.txt~')).toBe(true)
  })
})
