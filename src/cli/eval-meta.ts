/**
 * How well titles, dates and sources are read, against a manifest of gold ones.
 *
 *   npm run eval:meta -- DIR [--manifest FILE] [--misses N]
 *   npm run eval:meta -- DIR --json            one line per article as the bot read it
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import { openLibrary } from '../library/library.js'
import type { ArticleMeta } from '../search/types.js'
import { commandLine } from './command-line.js'
import { derivedDataDir } from './derived-data.js'

const USAGE = `usage: npm run eval:meta -- DIR [options]
  --manifest FILE  gold titles, dates and sources, one JSON object a line: {"file","title","date","source"}
                   (default DIR/manifest.jsonl)
  --json           without a manifest: print one JSON line per article as read: {"file","title","date","source"}
  --misses N       list at most N misses of each field (default 20)
  --help           this message
What is derived from DIR is kept in .cache/corpora/ (SEARCH_DATA_DIR overrides).`

/** Title, date and source of one article: as read, or as the manifest gives them. */
export interface MetaRecord {
  /** File name relative to the corpus folder. */
  file: string
  title: string
  /** `YYYY-MM-DD`, or null when there is none. */
  date: string | null
  source: string | null
}

/** One field read wrong (or not at all). */
export interface MetaMiss {
  file: string
  field: 'title' | 'date' | 'source'
  gold: string | null
  read: string | null
}

/** The share of each field that is right, over the articles of the manifest. */
export interface MetaScore {
  articles: number
  /** Manifest files the reader did not give an article for (skipped or absent); every field counts as missed. */
  unread: string[]
  title: number
  date: number
  source: number
  misses: MetaMiss[]
}

/** The JSON line of an article as read: `date` null when none was read. */
export function metaRecord(meta: Pick<ArticleMeta, 'file' | 'title' | 'date' | 'source'>): MetaRecord {
  return { file: meta.file, title: meta.title, date: meta.date ?? null, source: meta.source ?? null }
}

/** Runs of whitespace (the bot collapses them, ideographic spaces included) do not make a value wrong. */
const sameText = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && a.replace(/[\s\u3000]+/g, ' ').trim() === b.replace(/[\s\u3000]+/g, ' ').trim())

/**
 * Compares what was read with the gold records, file by file.
 * @example scoreMetadata([{ file: 'a.txt', title: '标题', date: '2024-01-05', source: null }], gold).date // 1
 */
export function scoreMetadata(read: readonly MetaRecord[], gold: readonly MetaRecord[]): MetaScore {
  const byFile = new Map(read.map((r) => [r.file, r]))
  const right = { title: 0, date: 0, source: 0 }
  const misses: MetaMiss[] = []
  const unread: string[] = []
  for (const g of gold) {
    const r = byFile.get(g.file)
    if (!r) unread.push(g.file)
    for (const field of ['title', 'date', 'source'] as const) {
      const value = r ? r[field] : null
      if (r && sameText(value, g[field])) right[field]++
      else misses.push({ file: g.file, field, gold: g[field], read: value })
    }
  }
  const n = gold.length || 1
  return {
    articles: gold.length,
    unread,
    title: right.title / n,
    date: right.date / n,
    source: right.source / n,
    misses,
  }
}

/** Reads a manifest: one JSON object a line, with at least `file` and `title`. */
export function parseManifest(text: string, name = 'manifest'): MetaRecord[] {
  const out: MetaRecord[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    let o: Record<string, unknown>
    try {
      o = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new Error(`eval-meta: ${name} line ${i + 1} is not JSON`)
    }
    if (typeof o.file !== 'string' || typeof o.title !== 'string') throw new Error(`eval-meta: ${name} line ${i + 1} has no file or title`)
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null)
    out.push({ file: o.file, title: o.title, date: str(o.date), source: str(o.source) })
  })
  return out
}

/** The report `npm run eval:meta` prints. */
export function renderScore(score: MetaScore, maxMisses: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`
  const lines = [
    `articles: ${score.articles}  unread: ${score.unread.length}`,
    `title: ${pct(score.title)}  date: ${pct(score.date)}  source: ${pct(score.source)}`,
  ]
  for (const field of ['title', 'date', 'source'] as const) {
    const misses = score.misses.filter((m) => m.field === field)
    if (misses.length === 0) continue
    lines.push('', `${field} misses (${misses.length}${misses.length > maxMisses ? `, first ${maxMisses}` : ''}):`)
    for (const m of misses.slice(0, maxMisses)) lines.push(`  ${m.file}  gold ${JSON.stringify(m.gold)}  read ${JSON.stringify(m.read)}`)
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const cli = commandLine('eval-meta', USAGE, {
    allowPositionals: true,
    options: {
      manifest: { type: 'string' },
      json: { type: 'boolean', default: false },
      misses: { type: 'string', default: '20' },
      help: { type: 'boolean', default: false },
    },
  })
  if (!cli) return
  const { values, positionals, fail } = cli
  const dir = positionals[0]
  if (!dir || positionals.length > 1) return fail('eval-meta: give one corpus folder')
  const maxMisses = Number(values.misses)
  if (!Number.isInteger(maxMisses) || maxMisses < 0) fail(`eval-meta: --misses must be a whole number, not "${values.misses}"`)
  const manifestPath = values.manifest ?? join(dir, 'manifest.jsonl')
  const useManifest = values.manifest !== undefined || !values.json
  if (useManifest && !existsSync(manifestPath)) fail(`eval-meta: no manifest at ${manifestPath}`)
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  let library
  try {
    library = await openLibrary({ seedsDir: dir, dataDir: derivedDataDir(dir), logger })
  } catch (err) {
    process.stderr.write(`eval-meta: cannot read corpus ${dir}: ${(err as Error).message}\n`)
    process.exit(1)
  }
  const read = library
    .listArticles()
    .map(metaRecord)
    .sort((a, b) => a.file.localeCompare(b.file))
  if (!useManifest) {
    process.stdout.write(read.map((r) => `${JSON.stringify(r)}\n`).join(''))
    return
  }
  const gold = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath)
  process.stdout.write(`${renderScore(scoreMetadata(read, gold), maxMisses)}\n`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
