/**
 * One phase of the scale benchmark, in its own process (as a real start or
 * restart is): opens the library on CORPUS with DATA_DIR and prints one JSON
 * line of figures. Run by bench/bench.ts.
 *
 *   node --import tsx bench/library-phase.ts cold|restart CORPUS DATA_DIR
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import { openLibrary } from '../src/library/library.js'
import { toTraditional } from '../src/text/script.js'

const [phase, corpusDir, dataDir] = process.argv.slice(2) as [string, string, string]
const logger = pino({ level: 'warn' }, pino.destination(2))
const figures: Record<string, number> = {}

let t = performance.now()
const lib = await openLibrary({ seedsDir: corpusDir, dataDir, logger })
figures.openMs = performance.now() - t
figures.articles = lib.listArticles().length
figures.sinceProcessStartMs = performance.now()
if (phase === 'restart') {
  // Ready means answering: the first question also loads the segmenter's dictionary.
  await lib.search('中国铜业的会议在哪里召开？')
  figures.firstAnswerSinceProcessStartMs = performance.now()
}

if (phase === 'restart') {
  // Admin /reload with one changed file.
  const changedFile = join(corpusDir, readdirSync(corpusDir).sort()[0]!)
  const original = readFileSync(changedFile)
  try {
    appendFileSync(changedFile, '会议强调，要加快建设基准测试示范园区。\n')
    t = performance.now()
    const report = await lib.reload()
    figures.reloadOneChangedInServiceMs = report.ms
    figures.reloadOneChangedSavedMs = performance.now() - t
    figures.reloadOneChangedCount = report.changed.length
  } finally {
    writeFileSync(changedFile, original)
    await lib.reload()
  }

  // A fixed, mixed query set: pieces cut from the corpus, as questions, in Traditional, with a number.
  const files = readdirSync(corpusDir).sort().slice(0, 200)
  const queries: string[] = []
  let seed = 7
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  for (const f of files) {
    const body = readFileSync(join(corpusDir, f), 'utf8').split('\n').slice(2).join('')
    const at = Math.floor(rand() * Math.max(1, body.length - 12))
    const piece = body.slice(at, at + 2 + Math.floor(rand() * 8)).replace(/[，。、；：！？,.\s]/g, '')
    if (!piece) continue
    const kind = queries.length % 4
    queries.push(kind === 0 ? piece : kind === 1 ? `${piece}是什么？` : kind === 2 ? toTraditional(piece) : `${piece} 2020`)
  }
  for (const q of queries) await lib.search(q) // warm-up: JIT and the per-article caches
  const times: number[] = []
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const s = performance.now()
      await lib.search(q, { limit: 5 })
      times.push(performance.now() - s)
    }
  }
  times.sort((a, b) => a - b)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!
  figures.queries = times.length
  figures.p50 = pct(50)
  figures.p95 = pct(95)
  figures.p99 = pct(99)
}
await lib.close()
figures.peakRssBytes = process.resourceUsage().maxRSS * 1024
process.stdout.write(`${JSON.stringify(figures)}\n`)
