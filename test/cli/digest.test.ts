import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { inventedWindow } from '../digest/story-articles.js'

const root = join(import.meta.dirname, '..', '..')
const corpus = mkdtempSync(join(tmpdir(), 'digest-cli-corpus-'))
const dataDir = mkdtempSync(join(tmpdir(), 'digest-cli-data-'))
afterAll(() => {
  rmSync(corpus, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

// The invented week as files (title, source and date line, body), one article outside the window,
// and a manifest that is not an article.
for (const a of inventedWindow()) writeFileSync(join(corpus, `${a.id}.txt`), `${a.title}\n来源：星河日报 发布时间：${a.date}\n${a.text}\n`)
writeFileSync(
  join(corpus, 'old.txt'),
  '天枢二号卫星退役\n来源：星河日报 发布时间：2030-01-02\n天枢二号遥感卫星完成使命，今天正式退役，转入离轨处置。\n',
)
writeFileSync(join(corpus, 'manifest.jsonl'), '{"file":"sat1.txt","title":"天枢三号遥感卫星成功发射","date":"2031-05-06"}\n')

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', '--corpus', corpus, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', SEARCH_DATA_DIR: dataDir },
    timeout: 60_000,
  })

interface JsonDigest {
  themes: Array<{ name: string; articles: Array<{ id: string; file: string; title: string; date: string }>; sentence: string | null }>
  articles: Array<{ id: string; file: string; title: string; date: string; summary: string }>
  messages: string[]
}

describe('digest CLI', () => {
  it('prints the window’s digest as one JSON object: themes, articles with summaries, messages', () => {
    const r = run(['--from', '2031-05-06', '--to', '2031-05-09', '--json'])
    expect(r.status, r.stderr).toBe(0)
    const d = JSON.parse(r.stdout) as JsonDigest
    expect(d.themes.map((t) => t.name)).toEqual([expect.stringContaining('天枢三号'), expect.stringContaining('台风海棠')])
    expect(d.themes[0]!.articles.map((a) => a.file).sort()).toEqual(['sat1.txt', 'sat2.txt', 'sat3.txt', 'sat4.txt'])
    expect(d.themes[0]!.sentence).toContain('天枢三号')
    expect(d.articles.every((a) => a.summary.length > 0 && a.date >= '2031-05-06')).toBe(true)
    expect(d.articles.map((a) => a.file)).not.toContain('manifest.jsonl')
    expect(d.articles.map((a) => a.file)).not.toContain('old.txt')
    expect(d.messages[0]).toContain('<b>科技新闻日报</b> · 2031-05-09')
  })

  it('prints it readably, in the chosen chat’s script and form', () => {
    const r = run(['--from', '2031-05-06', '--to', '2031-05-09', '--locale', 'zh-Hant', '--form', 'group'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('科技新聞日報')
    expect(r.stdout).toMatch(/1\. \*\*天樞三號/)
    expect(r.stdout).not.toContain('<b>')
  })

  it('refuses a malformed date, naming the option', () => {
    const r = run(['--from', '2031-5-6'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--from must be a date as YYYY-MM-DD')
  })
})
