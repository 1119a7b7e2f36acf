/**
 * Scale benchmark: builds the synthetic 20,000-article corpus if absent, then
 * prints cold build time, ready-after-restart time, peak RSS and query latency
 * percentiles, then the digest figures.
 *
 *   npm run bench [-- --articles N]
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { openLibrary } from '../src/index/library.js'
import { toTraditional } from '../src/index/script.js'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '20000' } } })
const articles = Number(values.articles)
const corpusDir = join('.bench', articles === 20000 ? 'corpus' : `corpus-${articles}`)
const print = (line: string) => process.stdout.write(`${line}\n`)

if (!existsSync(corpusDir) || readdirSync(corpusDir).length < articles) {
  print(`building corpus: node ../shared/tools/make-corpus.mjs ${corpusDir} ${articles}`)
  execFileSync('node', ['../shared/tools/make-corpus.mjs', corpusDir, String(articles)], { stdio: 'inherit' })
}

const logger = pino({ level: 'warn' }, pino.destination(2))
const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'))
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`

let t = performance.now()
const cold = await openLibrary({ seedsDir: corpusDir, dataDir, logger })
const coldMs = performance.now() - t
print(`articles: ${cold.listArticles().length}`)
print(`cold build: ${(coldMs / 1000).toFixed(1)} s (target <= 60 s)`)
await cold.close()

t = performance.now()
const lib = await openLibrary({ seedsDir: corpusDir, dataDir, logger })
print(`ready after restart (unchanged corpus): ${((performance.now() - t) / 1000).toFixed(1)} s (target <= 5 s)`)

// Admin /reload with one changed file (issue: about a second for 20,000 articles).
{
  const changedFile = join(corpusDir, readdirSync(corpusDir).sort()[0]!)
  const original = readFileSync(changedFile)
  try {
    appendFileSync(changedFile, '会议强调，要加快建设基准测试示范园区。\n')
    t = performance.now()
    const report = await lib.reload()
    const total = performance.now() - t
    print(
      `reload with one changed file: changed ${report.changed.length}, new index in service after ${(report.ms / 1000).toFixed(2)} s, ` +
        `saved to DATA_DIR after ${(total / 1000).toFixed(2)} s (target about 1 s)`,
    )
  } finally {
    writeFileSync(changedFile, original)
    await lib.reload()
  }
}

// A fixed, mixed query set: names and terms cut from the corpus, questions, Traditional forms, codes.
const files = readdirSync(corpusDir).sort().slice(0, 200)
const queries: string[] = []
let seed = 7
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
for (const f of files) {
  const body = readFileSync(join(corpusDir, f), 'utf8').split('\n').slice(2).join('')
  const at = Math.floor(rand() * Math.max(1, body.length - 12))
  const piece = body.slice(at, at + 2 + Math.floor(rand() * 8)).replace(/[，。、；：！？,.\s]/g, '')
  if (!piece) continue
  const kind = queries.length % 4
  queries.push(kind === 0 ? piece : kind === 1 ? `${piece}是什么？` : kind === 2 ? toTraditional(piece) : `${piece} 2020`)
}
for (let i = 0; i < 3; i++) for (const q of queries.slice(0, 20)) await lib.search(q) // warm-up
const times: number[] = []
for (const q of queries) {
  const s = performance.now()
  await lib.search(q, { limit: 5 })
  times.push(performance.now() - s)
}
times.sort((a, b) => a - b)
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2)
print(`query latency over ${times.length} queries: p50 ${pct(50)} ms, p95 ${pct(95)} ms (target <= 20 ms), p99 ${pct(99)} ms`)
print(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)} (target <= 1.5 GB)`)
await lib.close()
rmSync(dataDir, { recursive: true, force: true })

const digestBench = join(import.meta.dirname, 'digest-bench.ts')
if (existsSync(digestBench)) {
  const { runDigestBench } = (await import(digestBench)) as { runDigestBench: (o: { corpusDir: string; print: (l: string) => void }) => Promise<void> }
  await runDigestBench({ corpusDir, print })
}
