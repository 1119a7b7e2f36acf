/**
 * Digest benchmark: builds the first digest of the whole corpus (every article
 * is new) and simulates one scheduled delivery to 10,000 subscribed chats
 * against an in-process fake Bot API that injects 429s, 403s and supergroup
 * migrations. Rates are measured on a virtual clock, so they are exact.
 *
 *   npx tsx bench/digest-bench.ts .bench/corpus
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseConfig } from '../src/config.js'
import { buildDigest, corpusBackground, DIGEST_DEFAULTS, selectArticles } from '../src/digest/build.js'
import { MemoryDeliveryLog } from '../src/digest/delivery-log.js'
import type { RunSummary } from '../src/digest/delivery.js'
import { createDigest } from '../src/digest/create-digest.js'
import { getLexicon } from '../src/text/lexicon.js'
import { renderFullDigest, renderGroupDigest } from '../src/digest/render.js'
import type { Subscription } from '../src/digest/subscriptions.js'
import { VirtualClock } from '../src/digest/throttle.js'
import { readArticle } from '../src/corpus/read-article.js'
import type { Article } from '../src/corpus/article.js'
import type { ArticleMeta } from '../src/search/types.js'
import type { Locale } from '../src/telegram/locale.js'
import { silentLogger } from '../src/logger.js'
import { MemoryStore } from '../src/store/store.js'
import { FakeBotApi, type Fault } from '../test/digest/fake-bot-api.js'

export interface DigestBenchOptions {
  corpusDir: string
  print: (line: string) => void
  /** Chats in the delivery simulation (default 10,000). */
  chats?: number
}

export async function runDigestBench(opts: DigestBenchOptions): Promise<void> {
  const { print } = opts
  const chatCount = opts.chats ?? 10_000
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

  // 2. Delivery to 10,000 chats with faults, on a virtual clock.
  const clock = new VirtualClock(Date.UTC(2024, 5, 2, 0, 0))
  let seed = 42
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const chats: number[] = []
  const faults = new Map<number, Fault>()
  const migrations = new Map<number, number>()
  for (let i = 0; i < chatCount; i++) {
    const group = i % 10 < 7 // 70% groups
    const chatId = group ? -(100_000 + i) : 1_000_000 + i
    chats.push(chatId)
    const r = rand()
    if (r < 0.03) faults.set(chatId, { kind: '403' })
    else if (r < 0.04 && group) {
      const to = -(1_000_000_000_000 + i)
      migrations.set(chatId, to)
      faults.set(chatId, { kind: 'migrate', to })
    } else if (r < 0.1) faults.set(chatId, { kind: '429', retryAfter: 1 + Math.floor(rand() * 10) })
  }
  const api = new FakeBotApi(clock, (chatId, attempt) => {
    const f = faults.get(chatId)
    if (!f) return undefined
    return f.kind === '429' && attempt > 1 ? undefined : f
  })
  const locales: Locale[] = ['zh-Hans', 'zh-Hant', 'en']
  const dataDir = mkdtempSync(join(tmpdir(), 'digest-bench-'))
  const lib = { listArticles: () => metas, getArticle: (id: string) => articles.get(id) }
  const module = await createDigest({
    config: parseConfig({ DATA_DIR: dataDir }),
    library: lib,
    logger: silentLogger,
    clock,
    send: api.send,
    subscriptionStore: new MemoryStore<Subscription>(),
    deliveryLog: new MemoryDeliveryLog(),
    stateStore: new MemoryStore<RunSummary>(),
    localeOf: async (chatId) => locales[Math.abs(chatId) % 3],
    concurrency: 32,
  })
  for (const chatId of chats) await module.service.subscribe(chatId, {})

  t = performance.now()
  const start = clock.now()
  const summary = await module.runOnce()
  const virtualMs = clock.now() - start
  const wallMs = performance.now() - t
  const again = await module.runOnce() // a restart or overlapping run the same day
  rmSync(dataDir, { recursive: true, force: true })

  // Count digests (first parts carry the header) and messages per chat.
  const headers = new Map<number, number>()
  const seen = new Map<string, number>()
  for (const d of api.delivered) {
    if (/^📰 <b>/.test(d.text)) headers.set(d.chatId, (headers.get(d.chatId) ?? 0) + 1)
    const k = `${d.chatId}\u0000${d.text}`
    seen.set(k, (seen.get(k) ?? 0) + 1)
  }
  const duplicates = [...headers.values()].filter((n) => n > 1).length + [...seen.values()].filter((n) => n > 1).length
  let missed = 0
  for (const chatId of chats) {
    const f = faults.get(chatId)
    if (f?.kind === '403') continue
    const target = migrations.get(chatId) ?? chatId
    if ((headers.get(target) ?? 0) !== 1) missed++
  }
  const expectedBlocked = [...faults.values()].filter((f) => f.kind === '403').length
  print(
    `digest delivery: ${chats.length} chats, sent ${summary.sent}, deactivated ${summary.deactivated} (403s injected ${expectedBlocked}), ` +
      `migrated ${summary.migrated}, failed ${summary.failed}, 429s injected ${[...faults.values()].filter((f) => f.kind === '429').length}, messages ${api.delivered.length}`,
  )
  print(
    `digest exactly-once: duplicates ${duplicates} (must be 0), missed active chats ${missed} (must be 0); same-day rerun sent ${again.sent}, skipped ${again.skipped}`,
  )
  print(
    `digest rate: max ${api.maxInWindow(1000)} messages in any 1 s (limit 30), max ${api.maxPerGroupPerMinute()} per group per minute (limit 20); ` +
      `virtual duration ${(virtualMs / 1000).toFixed(0)} s, simulated in ${(wallMs / 1000).toFixed(1)} s`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const corpusDir = process.argv[2] ?? '.bench/corpus'
  await runDigestBench({ corpusDir, print: (line) => process.stdout.write(`${line}\n`) })
}
