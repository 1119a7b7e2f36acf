import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs'
import { readdir, readFile, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Logger } from '../logger.js'
import { writeAtomically } from '../store/file-store.js'
import { articleFormat, readArticle, serveArticle, templateDoc, templateGroup } from '../corpus/read-article.js'
import { looksLikeHtml } from '../corpus/html.js'
import { EMPTY_TEMPLATES, groupKey, TemplateLearner, templateIndex, type TemplateModel } from '../corpus/template.js'
import { fold } from '../text/script.js'
import { tokensWithPositions } from '../search/tokenize.js'
import { SearchIndex } from '../search/search-index.js'
import type { AddResult, Library, LibraryStats, ReloadReport, SkippedFile } from './types.js'
import type { Article } from '../corpus/article.js'
import type { ArticleMeta, SearchOptions, SearchResult } from '../search/types.js'
import { isTemporaryFile, watchCorpus, type CorpusWatcher } from './watch.js'

/**
 * The most one article file may weigh, in the folder or uploaded: 1 MiB, some
 * 60 times the longest news article seen (16 KB) and about 330,000 Chinese
 * characters. A larger file is skipped with a reason: one huge file would cost
 * hundreds of MB and slow every search that ranks it.
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024

/** What is remembered of each file between runs (`DATA_DIR/library.json`). */
interface FileRecord {
  /** The article's id (kept, so a file keeps its id when a later file's would collide). */
  id?: string
  size: number
  mtimeMs: number
  /** sha256 of the file's bytes. */
  bytesHash: string
  addedAt: number
}

interface CacheFile {
  version: number
  /** `analysisFingerprint()` of the code that wrote it. */
  analysis?: string
  /** Names the index snapshot (`index.bin`) written with this file; another generation's snapshot is ignored. */
  generation?: string
  files: Record<string, FileRecord>
  /** Parsed articles by bytes hash, so an unchanged file is not decoded and cleaned again. */
  articles: Record<string, Article>
  /** What was learned of the corpus's templates when the index was saved (served articles are derived with it). */
  templates?: TemplateModel
}

/**
 * Version of what DATA_DIR holds. Bump it whenever reading, cleaning or
 * tokenizing changes: parsed articles and the index snapshot of another
 * version are ignored and rebuilt from the files.
 */
const CACHE_VERSION = 10

/**
 * How this code folds and tokenizes a sample of every kind of text: a change
 * of the tokenizer changes it, and the saved index is then rebuilt even if
 * nobody bumped CACHE_VERSION.
 */
const ANALYSIS = createHash('sha1')
  .update(
    JSON.stringify(
      tokensWithPositions(
        fold('中國銅業召開2024年科技工作會議，研發投入強度2.06%，「1+10」基地，第1158號，ＡＢＣ質量發展，1至5月，1-10月，二〇二五年。'),
      ),
    ),
  )
  .digest('hex')
  .slice(0, 12)

export interface LibraryOptions {
  seedsDir: string
  dataDir: string
  logger: Logger
  /** Reload automatically when files change (SEEDS_WATCH). */
  watch?: boolean
  /** Clock, injectable for tests. */
  now?: () => number
  /** When a file new to this process entered the corpus, if another process knows (the shared corpus); else now. */
  addedAt?: (file: string) => number | undefined
}

export interface OpenedLibrary extends Library {
  /** Stops the folder watcher. */
  close(): Promise<void>
}

/** Lengths an article id may have: the shortest that no other file of the corpus has is used. */
const ID_LENGTHS = [12, 16, 24, 40] as const

/**
 * Stable short id of a file in the corpus folder: the first 12 hex digits of the
 * SHA-1 of its name (48 bits: a collision in a 20,000-file corpus has odds of
 * about one in a million), longer only when another file already has that id.
 * Ids are kept in DATA_DIR, so a file keeps its id across restarts.
 * @example articleId('000_a26d11e632a73800.txt') // 'f3b2…' (12 hex digits)
 */
export function articleId(file: string, taken: (id: string) => boolean = () => false): string {
  const hash = createHash('sha1').update(file).digest('hex')
  for (const length of ID_LENGTHS) {
    const id = hash.slice(0, length)
    if (!taken(id)) return id
  }
  throw new Error(`library: no free id for ${file}`)
}

/** Ids of 8 hex digits, as earlier versions gave and old messages still carry. */
const OLD_ID = /^[0-9a-f]{8}$/

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex')

/**
 * Opens the corpus folder: reads every file (reusing what `DATA_DIR` remembers
 * of unchanged files), builds the index, and returns the Library that serves
 * searches and applies reloads, uploads and removals.
 */
export async function openLibrary(options: LibraryOptions): Promise<OpenedLibrary> {
  const lib = new FileLibrary(options)
  await lib.reload()
  if (options.watch) lib.startWatching()
  return lib
}

class FileLibrary implements OpenedLibrary {
  private index = new SearchIndex()
  private files = new Map<string, FileRecord & { id: string }>()
  /** Articles as read from the files (templates not removed), by bytes hash. The index holds them as served. */
  private articlesByHash = new Map<string, Article>()
  /** Templates learned from the corpus, and their lookup; the learner is built at the first change after a start. */
  private templates: TemplateModel = EMPTY_TEMPLATES
  private templateLookup = templateIndex(EMPTY_TEMPLATES)
  private titleSuffixes: ReadonlySet<string> = new Set()
  private learner?: TemplateLearner
  private queue: Promise<unknown> = Promise.resolve()
  /** Reloads, uploads and removals called and not yet finished. */
  private pending = 0
  private watcher?: CorpusWatcher
  private readonly cachePath: string
  private readonly snapshotPath: string
  private readonly learnerPath: string
  /** The generation of what DATA_DIR holds (library.json, index.bin, templates.bin written together). */
  private generation?: string
  private readonly now: () => number

  constructor(private readonly options: LibraryOptions) {
    this.cachePath = join(options.dataDir, 'library.json')
    this.snapshotPath = join(options.dataDir, 'index.bin')
    this.learnerPath = join(options.dataDir, 'templates.bin')
    this.now = options.now ?? Date.now
    this.loadCache()
  }

  get reloading(): boolean {
    return this.pending > 0
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult> {
    return this.index.search(query, options)
  }

  getArticle(id: string): Article | undefined {
    const key = id.toLowerCase()
    return this.index.getArticle(key) ?? (OLD_ID.test(key) ? this.byOldId(key) : undefined)
  }

  /** An article whose id starts with an 8-digit id of earlier versions (links in old messages), if exactly one does. */
  private byOldId(prefix: string): Article | undefined {
    let found: Article | undefined
    for (const { id } of this.files.values()) {
      if (!id.startsWith(prefix)) continue
      if (found) return undefined
      found = this.index.getArticle(id)
    }
    return found
  }

  /** The id a file gets: its own if it has one, else one no other file (nor `assigned`) has. */
  /**
   * The file's id: the one it has, or a new one no other file holds. `taken` is the ids in use
   * (`idsInUse()`); a caller giving ids to many files passes one set, which each new id joins,
   * so that naming 20,000 files costs 20,000 look-ups, not 20,000 copies of the set.
   */
  private idFor(file: string, taken: Set<string> = this.idsInUse()): string {
    const known = this.files.get(file)?.id
    if (known) return known
    const id = articleId(file, (candidate) => taken.has(candidate))
    taken.add(id)
    return id
  }

  private idsInUse(): Set<string> {
    const ids = new Set<string>()
    for (const rec of this.files.values()) if (rec.id) ids.add(rec.id)
    return ids
  }

  listArticles(): ArticleMeta[] {
    return this.index.metas().sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.addedAt - a.addedAt)
  }

  stats(): LibraryStats {
    const mem = process.memoryUsage()
    let indexBytes = 0
    for (const path of [this.cachePath, this.snapshotPath]) {
      try {
        indexBytes += statSync(path).size
      } catch {
        // not written yet
      }
    }
    return {
      articles: this.index.size,
      passages: this.index.articles().reduce((n, a) => n + a.passages.length, 0),
      indexBytes,
      heapUsed: mem.heapUsed,
      rss: mem.rss,
    }
  }

  startWatching(): void {
    this.watcher = watchCorpus(
      this.options.seedsDir,
      async () => {
        const report = await this.reload()
        this.options.logger.info(
          { added: report.added.length, changed: report.changed.length, removed: report.removed.length, ms: report.ms },
          'library: reloaded after a change on disk',
        )
      },
      { onError: (err) => this.options.logger.warn({ err }, 'library: watch reload failed') },
    )
  }

  async close(): Promise<void> {
    this.watcher?.close()
    await this.queue.catch(() => undefined)
  }

  /** Runs `task` after every earlier reload/add/remove: one change at a time. */
  private serialise<T>(task: () => Promise<T>): Promise<T> {
    this.pending++
    const run = this.queue.then(async () => {
      try {
        return await task()
      } finally {
        this.pending--
      }
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  reload(): Promise<ReloadReport> {
    return this.serialise(() => this.reloadNow())
  }

  private async reloadNow(): Promise<ReloadReport> {
    const started = performance.now()
    const dir = this.options.seedsDir
    // Throws (and leaves the index as it is) when the folder cannot be read.
    const entries = (await readdir(dir, { withFileTypes: true })).filter((d) => !isTemporaryFile(d.name))
    const names = entries
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort()
    // Folders, links, pipes and sockets are not read (a link could point anywhere); the report says so.
    const skipped: SkippedFile[] = entries
      .filter((d) => !d.isFile())
      .map((d) => ({ file: d.name, reason: `not a regular file (${entryKind(d)}); only files in the folder itself are read` }))
    const ready: Array<{ file: string; record: FileRecord & { id: string }; article: Article; isNew: boolean }> = []
    const seen = new Set<string>()
    const hashes = new Map<string, string>()
    // Ids in use, joined by those given to new files in this reload, so two files never share one.
    const assigned = this.idsInUse()
    // Stat every file first, many at a time: one by one, 20,000 awaits cost seconds.
    const stats = await statAll(dir, names)
    for (const [i, file] of names.entries()) {
      seen.add(file)
      const format = articleFormat(file)
      if (!format.ok) {
        skipped.push({ file, reason: format.reason })
        continue
      }
      try {
        const st = stats[i]!
        if (st instanceof Error) throw st
        const old = this.files.get(file)
        if (old && old.size === st.size && old.mtimeMs === st.mtimeMs && this.index.getArticle(old.id)) {
          hashes.set(this.index.getArticle(old.id)!.contentHash, file)
          continue // unchanged: nothing to do
        }
        if (st.size > MAX_ARTICLE_BYTES) {
          skipped.push({ file, reason: `too large (${st.size} bytes; the limit is ${MAX_ARTICLE_BYTES})` })
          continue
        }
        const bytes = await readFile(join(dir, file))
        const bytesHash = sha256(bytes)
        if (old && old.bytesHash === bytesHash && this.index.getArticle(old.id)) {
          this.files.set(file, { ...old, size: st.size, mtimeMs: st.mtimeMs })
          continue // touched but unchanged
        }
        const id = this.idFor(file, assigned)
        let article = this.articlesByHash.get(bytesHash)
        if (article) article = { ...article, id, file }
        else {
          const result = readArticle({ id, file, bytes, modifiedMs: st.mtimeMs })
          if (!result.ok) {
            skipped.push({ file, reason: result.reason })
            continue
          }
          article = result.article
        }
        const record = {
          size: st.size,
          mtimeMs: st.mtimeMs,
          bytesHash,
          addedAt: old?.addedAt ?? this.options.addedAt?.(file) ?? this.now(),
          id,
        }
        ready.push({ file, record, article, isNew: !old || !this.index.getArticle(old.id) })
      } catch (err) {
        skipped.push({ file, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` })
      }
    }
    const gone = [...this.files].filter(([file]) => !seen.has(file) || skipped.some((s) => s.file === file))
    // Learn the templates again with the changes, and find the unchanged articles they now serve differently.
    const restripped =
      ready.length > 0 || gone.length > 0
        ? this.relearn(
            ready,
            gone.map(([file]) => file),
          )
        : []
    // Apply every change in one synchronous step: searches see the old index or the new one.
    const added: ArticleMeta[] = []
    const changed: ArticleMeta[] = []
    const removed: ArticleMeta[] = []
    for (const [file, rec] of gone) {
      const meta = this.index.getMeta(rec.id)
      if (meta) removed.push(meta)
      this.index.remove(rec.id)
      this.files.delete(file)
    }
    for (const { article, addedAt } of restripped) this.index.add(article, metaOf(article, addedAt))
    for (const { file, record, article, isNew } of ready) {
      const served = this.serve(article)
      const meta = metaOf(served, record.addedAt)
      this.index.add(served, meta)
      this.files.set(file, record)
      this.articlesByHash.set(record.bytesHash, article)
      ;(isNew ? added : changed).push(meta)
    }
    const report = { added, changed, removed, skipped, ms: Math.round(performance.now() - started) }
    if (restripped.length > 0)
      this.options.logger.info({ articles: restripped.length }, 'library: learned templates changed these articles')
    if (added.length || changed.length || removed.length || restripped.length) await this.persist()
    this.options.logger.info(
      {
        articles: this.index.size,
        added: added.length,
        changed: changed.length,
        removed: removed.length,
        skipped: skipped.length,
        ms: report.ms,
      },
      'library: corpus loaded',
    )
    for (const s of skipped) this.options.logger.warn({ file: s.file, reason: s.reason }, 'library: file skipped')
    return report
  }

  addArticle(bytes: Uint8Array): Promise<AddResult> {
    return this.serialise(async () => {
      if (bytes.byteLength > MAX_ARTICLE_BYTES) {
        return { ok: false, reason: `too large: ${bytes.byteLength} bytes (limit ${MAX_ARTICLE_BYTES})` }
      }
      const bytesHash = sha256(bytes)
      // A generated name: nothing the user sent becomes part of a path.
      const stamp = new Date(this.now()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
      const file = `upload-${stamp}-${bytesHash.slice(0, 10)}.${looksLikeHtml(bytes) ? 'html' : 'txt'}`
      const id = this.idFor(file)
      const result = readArticle({ id, file, bytes })
      if (!result.ok) return { ok: false, reason: result.reason }
      // Compared as read: the index holds articles with templates removed.
      for (const rec of this.files.values()) {
        if (this.articlesByHash.get(rec.bytesHash)?.contentHash === result.article.contentHash) {
          return { ok: false, reason: 'duplicate of an existing article', existing: this.index.getMeta(rec.id) }
        }
      }
      const path = join(this.options.seedsDir, file)
      await writeAtomically(path, bytes)
      const st = await stat(path)
      const record = { size: st.size, mtimeMs: st.mtimeMs, bytesHash, addedAt: this.now(), id }
      const restripped = this.relearn([{ file, article: result.article }], [])
      for (const { article, addedAt } of restripped) this.index.add(article, metaOf(article, addedAt))
      const served = this.serve(result.article)
      const meta = metaOf(served, record.addedAt)
      this.index.add(served, meta)
      this.files.set(file, record)
      this.articlesByHash.set(bytesHash, result.article)
      await this.persist()
      const first = served.passages[0]
      const excerpt = first ? served.text.slice(first.start, Math.min(first.end, first.start + 200)) : ''
      return { ok: true, article: meta, excerpt }
    })
  }

  removeArticle(id: string): Promise<ArticleMeta | undefined> {
    return this.serialise(async () => {
      const meta = this.index.getMeta(id)
      if (!meta) return undefined
      // The file name comes from our own records, never from the user.
      await unlink(join(this.options.seedsDir, basename(meta.file))).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err
      })
      const restripped = this.relearn([], [meta.file])
      this.index.remove(id)
      this.files.delete(meta.file)
      for (const { article, addedAt } of restripped) this.index.add(article, metaOf(article, addedAt))
      await this.persist()
      return meta
    })
  }

  /** An article as read, as the index serves it: with the learned templates removed. */
  private serve(article: Article): Article {
    return serveArticle(article, this.templateLookup, this.titleSuffixes)
  }

  private useTemplates(model: TemplateModel): void {
    this.templates = model
    this.templateLookup = templateIndex(model)
    this.titleSuffixes = new Set(model.titleSuffixes)
  }

  /**
   * Updates the template statistics with changed and removed files and
   * adopts the new model. Returns the unchanged articles that the new model
   * serves differently (to re-index), so only those are touched. The learner
   * is built from every article at the first change after a start.
   */
  private relearn(
    changes: ReadonlyArray<{ file: string; article: Article }>,
    removed: readonly string[],
  ): Array<{ article: Article; addedAt: number }> {
    const started = performance.now()
    this.learner ??= this.loadLearner() ?? this.buildLearner()
    for (const file of removed) this.learner.delete(file)
    for (const { file, article } of changes) this.learner.set(file, templateDoc(article))
    const model = this.learner.model()
    const affected = changedGroups(this.templates, model)
    this.useTemplates(model)
    const out: Array<{ article: Article; addedAt: number }> = []
    if (affected.size === 0) return out
    const skip = new Set([...removed, ...changes.map((c) => c.file)])
    for (const [file, rec] of this.files) {
      if (skip.has(file)) continue
      const current = this.index.getArticle(rec.id)
      const parsed = this.articlesByHash.get(rec.bytesHash)
      if (!current || !parsed || (!affected.has('*') && !affected.has(groupKey(templateGroup(parsed))))) continue
      const served = this.serve(parsed.id === rec.id && parsed.file === file ? parsed : { ...parsed, id: rec.id, file })
      if (served.contentHash !== current.contentHash || served.title !== current.title) out.push({ article: served, addedAt: rec.addedAt })
    }
    this.options.logger.debug({ ms: Math.round(performance.now() - started), affected: affected.size }, 'library: templates relearned')
    return out
  }

  /** Template statistics of every indexed article, from the articles (about 1.5 s for 20,000). */
  private buildLearner(): TemplateLearner {
    const learner = new TemplateLearner()
    for (const [file, rec] of this.files) {
      const article = this.articlesByHash.get(rec.bytesHash)
      if (article && this.index.getArticle(rec.id)) learner.set(file, templateDoc(article))
    }
    return learner
  }

  /** The statistics saved with this generation of the cache, if they are of exactly the indexed files. */
  private loadLearner(): TemplateLearner | undefined {
    if (!this.generation) return undefined
    try {
      const bytes = readFileSync(this.learnerPath)
      const n = bytes.readUInt32BE(0)
      if (bytes.subarray(4, 4 + n).toString('utf8') !== this.generation) return undefined
      const learner = TemplateLearner.deserialize(bytes.subarray(4 + n))
      let indexed = 0
      for (const [file, rec] of this.files) {
        if (!this.index.getArticle(rec.id)) continue
        if (!learner.has(file)) return undefined
        indexed++
      }
      if (learner.size !== indexed) return undefined
      this.options.logger.debug({ articles: indexed }, 'library: template statistics loaded from DATA_DIR')
      return learner
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.logger.warn({ err, path: this.learnerPath }, 'library: template statistics unusable, recounting')
      return undefined
    }
  }

  /**
   * Reads what DATA_DIR remembers: parsed articles by bytes hash, file
   * records, and the index snapshot made with them. The snapshot is used only
   * when it is of the same generation as the records and holds exactly their
   * articles; reload() then re-reads only files whose size or mtime changed.
   */
  private loadCache(): void {
    let raw: string
    try {
      raw = readFileSync(this.cachePath, 'utf8')
    } catch {
      return
    }
    let cache: CacheFile
    try {
      cache = JSON.parse(raw) as CacheFile
      // Records are hints (for addedAt and the fast unchanged check) until reload() checks the files.
      // They are kept when the code changed, so articles keep their first-added time (the digest's "new");
      // only the size is forgotten, so that every file is read again.
      const sameCode = cache.version === CACHE_VERSION && cache.analysis === ANALYSIS
      const recorded = Object.entries(cache.files ?? {})
      const taken = new Set(recorded.flatMap(([, rec]) => (rec.id ? [rec.id] : [])))
      for (const [file, rec] of recorded) {
        this.files.set(file, { ...rec, ...(sameCode ? {} : { size: -1 }), id: rec.id ?? this.idFor(file, taken) })
      }
      if (!sameCode) return // parsed by other code: every file is read again
      for (const [hash, article] of Object.entries(cache.articles)) this.articlesByHash.set(hash, article)
      if (cache.templates) this.useTemplates(cache.templates)
    } catch (err) {
      // The cache is derived data: a damaged one is rebuilt, not fatal.
      this.options.logger.warn({ err, path: this.cachePath }, 'library: cache unreadable, rebuilding it')
      this.articlesByHash.clear()
      this.files.clear()
      return
    }
    if (cache.generation) {
      this.restoreSnapshot(cache.generation)
      this.generation = cache.generation
    }
  }

  private restoreSnapshot(generation: string): void {
    let bytes: Buffer
    try {
      bytes = readFileSync(this.snapshotPath)
    } catch {
      return // none yet
    }
    try {
      const n = bytes.readUInt32BE(0)
      if (bytes.subarray(4, 4 + n).toString('utf8') !== generation) return // an older or newer snapshot
      const docs: Array<{ article: Article; meta: ArticleMeta }> = []
      for (const [file, rec] of this.files) {
        const cached = this.articlesByHash.get(rec.bytesHash)
        if (!cached) throw new Error(`no parsed article for ${file}`)
        const article = this.serve(cached.id === rec.id && cached.file === file ? cached : { ...cached, id: rec.id, file })
        docs.push({ article, meta: metaOf(article, rec.addedAt) })
      }
      const started = performance.now()
      this.index = SearchIndex.restore(bytes.subarray(4 + n), docs)
      this.options.logger.info(
        { articles: this.index.size, ms: Math.round(performance.now() - started) },
        'library: index restored from snapshot',
      )
    } catch (err) {
      this.index = new SearchIndex()
      this.useTemplates(EMPTY_TEMPLATES)
      this.options.logger.warn({ err, path: this.snapshotPath }, 'library: index snapshot unusable, rebuilding the index')
    }
  }

  /**
   * Saves what a restart needs. The change is already in service, so a failure
   * (a full or read-only DATA_DIR) is logged, not thrown: the next start
   * re-reads the changed files instead.
   */
  private async persist(): Promise<void> {
    try {
      await this.saveCache()
    } catch (err) {
      this.options.logger.error(
        { err, dataDir: this.options.dataDir },
        'library: could not save the index to DATA_DIR; it will be rebuilt at the next start',
      )
    }
  }

  private async saveCache(): Promise<void> {
    const files: Record<string, FileRecord> = {}
    const articles: Record<string, Article> = {}
    for (const [file, rec] of this.files) {
      const id = rec.id
      files[file] = rec
      const a = this.articlesByHash.get(rec.bytesHash)
      if (a && this.index.getArticle(id)) articles[rec.bytesHash] = a
    }
    mkdirSync(this.options.dataDir, { recursive: true })
    // The snapshot first, then the records naming it: a crash between the two leaves
    // records of the previous generation, which ignore the new snapshot.
    // Packs posting lists grown by this change into typed arrays (also what the snapshot writes).
    this.index.compact()
    const generation = randomUUID()
    const tag = Buffer.from(generation, 'utf8')
    const head = Buffer.alloc(4)
    head.writeUInt32BE(tag.length)
    await writeAtomically(this.snapshotPath, [head, tag, this.index.termSnapshot()])
    if (this.learner) await writeAtomically(this.learnerPath, [head, tag, this.learner.serialize()])
    const cache: CacheFile = { version: CACHE_VERSION, analysis: ANALYSIS, generation, files, articles, templates: this.templates }
    await writeAtomically(this.cachePath, JSON.stringify(cache))
    this.generation = generation
  }
}

/** Groups whose learned templates differ between two models; `*` when every group's may (corpus-wide ones, title suffixes). */
function changedGroups(before: TemplateModel, after: TemplateModel): Set<string> {
  const out = new Set<string>()
  for (const table of ['units', 'shapes', 'leads'] as const) {
    for (const g of new Set([...Object.keys(before[table]), ...Object.keys(after[table])])) {
      if ((before[table][g] ?? []).join() !== (after[table][g] ?? []).join()) out.add(g)
    }
  }
  if (before.titleSuffixes.join('\n') !== after.titleSuffixes.join('\n')) out.add('*')
  return out
}

/** `stat` of each file (or the error), with up to 64 calls in flight. */
async function statAll(dir: string, names: string[]): Promise<Array<Stats | Error>> {
  const out = new Array<Stats | Error>(names.length)
  let next = 0
  const worker = async () => {
    while (next < names.length) {
      const i = next++
      out[i] = await stat(join(dir, names[i]!)).catch((err: Error) => err)
    }
  }
  await Promise.all(Array.from({ length: Math.min(64, names.length) }, worker))
  return out
}

function metaOf(article: Article, addedAt: number): ArticleMeta {
  const meta: ArticleMeta = { id: article.id, file: article.file, title: article.title, script: article.script, addedAt }
  if (article.date) meta.date = article.date
  if (article.source) meta.source = article.source
  return meta
}

/** What a folder entry that is not a regular file is, for the reload report. */
function entryKind(d: Dirent): string {
  if (d.isDirectory()) return 'a folder'
  if (d.isSymbolicLink()) return 'a symbolic link'
  if (d.isFIFO()) return 'a named pipe'
  if (d.isSocket()) return 'a socket'
  return 'a device'
}
