import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseManifest, scoreMetadata, type MetaRecord } from '../../src/cli/eval-meta.js'

const root = join(import.meta.dirname, '..', '..')
const work = mkdtempSync(join(tmpdir(), 'eval-meta-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const run = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/eval-meta.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', SEARCH_DATA_DIR: dataDir },
    timeout: 60_000,
  })

describe('scoreMetadata', () => {
  const gold: MetaRecord[] = [
    { file: 'a.txt', title: '深海探测器完成海试', date: '2025-03-05', source: '东方科讯网' },
    { file: 'b.txt', title: '綠能屋頂計畫啟動', date: '2025-11-18', source: null },
    { file: 'c.txt', title: '科技活动周开幕', date: '2025-05-06', source: '省科技厅' },
  ]

  it('gives the share of titles, dates and sources read right, and lists each miss', () => {
    const read: MetaRecord[] = [
      { file: 'a.txt', title: '深海探测器完成海试', date: '2025-03-05', source: '东方科讯网' },
      { file: 'b.txt', title: '綠能屋頂計畫啟動', date: '2025-11-19', source: '晨光日報' },
      { file: 'c.txt', title: 'c', date: '2025-05-06', source: '省科技厅' },
    ]
    const score = scoreMetadata(read, gold)
    expect([score.title, score.date, score.source]).toEqual([2 / 3, 2 / 3, 2 / 3])
    expect(score.misses).toEqual([
      { file: 'b.txt', field: 'date', gold: '2025-11-18', read: '2025-11-19' },
      { file: 'b.txt', field: 'source', gold: null, read: '晨光日報' },
      { file: 'c.txt', field: 'title', gold: '科技活动周开幕', read: 'c' },
    ])
  })

  it('counts an article the reader did not give as wrong in every field', () => {
    const score = scoreMetadata([gold[0]!, gold[1]!], gold)
    expect(score.unread).toEqual(['c.txt'])
    expect(score.title).toBeCloseTo(2 / 3)
  })

  it('does not hold runs of spaces against a title', () => {
    const score = scoreMetadata([{ ...gold[0]!, title: '深海探测器　完成海试' }], [{ ...gold[0]!, title: '深海探测器 完成海试' }])
    expect(score.title).toBe(1)
  })
})

describe('parseManifest', () => {
  it('reads one JSON object a line, empty strings and nulls as no value', () => {
    expect(parseManifest('{"file":"a.txt","title":"标题","date":"","source":null,"style":"A"}\n\n')).toEqual([
      { file: 'a.txt', title: '标题', date: null, source: null },
    ])
  })

  it('names the line that is not JSON', () => {
    expect(() => parseManifest('{"file":"a.txt","title":"t"}\nnot json', 'm.jsonl')).toThrow('eval-meta: m.jsonl line 2 is not JSON')
  })
})

describe('eval:meta CLI', () => {
  const corpus = join(work, 'corpus')
  mkdirSync(corpus, { recursive: true })
  writeFileSync(
    join(corpus, 'a.txt'),
    '深海探测器完成海试_科技频道_东方科讯网\n来源：东方科讯网 2025-03-05\n探测器下潜至万米深处，采集了沉积物样本。',
  )
  writeFileSync(join(corpus, 'b.txt'), '綠能屋頂計畫啟動\n晨光日報 2025/11/18 21:27\n市府今天宣布啟動綠能屋頂計畫，年底前完成百座。')
  writeFileSync(
    join(corpus, 'manifest.jsonl'),
    [
      { file: 'a.txt', title: '深海探测器完成海试', date: '2025-03-05', source: '东方科讯网' },
      { file: 'b.txt', title: '綠能屋頂計畫啟動', date: '2025-11-18', source: '晨光新聞網' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n'),
  )

  it('prints the shares against DIR/manifest.jsonl and lists the misses', () => {
    const r = run([corpus], join(work, 'data1'))
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('title: 100.00%  date: 100.00%  source: 50.00%')
    expect(r.stdout).toContain('b.txt  gold "晨光新聞網"  read "晨光日報"')
  })

  it('prints one JSON line per article as read with --json and no manifest', () => {
    const r = run([corpus, '--json'], join(work, 'data2'))
    expect(r.status).toBe(0)
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { file: 'a.txt', title: '深海探测器完成海试', date: '2025-03-05', source: '东方科讯网' },
      { file: 'b.txt', title: '綠能屋頂計畫啟動', date: '2025-11-18', source: '晨光日報' },
    ])
  })

  it('fails with a message naming the missing manifest', () => {
    const r = run([corpus, '--manifest', join(work, 'nope.jsonl')], join(work, 'data3'))
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('eval-meta: no manifest at')
  })
})
