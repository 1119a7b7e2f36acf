import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { derivedDataDir } from '../../src/cli/derived-data.js'

const root = join(import.meta.dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'search-cli-test-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', SEARCH_DATA_DIR: dataDir },
    timeout: 60_000,
  })

describe('derivedDataDir', () => {
  it('gives one stable folder per corpus, under the project, unless SEARCH_DATA_DIR says otherwise', () => {
    const seeds = derivedDataDir(join(root, 'seeds'), {})
    expect(derivedDataDir('seeds', {})).toBe(seeds)
    expect(seeds.startsWith(join(root, '.cache', 'corpora', 'seeds-'))).toBe(true)
    expect(derivedDataDir(join(root, 'test'), {})).not.toBe(seeds)
    expect(derivedDataDir('seeds', { SEARCH_DATA_DIR: '/somewhere' })).toBe('/somewhere')
  })

  it('keeps the index in that folder, so a second run restarts from it', () => {
    expect(run(['黄河']).status).toBe(0)
    expect(existsSync(join(dataDir, 'library.json'))).toBe(true)
    expect(existsSync(join(dataDir, 'index.bin'))).toBe(true)
  })
})

describe('search CLI', () => {
  it('prints readable results with the matches marked', () => {
    const r = run(['中国铜业的会议在哪里召开？'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('中国铜业召开2024年科技工作会议')
    expect(r.stdout).toContain('在昆明')
    expect(r.stdout).toMatch(/【中国铜业】/)
  })

  it('prints a JSON array with --json', () => {
    const r = run(['--json', '--limit', '2', '科技创新'])
    expect(r.status).toBe(0)
    const hits = JSON.parse(r.stdout) as Array<Record<string, unknown>>
    expect(hits).toHaveLength(2)
    expect(Object.keys(hits[0]!).sort()).toEqual(['date', 'excerpt', 'file', 'id', 'score', 'source', 'title'])
  })

  it('answers one JSON line per stdin line, in order, with --batch', () => {
    const r = run(['--batch', '--limit', '1'], '中国铜业\n量子计算机芯片\n採煤沉陷區\n')
    expect(r.status).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Array<{ title: string }>)
    expect(lines).toHaveLength(3)
    expect(lines[0]![0]!.title).toBe('中国铜业召开2024年科技工作会议')
    expect(lines[1]).toEqual([])
    expect(lines[2]![0]!.title).toBe('中國煤炭地質總局召開科技專題工作會')
  })

  it('says the articles on a question never mention what it asks', () => {
    const r = run(['中国铜业董事长许波的妻子是谁？'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('相关的文章都没有提到「妻子」')
  })

  it('says why nothing answers as the bot does, with its hint, in plain text', () => {
    const r = run(['足球世界杯决赛'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('「足球世界杯决赛」')
    expect(r.stdout).toContain('/search')
    expect(r.stdout).not.toMatch(/<\/?[a-z]+>|&[a-z]+;/)
  })

  it('prints an empty array and exits 0 when nothing matches', () => {
    const r = run(['--json', '足球世界杯决赛'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })

  it('exits non-zero with the usage on a bad option', () => {
    const bad = run(['--limit', 'lots', '科技'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--limit must be a whole number/)
    expect(bad.stderr).toMatch(/usage: npm run search/)
    expect(run(['--nope', '科技']).status).toBe(2)
    expect(run([]).status).toBe(2)
  })
})
