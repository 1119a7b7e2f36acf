/**
 * Scale benchmark: builds the synthetic 20,000-article corpus if absent, then
 * prints cold build time, ready-after-restart time, reload time with one
 * changed file, query latency percentiles and peak RSS (the cold build and
 * the restart each in a fresh process, see library-phase.ts), replies/s and
 * peak RSS for bursts of searches (burst-bench.ts), the digest figures, then
 * two webhook replicas on PostgreSQL (replicas-bench.ts: the digest to
 * 10,000 chats exactly once and its send rate, searches/s through the webhook).
 *
 *   npm run bench [-- --articles N] [-- --chats N]
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '20000' }, chats: { type: 'string', default: '10000' } } })
const articles = Number(values.articles)
const corpusDir = join('.bench', articles === 20000 ? 'corpus' : `corpus-${articles}`)
const print = (line: string) => process.stdout.write(`${line}\n`)

if (!existsSync(corpusDir) || readdirSync(corpusDir).length < articles) {
  print(`building corpus: node ../shared/tools/make-corpus.mjs ${corpusDir} ${articles}`)
  execFileSync('node', ['../shared/tools/make-corpus.mjs', corpusDir, String(articles)], { stdio: 'inherit' })
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'))
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Runs one phase in a fresh process (a real start), returning its figures. */
function phase(name: 'cold' | 'restart'): Record<string, number> {
  const script = join(import.meta.dirname, 'library-phase.ts')
  const started = performance.now()
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, name, corpusDir, dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  })
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>), processMs: performance.now() - started }
}

const cold = phase('cold')
print(`articles: ${cold.articles}`)
print(`cold build: ${s1(cold.openMs!)} (target <= 60 s); peak RSS ${mb(cold.peakRssBytes!)}`)
const warm = phase('restart')
print(
  `ready after restart (unchanged corpus): ${s1(warm.openMs!)} (target <= 5 s); ` +
    `${s1(warm.sinceProcessStartMs!)} from process start, including loading the code; first question answered ${s1(warm.firstAnswerSinceProcessStartMs!)} from process start`,
)
print(
  `reload with one changed file: changed ${warm.reloadOneChangedCount}, new index in service after ` +
    `${(warm.reloadOneChangedInServiceMs! / 1000).toFixed(2)} s, saved to DATA_DIR after ${(warm.reloadOneChangedSavedMs! / 1000).toFixed(2)} s (target about 1 s)`,
)
print(
  `query latency over ${warm.queries} queries (200 mixed queries x 3, after a warm-up pass): ` +
    `p50 ${warm.p50!.toFixed(2)} ms, p95 ${warm.p95!.toFixed(2)} ms (target <= 20 ms), p99 ${warm.p99!.toFixed(2)} ms`,
)
print(
  `peak RSS: ${mb(Math.max(cold.peakRssBytes!, warm.peakRssBytes!))} (target <= 1.5 GB; cold build ${mb(cold.peakRssBytes!)}, restart + queries ${mb(warm.peakRssBytes!)})`,
)
rmSync(dataDir, { recursive: true, force: true })

// Bursts of searches through the whole bot, in a fresh process (its peak RSS is its own).
print('--- search bursts ---')
process.stdout.write(
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'burst-bench.ts'), '5', '3000'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
)

const digestBench = join(import.meta.dirname, 'digest-bench.ts')
if (existsSync(digestBench)) {
  const { runDigestBench } = (await import(digestBench)) as {
    runDigestBench: (o: { corpusDir: string; print: (l: string) => void }) => Promise<void>
  }
  await runDigestBench({ corpusDir, print })
}

// Two replicas on PostgreSQL: the digest to 10,000 chats in real time (several minutes), searches/s through the webhook.
const { runReplicasBench } = await import('./replicas-bench.js')
await runReplicasBench({ chats: Number(values.chats), print })
