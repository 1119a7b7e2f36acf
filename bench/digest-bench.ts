/**
 * Digest benchmark: builds the first digest of the whole corpus (every article
 * is new). Delivery (exactly once, send rate) is checked by test/digest/delivery.test.ts
 * on a virtual clock, and measured in real time across replicas by the replicas bench.
 *
 *   npx tsx bench/digest-bench.ts .bench/corpus
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildDigest, corpusBackground, DIGEST_DEFAULTS, selectArticles } from '../src/digest/build.js'
import { getLexicon } from '../src/text/lexicon.js'
import { renderFullDigest, renderGroupDigest } from '../src/digest/render.js'
import { readArticle } from '../src/corpus/read-article.js'
import type { Article } from '../src/corpus/article.js'
import type { ArticleMeta } from '../src/search/types.js'

export interface DigestBenchOptions {
  corpusDir: string
  print: (line: string) => void
}

export async function runDigestBench(opts: DigestBenchOptions): Promise<void> {
  const { print } = opts
  print('--- digest ---')

  // Read the corpus as the index does; each file "added" one second after the previous.
  let t = performance.now()
  const files = readdirSync(opts.corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
  const articles = new Map<string, Article>()
  const metas: ArticleMeta[] = []
  const base = Date.UTC(2024, 0, 1)
  files.forEach((file, i) => {
    const id = file.replace(/\.txt$/, '').replace(/[^A-Za-z0-9]/g, '')
    const r = readArticle({ id, file, bytes: readFileSync(join(opts.corpusDir, file)) })
    if (!r.ok) return
    const a = r.article
    articles.set(id, a)
    metas.push({ id, file, title: a.title, ...(a.date ? { date: a.date } : {}), script: a.script, addedAt: base + i * 1000 })
  })
  print(`digest corpus: ${articles.size} articles read in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the build)`)

  // 1. Build time: the first digest a chat gets covers the whole corpus.
  // CPU time too: on a shared machine it says what the build costs when it has a core to itself.
  const cpu = process.cpuUsage()
  t = performance.now()
  getLexicon()
  const lexiconMs = performance.now() - t
  t = performance.now()
  const selected = selectArticles(metas, undefined)
  const window = selected.slice(0, DIGEST_DEFAULTS.themeWindow).map((m) => articles.get(m.id)!)
  const background = corpusBackground([...articles.values()])
  const backgroundMs = performance.now() - t
  const digest = buildDigest(window, { background }, selected.length)
  const parts = renderFullDigest(digest, { locale: 'zh-Hans', date: '2024-06-02' })
  const group = renderGroupDigest(digest, { locale: 'zh-Hans', date: '2024-06-02' })
  const buildMs = performance.now() - t
  const { user, system } = process.cpuUsage(cpu)
  print(
    `digest build for ${selected.length} new articles: ${((lexiconMs + buildMs) / 1000).toFixed(1)} s incl. ${(lexiconMs / 1000).toFixed(1)} s loading jieba's dictionary ` +
      `and ${(backgroundMs / 1000).toFixed(1)} s for the corpus background (target <= 10 s; CPU time ${((user + system) / 1e6).toFixed(1)} s); ` +
      `stories in the latest ${digest.window}, ${digest.stories.length} stories, ${digest.articles.length} articles listed; ` +
      `full form ${parts.length} message(s), longest ${Math.max(...parts.map((p) => p.length))} chars; group message ${group.text.length} chars (${group.listed} stories listed)`,
  )
  print(`digest stories: ${digest.stories.map((st) => `${st.name} (${st.articles.length})`).join(', ')}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const corpusDir = process.argv[2] ?? '.bench/corpus'
  await runDigestBench({ corpusDir, print: (line) => process.stdout.write(`${line}\n`) })
}
