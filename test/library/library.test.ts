import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  appendFileSync,
  readFileSync,
  mkdirSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { articleId, openLibrary, type OpenedLibrary, MAX_ARTICLE_BYTES } from '../../src/library/library.js'
import pino from 'pino'
import { silentLogger } from '../../src/logger.js'
import { makeSites } from '../corpus/sites.js'

const seeds = join(import.meta.dirname, '..', '..', 'seeds')
let root: string
let seedsDir: string
let dataDir: string
let lib: OpenedLibrary | undefined

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'library-test-'))
  seedsDir = join(root, 'seeds')
  dataDir = join(root, 'data')
  cpSync(seeds, seedsDir, { recursive: true })
})
afterEach(async () => {
  await lib?.close()
  lib = undefined
  rmSync(root, { recursive: true, force: true })
})

const open = async () => (lib = await openLibrary({ seedsDir, dataDir, logger: silentLogger }))

describe('library', () => {
  it('indexes every seed article at start', async () => {
    const l = await open()
    expect(l.listArticles()).toHaveLength(5)
    expect((await l.search('中国铜业')).hits[0]?.article.title).toBe('中国铜业召开2024年科技工作会议')
  })

  it('skips a broken file with a reason and loads the others', async () => {
    writeFileSync(join(seedsDir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]))
    writeFileSync(join(seedsDir, 'empty.txt'), '')
    const l = await open()
    expect(l.listArticles()).toHaveLength(5)
    const report = await l.reload()
    expect(report.added).toHaveLength(0)
  })

  it('reads only article files: a manifest or a README beside the articles is listed as skipped, never found', async () => {
    writeFileSync(join(seedsDir, 'manifest.jsonl'), '{"file":"a.txt","title":"彩票开奖结果公布","date":"2024-01-01"}\n')
    writeFileSync(join(seedsDir, 'README.md'), '# 说明\n本文件夹存放彩票开奖新闻的抓取结果。\n')
    const l = await open()
    expect(l.listArticles()).toHaveLength(5)
    expect((await l.search('彩票开奖')).hits).toHaveLength(0)
    const report = await l.reload()
    expect(report.skipped).toEqual([
      { file: 'README.md', reason: 'not an article: only .txt, .html and .htm files are read' },
      { file: 'manifest.jsonl', reason: 'not an article: only .txt, .html and .htm files are read' },
    ])
  })

  it('indexes a saved web page by its main text, and keeps an uploaded page as .html', async () => {
    const html = (title: string, body: string) =>
      `<!DOCTYPE html><html><head><title>${title}_东方科讯网</title><meta property="article:published_time" content="2025-03-05"></head>` +
      `<body><nav>首页 | 科技 | 关于我们</nav><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article><footer>版权所有</footer></body></html>`
    writeFileSync(
      join(seedsDir, 'page.html'),
      html('深海探测器完成万米海试', '探测器下潜至一万零九百米深处，采集了沉积物和微生物样本，并传回高清影像。'),
    )
    const l = await open()
    const hit = (await l.search('深海探测器 沉积物')).hits[0]
    expect(hit?.article).toMatchObject({ file: 'page.html', title: '深海探测器完成万米海试', date: '2025-03-05' })
    expect(l.getArticle(hit!.article.id)!.text).not.toMatch(/<|关于我们|版权所有/)
    const added = await l.addArticle(
      Buffer.from(html('量子通信干线全线贯通', '量子通信干线全线贯通，全长两千公里，连接多个城市的数据中心。')),
    )
    expect(added.ok && added.article.file).toMatch(/^upload-.*\.html$/)
    expect(added.ok && added.article.title).toBe('量子通信干线全线贯通')
  })

  it('reports added, changed and removed articles on reload, processing only what changed', async () => {
    const l = await open()
    const text = readFileSync(join(seedsDir, '001_7d3c0c2c60a354c7.txt'), 'utf8')
    writeFileSync(
      join(seedsDir, 'new.txt'),
      iconv.encode('量子通信试验网建成\n来源: 科技日报\n量子通信试验网在合肥建成，全长一千公里。', 'gb18030'),
    )
    appendFileSync(join(seedsDir, '001_7d3c0c2c60a354c7.txt'), '\n会议要求各单位狠抓落实。\n')
    unlinkSync(join(seedsDir, '002_40e531fa063e6c82.txt'))
    const report = await l.reload()
    expect(report.added.map((a) => a.title)).toEqual(['量子通信试验网建成'])
    expect(report.changed.map((a) => a.title)).toEqual(['中国铜业召开2024年科技工作会议'])
    expect(report.removed.map((a) => a.file)).toEqual(['002_40e531fa063e6c82.txt'])
    expect((await l.search('量子通信')).hits[0]?.article.title).toBe('量子通信试验网建成')
    expect((await l.search('省科技厅一季度重点工作交流会')).hits.some((h) => h.article.file.startsWith('002'))).toBe(false)
    expect(text.length).toBeGreaterThan(0)
  })

  it('keeps serving the old index while a reload reads files, and after a failed reload', async () => {
    const l = await open()
    const during = l.reload()
    expect(l.reloading).toBe(true)
    expect((await l.search('中国铜业')).hits).toHaveLength(1)
    await during
    rmSync(seedsDir, { recursive: true, force: true })
    await expect(l.reload()).rejects.toThrow(/ENOENT/)
    expect((await l.search('中国铜业')).hits).toHaveLength(1)
    expect(l.listArticles()).toHaveLength(5)
  })

  it('adds an uploaded article under a generated name and refuses an exact duplicate', async () => {
    const l = await open()
    const bytes = iconv.encode(
      '中科院發佈新一代人工智慧晶片\n發布日期:2024-06-01\n中科院今日發佈新一代人工智慧晶片，能效提升三倍。',
      'big5',
    )
    const added = await l.addArticle(bytes)
    expect(added.ok).toBe(true)
    if (!added.ok) return
    expect(added.article.title).toBe('中科院發佈新一代人工智慧晶片')
    expect(added.article.date).toBe('2024-06-01')
    expect(added.article.file).toMatch(/^upload-\d{8}-\d{6}-[0-9a-f]{10}\.txt$/)
    expect(readdirSync(seedsDir)).toContain(added.article.file)
    expect((await l.search('人工智慧晶片')).hits[0]?.article.id).toBe(added.article.id)
    const again = await l.addArticle(bytes)
    expect(again).toMatchObject({ ok: false, existing: { id: added.article.id } })
  })

  it('refuses an upload that is too large or not text', async () => {
    const l = await open()
    expect(await l.addArticle(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x41))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too large/),
    })
    expect(await l.addArticle(new Uint8Array([0, 0, 0, 1, 2, 3, 0, 0, 0]))).toMatchObject({ ok: false })
    expect(l.listArticles()).toHaveLength(5)
  })

  it('removes an article from disk and from the index', async () => {
    const l = await open()
    const target = l.listArticles().find((a) => a.title.startsWith('中国铜业'))!
    expect((await l.removeArticle(target.id))?.id).toBe(target.id)
    expect(readdirSync(seedsDir)).not.toContain(target.file)
    expect((await l.search('中国铜业')).hits).toEqual([])
    expect(await l.removeArticle('nope')).toBeUndefined()
  })

  it('remembers when each article was first added across restarts', async () => {
    const first = await open()
    const before = first.listArticles().map((a) => [a.id, a.addedAt])
    await first.close()
    lib = await openLibrary({ seedsDir, dataDir, logger: silentLogger, now: () => Date.now() + 86_400_000 })
    expect(
      lib
        .listArticles()
        .map((a) => [a.id, a.addedAt])
        .sort(),
    ).toEqual(before.sort())
    mkdirSync(dataDir, { recursive: true })
  })

  it('comes back after a restart from its saved index, re-reading no file', async () => {
    const first = await open()
    const before = (await first.search('中国铜业')).hits.map((h) => h.article.id)
    await first.close()
    const { logger, lines } = recordingLogger()
    lib = await openLibrary({ seedsDir, dataDir, logger })
    expect(lines.find((l) => l.msg === 'library: index restored from snapshot')).toMatchObject({ articles: 5 })
    expect(lines.find((l) => l.msg === 'library: corpus loaded')).toMatchObject({ articles: 5, added: 0, changed: 0, removed: 0 })
    expect((await lib.search('中国铜业')).hits.map((h) => h.article.id)).toEqual(before)
  })

  it('after a restart, picks up files changed, added and removed while it was down', async () => {
    await (await open()).close()
    appendFileSync(join(seedsDir, '001_7d3c0c2c60a354c7.txt'), '\n会议强调要加快建设氢能示范园区。\n')
    unlinkSync(join(seedsDir, '002_40e531fa063e6c82.txt'))
    writeFileSync(join(seedsDir, 'new.txt'), '量子通信试验网建成\n来源: 科技日报\n量子通信试验网在合肥建成，全长一千公里。')
    const { logger, lines } = recordingLogger()
    lib = await openLibrary({ seedsDir, dataDir, logger })
    expect(lines.find((l) => l.msg === 'library: corpus loaded')).toMatchObject({ articles: 5, added: 1, changed: 1, removed: 1 })
    expect((await lib.search('氢能示范园区')).hits[0]?.article.file).toBe('001_7d3c0c2c60a354c7.txt')
    expect((await lib.search('量子通信')).hits[0]?.article.file).toBe('new.txt')
  })

  it('rebuilds the index when the saved one is damaged, and says so', async () => {
    await (await open()).close()
    const path = join(dataDir, 'index.bin')
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, bytes.length - 100))
    const { logger, lines } = recordingLogger()
    lib = await openLibrary({ seedsDir, dataDir, logger })
    expect(lines.some((l) => l.level === 40 && l.msg === 'library: index snapshot unusable, rebuilding the index')).toBe(true)
    expect(lib.listArticles()).toHaveLength(5)
    expect((await lib.search('中國銅業')).hits[0]?.article.title).toBe('中国铜业召开2024年科技工作会议')
  })

  it('reads every file again when DATA_DIR was made by a tokenizer that is not this one, keeping when each was added', async () => {
    const first = await open()
    const before = first.listArticles().map((a) => [a.id, a.addedAt])
    await first.close()
    const path = join(dataDir, 'library.json')
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"analysis":"[0-9a-f]+"/, '"analysis":"other-code"'))
    const { logger, lines } = recordingLogger()
    lib = await openLibrary({ seedsDir, dataDir, logger })
    expect(lines.some((l) => l.msg === 'library: index restored from snapshot')).toBe(false)
    expect(lines.find((l) => l.msg === 'library: corpus loaded')).toMatchObject({ articles: 5, added: 5 })
    expect(
      lib
        .listArticles()
        .map((a) => [a.id, a.addedAt])
        .sort(),
    ).toEqual(before.sort())
  })

  it('keeps a reload in service when DATA_DIR cannot be written, and logs why', async () => {
    const { logger, lines } = recordingLogger()
    writeFileSync(join(root, 'not-a-folder'), 'a file where DATA_DIR should be')
    lib = await openLibrary({ seedsDir, dataDir: join(root, 'not-a-folder', 'data'), logger })
    expect(lib.listArticles()).toHaveLength(5)
    expect(lines.some((l) => l.level === 50 && l.msg.startsWith('library: could not save the index'))).toBe(true)
    writeFileSync(join(seedsDir, 'new.txt'), '量子通信试验网建成\n来源: 科技日报\n量子通信试验网在合肥建成，全长一千公里。')
    const report = await lib.reload()
    expect(report.added.map((a) => a.file)).toEqual(['new.txt'])
    expect((await lib.search('量子通信')).hits[0]?.article.file).toBe('new.txt')
  })
})

/** A pino logger whose lines are kept as objects. */
function recordingLogger() {
  const lines: Array<Record<string, unknown> & { msg: string; level: number }> = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) })
  return { logger, lines }
}

describe('article ids', () => {
  const article = (title: string) => `${title}\n来源：科技日报\n${title}，会议部署了年度科技创新重点任务，推进关键核心技术攻关。\n`

  it('keeps both articles of two files whose old 8-digit ids collided, each under its own id', async () => {
    // sha1 of these two names shares its first 8 hex digits (95aef762).
    writeFileSync(join(seedsDir, 'c27767.txt'), article('甲市召开科技工作会议'))
    writeFileSync(join(seedsDir, 'c59460.txt'), article('乙县召开科技创新大会'))
    const l = await open()
    const ids = l.listArticles().map((m) => m.id)
    expect(ids).toHaveLength(7)
    expect(new Set(ids).size).toBe(7)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/)
    expect((await l.search('乙县')).hits[0]?.article.file).toBe('c59460.txt')
  })

  it('gives a file a longer id when its 12-digit id is taken, and the same ids after a restart', async () => {
    expect(articleId('a.txt', (id) => id.length === 12)).toHaveLength(16)
    const before = (await open()).listArticles().map((m) => [m.file, m.id])
    await lib!.close()
    lib = undefined
    const after = (await open()).listArticles().map((m) => [m.file, m.id])
    expect(after).toEqual(before)
  })

  it('finds an article by its id in any letter case, and by the 8-digit id an old message carries', async () => {
    const l = await open()
    const meta = l.listArticles()[0]!
    expect(l.getArticle(meta.id.toUpperCase())?.title).toBe(meta.title)
    expect(l.getArticle(meta.id.slice(0, 8))?.title).toBe(meta.title)
    expect(l.getArticle('ffffffff')).toBeUndefined()
  })

  it('skips a file over the article size limit, naming the limit', async () => {
    writeFileSync(join(seedsDir, 'huge.txt'), '科技'.repeat(MAX_ARTICLE_BYTES / 3))
    const l = await open()
    const report = await l.reload()
    expect(l.listArticles()).toHaveLength(5)
    expect(report.skipped).toEqual([{ file: 'huge.txt', reason: expect.stringMatching(/^too large \(\d+ bytes; the limit is 1048576\)$/) }])
  })
})

describe('library with templates learned from the corpus', () => {
  const footer = '本網站所有內容，未經書面授權，不得轉載或公開傳輸。'
  const sites = makeSites()
  const write = (filter: (file: string) => boolean) => {
    for (const a of sites) if (filter(a.file)) writeFileSync(join(seedsDir, a.file), a.text)
  }
  const idOf = (l: OpenedLibrary, file: string) => l.listArticles().find((a) => a.file === file)!.id

  it('serves and indexes articles without their site’s footer, leaves the files as they are, and keeps it so after a restart', async () => {
    write(() => true)
    const l = await open()
    const text = l.getArticle(idOf(l, 'tw-00.txt'))!.text
    expect(text).not.toContain(footer)
    expect(text).not.toMatch(/記者.*報導/)
    expect((await l.search('未經書面授權 不得轉載')).hits).toHaveLength(0)
    expect(readFileSync(join(seedsDir, 'tw-00.txt'), 'utf8')).toContain(footer)
    await l.close()
    lib = undefined
    const restarted = await open()
    expect(restarted.getArticle(idOf(restarted, 'tw-00.txt'))!.text).toBe(text)
    expect((await restarted.search('未經書面授權 不得轉載')).hits).toHaveLength(0)
  })

  it('learns a site’s footer once enough of its articles arrive on reload, and forgets it when they go', async () => {
    write((f) => /^tw-0[0-4]\.txt$/.test(f))
    const l = await open()
    const id = idOf(l, 'tw-00.txt')
    expect(l.getArticle(id)!.text).toContain(footer)
    write((f) => f.startsWith('tw-'))
    const report = await l.reload()
    expect(report.changed).toHaveLength(0)
    expect(l.getArticle(id)!.text).not.toContain(footer)
    for (const a of sites) if (/^tw-(?:0[5-9]|[12]\d|30)\.txt$/.test(a.file)) unlinkSync(join(seedsDir, a.file))
    await l.reload()
    expect(l.getArticle(id)!.text).toContain(footer)
  })

  it('after a restart, keeps the template statistics current from what DATA_DIR saved', async () => {
    write((f) => f.startsWith('tw-'))
    await (await open()).close()
    lib = undefined
    expect(existsSync(join(dataDir, 'templates.bin'))).toBe(true)
    const l = await open()
    const id = idOf(l, 'tw-00.txt')
    expect(l.getArticle(id)!.text).not.toContain(footer)
    for (const a of sites) if (/^tw-(?:0[5-9]|[12]\d|30)\.txt$/.test(a.file)) unlinkSync(join(seedsDir, a.file))
    await l.reload()
    expect(l.getArticle(id)!.text).toContain(footer)
  })

  it('removes a known footer from an uploaded article of that site', async () => {
    write((f) => f.startsWith('tw-') && f !== 'tw-30.txt')
    const l = await open()
    const upload = sites.find((a) => a.file === 'tw-30.txt')!
    const added = await l.addArticle(Buffer.from(upload.text))
    expect(added.ok).toBe(true)
    if (added.ok) expect(l.getArticle(added.article.id)!.text).not.toContain(footer)
  })
})

describe('what is not a file of the folder', () => {
  it('lists folders, links and pipes in the reload report with the reason, and reads none of them', async () => {
    mkdirSync(join(seedsDir, 'archive'))
    writeFileSync(join(seedsDir, 'archive', 'old.txt'), '旧文章\n来源：科技日报\n旧文章正文，会议部署了年度科技创新重点任务。\n')
    symlinkSync('/etc/passwd', join(seedsDir, 'link.txt'))
    execFileSync('mkfifo', [join(seedsDir, 'pipe.txt')])
    const l = await open()
    const report = await l.reload()
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { file: 'archive', reason: expect.stringContaining('a folder') },
        { file: 'link.txt', reason: expect.stringContaining('a symbolic link') },
        { file: 'pipe.txt', reason: expect.stringContaining('a named pipe') },
      ]),
    )
    expect(l.listArticles()).toHaveLength(5)
  })
})
