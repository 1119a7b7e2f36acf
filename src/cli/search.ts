/**
 * Search from the command line, for people and for measurement.
 *
 *   npm run search -- [--json] [--limit N] [--corpus DIR] [--batch] [query]
 */
import { createInterface } from 'node:readline'
import pino from 'pino'
import { loadEnv } from '../env.js'
import { openLibrary } from '../library/library.js'
import { htmlToTerminal } from '../bot/console.js'
import { renderNothingFound } from '../bot/render/search-results.js'
import type { SearchHit } from '../search/types.js'
import { commandLine } from './command-line.js'
import { derivedDataDir } from './derived-data.js'

const USAGE = `usage: npm run search -- [options] [query]
  --json         print a JSON array of {id, file, title, date, source, excerpt, score}
  --limit N      number of results (default 5)
  --corpus DIR   folder of articles (default: SEEDS_DIR or ./seeds); what is derived from it is kept
                 in .cache/corpora/ (one folder per corpus; SEARCH_DATA_DIR overrides)
  --batch        read one query per line from stdin, print one JSON array per line
  --help         this message`

/** The JSON shape of one result. */
export function hitToJson(hit: SearchHit) {
  return {
    id: hit.article.id,
    file: hit.article.file,
    title: hit.article.title,
    date: hit.article.date ?? null,
    source: hit.article.source ?? null,
    excerpt: hit.excerpt.text,
    score: hit.score,
  }
}

/** Marks the matched spans of an excerpt with 【】 for a terminal. */
export function markExcerpt(hit: SearchHit, open = '【', close = '】'): string {
  const { text, highlights } = hit.excerpt
  let out = ''
  let pos = 0
  for (const h of highlights) {
    out += text.slice(pos, h.start) + open + text.slice(h.start, h.end) + close
    pos = h.end
  }
  return out + text.slice(pos)
}

async function main(): Promise<void> {
  loadEnv()
  const cli = commandLine('search', USAGE, {
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      corpus: { type: 'string' },
      batch: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (!cli) return
  const { values, positionals, fail } = cli
  const limit = values.limit === undefined ? 5 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    fail(`search: --limit must be a whole number from 1 to 100, not "${values.limit}"`)
  const query = positionals.join(' ')
  if (!values.batch && !query.trim()) fail('search: give a query, or --batch to read queries from stdin')
  const corpus = values.corpus ?? process.env.SEEDS_DIR ?? './seeds'
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  let library
  try {
    // Kept out of the bot's DATA_DIR, in one folder per corpus: a second run is a fast restart.
    library = await openLibrary({ seedsDir: corpus, dataDir: derivedDataDir(corpus), logger })
  } catch (err) {
    process.stderr.write(`search: cannot read corpus ${corpus}: ${(err as Error).message}\n`)
    process.exit(1)
  }
  if (values.batch) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
    for await (const line of rl) {
      const { hits } = await library.search(line, { limit })
      process.stdout.write(`${JSON.stringify(hits.map(hitToJson))}\n`)
    }
    return
  }
  const result = await library.search(query, { limit })
  const { hits } = result
  if (values.json) {
    process.stdout.write(`${JSON.stringify(hits.map(hitToJson), null, 2)}\n`)
    return
  }
  if (hits.length === 0) {
    // The bot's own reply (why nothing answers, with a hint), as plain text.
    process.stdout.write(`${htmlToTerminal(renderNothingFound('zh-Hans', query, result), false)}\n`)
    return
  }
  hits.forEach((hit, i) => {
    const meta = [hit.article.date, hit.article.source].filter(Boolean).join(' · ')
    process.stdout.write(`${i + 1}. ${hit.article.title}  [${hit.article.id}]\n`)
    if (meta) process.stdout.write(`   ${meta}\n`)
    process.stdout.write(`   ${markExcerpt(hit)}\n   score ${hit.score}\n\n`)
  })
}

await main()
