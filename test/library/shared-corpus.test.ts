/**
 * The corpus shared by replicas through PostgreSQL: two libraries, each with
 * its own SEEDS_DIR and DATA_DIR (as two replicas have), on one database.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { OpenedLibrary } from '../../src/library/library.js'
import { openSharedLibrary } from '../../src/library/shared-corpus.js'
import { silentLogger } from '../../src/logger.js'
import { openDatabase, type Database } from '../../src/store/pg/database.js'
import { articleFile, COAL_GEOLOGY, COPPER, YELLOW_RIVER, type ArticleSeed } from '../helpers/articles.js'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js'

const server = inject('postgresUrl')

const UPLOADED: ArticleSeed = {
  file: 'unused.txt',
  title: '青藏高原冻土监测科技工作会议在西宁召开',
  date: '2024-05-20',
  source: '青海科技网',
  paragraphs: [
    '会议部署了冻土监测网络建设任务，要求建成覆盖青藏高原主要冻土区的观测站点。',
    '会议强调，要加强冻土变化对工程安全影响的研究。',
  ],
}

/**
 * Polls until `check` holds. The bound only keeps a broken change feed from
 * hanging the test; how fast a change travels is measured by `npm run bench`.
 */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const started = performance.now()
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`still not so after ${ms} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.skipIf(!server)('the corpus shared by two replicas', () => {
  let testDb: TestDatabase
  let db: Database
  const dirs: string[] = []
  const open: OpenedLibrary[] = []
  const folder = (seeds: ArticleSeed[] = []) => {
    const d = mkdtempSync(join(tmpdir(), 'shared-corpus-'))
    dirs.push(d)
    for (const s of seeds) writeFileSync(join(d, s.file), articleFile(s))
    return d
  }
  const replica = async (seedsDir: string, dataDir = folder()) => {
    const lib = await openSharedLibrary({ seedsDir, dataDir, logger: silentLogger, db })
    open.push(lib)
    return lib
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(server!, 'corpus')
    db = await openDatabase(testDb.url)
  })
  afterAll(async () => {
    for (const lib of open) await lib.close()
    await db?.close()
    await testDb?.drop()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  let a: OpenedLibrary
  let b: OpenedLibrary
  let bSeeds: string

  it('gives a replica starting with an empty folder the articles another replica brought', async () => {
    a = await replica(folder([YELLOW_RIVER, COPPER]))
    bSeeds = folder()
    b = await replica(bSeeds)
    expect(b.listArticles().map((m) => m.title)).toEqual(a.listArticles().map((m) => m.title))
    expect(readdirSync(bSeeds).sort()).toEqual([COPPER.file, YELLOW_RIVER.file].sort())
  })

  it('counts an article as added at the same time on every replica, so their digests agree on what is new', () => {
    const times = (lib: OpenedLibrary) => lib.listArticles().map((m) => [m.id, m.addedAt])
    expect(times(b)).toEqual(times(a))
  })

  it('finds an article uploaded through one replica through the other, without a restart', async () => {
    const added = await a.addArticle(Buffer.from(articleFile(UPLOADED)))
    expect(added.ok).toBe(true)
    await eventually(async () => (await b.search('冻土监测')).hits.some((h) => h.article.title === UPLOADED.title))
    const id = added.ok ? added.article.id : ''
    expect(b.getArticle(id)?.title).toBe(UPLOADED.title)
  })

  it('forgets on every replica an article removed through one', async () => {
    const copper = a.listArticles().find((m) => m.title === COPPER.title)!
    await b.removeArticle(copper.id)
    await eventually(async () => a.getArticle(copper.id) === undefined)
    expect((await a.search('中国铜业')).hits.map((h) => h.article.title)).not.toContain(COPPER.title)
  })

  it("shares a file an operator put into one replica's folder once that replica reloads", async () => {
    writeFileSync(join(bSeeds, COAL_GEOLOGY.file), articleFile(COAL_GEOLOGY))
    const report = await b.reload()
    expect(report.added.map((m) => m.title)).toEqual([COAL_GEOLOGY.title])
    await eventually(async () => a.listArticles().some((m) => m.title === COAL_GEOLOGY.title))
  })

  it('writes the corpus again into a replica folder emptied while it was down (a re-created container)', async () => {
    const aSeeds = folder()
    const aData = folder()
    const first = await replica(aSeeds, aData)
    await first.close()
    open.splice(open.indexOf(first), 1)
    for (const f of readdirSync(aSeeds)) rmSync(join(aSeeds, f))
    const again = await replica(aSeeds, aData)
    expect(
      again
        .listArticles()
        .map((m) => m.title)
        .sort(),
    ).toEqual(
      b
        .listArticles()
        .map((m) => m.title)
        .sort(),
    )
  })

  it('restarts from its own folder and snapshot, with what changed while it was down', async () => {
    const aSeeds = folder()
    const aData = folder()
    const first = await replica(aSeeds, aData)
    await first.close()
    open.splice(open.indexOf(first), 1)
    await b.addArticle(Buffer.from(articleFile({ ...UPLOADED, title: '冻土监测第二次会议在格尔木召开' })))
    const again = await replica(aSeeds, aData)
    expect(
      again
        .listArticles()
        .map((m) => m.title)
        .sort(),
    ).toEqual(
      b
        .listArticles()
        .map((m) => m.title)
        .sort(),
    )
  })
})
