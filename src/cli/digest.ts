/**
 * The digest from the command line, for people and for measurement.
 *
 *   npm run digest -- --corpus DIR --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--locale zh-Hans|zh-Hant|en] [--form full|group]
 */
import { htmlToTerminal } from '../bot/console.js'
import type { Digest } from '../digest/build.js'
import { renderFullDigest, renderGroupDigest } from '../digest/render.js'
import { loadEnv } from '../env.js'
import type { Locale } from '../telegram/locale.js'
import { commandLine } from './command-line.js'
import { digestOfWindow, readCorpus } from './digest-corpus.js'

const USAGE = `usage: npm run digest -- [options]
  --corpus DIR      folder of articles (default: SEEDS_DIR or ./seeds); its .txt files are read, and what is
                    derived from them is kept where \`npm run search\` keeps it (.cache/corpora/)
  --from DATE       first publication day of the window, YYYY-MM-DD (inclusive)
  --to DATE         last publication day of the window, YYYY-MM-DD (inclusive); without either, every article
  --json            print one JSON object: {themes, articles, messages}
  --locale L        zh-Hans (default), zh-Hant or en: the chat the messages are written for
  --form F          full (default: the private-chat digest, in as many messages as it takes) or
                    group (the one group message, one line per story)
  --help            this message`

const LOCALES: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en']
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The JSON shape of a digest: themes with the articles they cite, every article with its summary, the messages. */
export function digestToJson(digest: Digest, messages: string[]) {
  const byId = new Map(digest.articles.map((a) => [a.id, a]))
  const ref = (id: string) => {
    const a = byId.get(id)!
    return { id: a.id, file: a.file, title: a.title, date: a.date ?? null }
  }
  return {
    themes: digest.stories.map((s) => ({
      name: s.name,
      key: s.key,
      sources: s.sources,
      articles: s.articles.map((a) => ref(a.id)),
      sentence: s.sentence?.text ?? null,
    })),
    articles: digest.articles.map((a) => ({ ...ref(a.id), summary: a.summary })),
    messages,
  }
}

async function main(): Promise<void> {
  loadEnv()
  const cli = commandLine('digest', USAGE, {
    options: {
      corpus: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'zh-Hans' },
      form: { type: 'string', default: 'full' },
      help: { type: 'boolean', default: false },
    },
  })
  if (!cli) return
  const { values, fail } = cli
  for (const key of ['from', 'to'] as const) {
    const v = values[key]
    if (v !== undefined && !DATE.test(v)) fail(`digest: --${key} must be a date as YYYY-MM-DD, not "${v}"`)
  }
  if (values.from !== undefined && values.to !== undefined && values.from > values.to)
    fail(`digest: --from ${values.from} is after --to ${values.to}`)
  const locale = values.locale as Locale
  if (!LOCALES.includes(locale)) fail(`digest: --locale must be one of ${LOCALES.join(', ')}, not "${values.locale}"`)
  if (values.form !== 'full' && values.form !== 'group') fail(`digest: --form must be full or group, not "${values.form}"`)

  const corpusDir = values.corpus ?? process.env.SEEDS_DIR ?? './seeds'
  let corpus
  try {
    corpus = await readCorpus(corpusDir)
  } catch (err) {
    process.stderr.write(`digest: cannot read corpus ${corpusDir}: ${(err as Error).message}\n`)
    process.exit(1)
  }
  const { digest } = digestOfWindow(corpus, { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) })
  const day = values.to ?? digest.articles.find((a) => a.date)?.date ?? new Date().toISOString().slice(0, 10)
  const options = { locale, date: day }
  const messages = values.form === 'group' ? [renderGroupDigest(digest, options).text] : renderFullDigest(digest, options)
  if (values.json) {
    process.stdout.write(`${JSON.stringify(digestToJson(digest, messages), null, 2)}\n`)
    return
  }
  if (digest.total === 0) {
    process.stdout.write('这段时间没有文章 (no articles in that window).\n')
    return
  }
  const ansi = process.stdout.isTTY === true
  process.stdout.write(`${messages.map((m) => htmlToTerminal(m, ansi)).join('\n\n────────\n\n')}\n`)
}

await main()
