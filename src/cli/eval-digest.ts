/**
 * Scores digests against labelled stories (news-dev's `digest-stories.json`):
 * per window, story recall, theme precision, themes named after a non-theme,
 * articles cited twice, and the length of the messages; then the seeds' digest.
 *
 *   npm run eval:digest -- [--labels FILE] [--corpus DIR] [--seeds DIR] [--backgrounds N,N,…] [-v]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { corpusBackground, type Digest } from '../digest/build.js'
import { renderFullDigest, renderGroupDigest } from '../digest/render.js'
import { scoreThemes, type LabelledWindow } from '../digest/score.js'
import { TELEGRAM_MESSAGE_LIMIT } from '../telegram/split.js'
import { digestOfWindow, readCorpus } from './digest-corpus.js'

const USAGE = `usage: npm run eval:digest -- [options]
  --labels FILE   labelled windows (default ../shared/news-dev/digest-stories.json)
  --corpus DIR    the corpus they label (default ../shared/news-dev/corpus)
  --seeds DIR     also show the digest of this folder, all of it (default ./seeds; "" for none)
  --backgrounds N,N,…
                  also score each window against corpus backgrounds of these sample sizes and
                  print the range and mean: which articles the sample holds moves the figures
  -v, --verbose   list every theme with the story it covers, and the stories missed
  --help          this message`

/** Message figures of a digest: the group message, and the full form's parts. */
function messageFigures(digest: Digest, date: string) {
  const group = renderGroupDigest(digest, { locale: 'zh-Hans', date })
  const groupHant = renderGroupDigest(digest, { locale: 'zh-Hant', date })
  const full = renderFullDigest(digest, { locale: 'zh-Hans', date })
  return {
    group: Math.max(group.text.length, groupHant.text.length),
    listed: group.listed,
    fullParts: full.length,
    fullLongest: Math.max(...full.map((m) => m.length)),
  }
}

const pct = (x: number) => x.toFixed(2)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      labels: { type: 'string', default: '../shared/news-dev/digest-stories.json' },
      corpus: { type: 'string', default: '../shared/news-dev/corpus' },
      seeds: { type: 'string', default: './seeds' },
      backgrounds: { type: 'string', default: '' },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const out = (line: string) => process.stdout.write(`${line}\n`)
  const { windows } = JSON.parse(readFileSync(values.labels, 'utf8')) as { windows: LabelledWindow[] }
  const corpus = await readCorpus(values.corpus)
  const sizes = values.backgrounds
    .split(',')
    .filter((x) => x.trim() !== '')
    .map(Number)
  if (sizes.some((x) => !Number.isInteger(x) || x <= 0))
    throw new Error(`eval-digest: --backgrounds wants sample sizes, got "${values.backgrounds}"`)
  const backgrounds = sizes.map((size) => ({ size, frequencies: corpusBackground(corpus, size) }))
  out(
    `corpus ${values.corpus}: ${corpus.length} articles (${corpus.filter((a) => a.date === undefined).length} without a date, in no window)`,
  )

  for (const w of windows) {
    const t = performance.now()
    const { digest, window } = digestOfWindow(corpus, { from: w.from, to: w.to })
    const ms = performance.now() - t
    const inWindow = new Set(window.map((a) => a.file))
    const labelled = w.stories.flatMap((s) => s.files)
    const themes = digest.stories.map((s) => ({ name: s.name, files: s.articles.map((a) => a.file) }))
    const score = scoreThemes(themes, w)
    const m = messageFigures(digest, w.to)
    out(
      `\nwindow ${w.from}..${w.to}: ${window.length} articles (${labelled.filter((f) => inWindow.has(f)).length} of ${labelled.length} labelled files in it), built in ${(ms / 1000).toFixed(1)} s`,
    )
    out(`  stories: ${w.stories.length} labelled, ${digest.stories.length} themes`)
    out(`  story recall     ${pct(score.recall)}  (${score.covered.length}/${w.stories.length}; target >= 0.8)`)
    out(`  theme precision  ${pct(score.precision)}  (${themes.length - score.unmatched.length}/${themes.length}; target >= 0.8)`)
    out(
      `  non-theme names  ${score.nonThemeNames.length}${score.nonThemeNames.length ? `: ${score.nonThemeNames.join('、')}` : ''}  (target 0)`,
    )
    out(`  articles cited twice  ${score.citedTwice.length}`)
    out(
      `  group message    ${m.group} chars, ${m.listed} stories listed (limit ${TELEGRAM_MESSAGE_LIMIT}); full form ${m.fullParts} message(s), longest ${m.fullLongest}`,
    )
    if (backgrounds.length > 0) {
      const scores = backgrounds.map(({ frequencies }) => {
        const { digest: d } = digestOfWindow(corpus, { from: w.from, to: w.to }, { background: frequencies })
        return scoreThemes(
          d.stories.map((s) => ({ name: s.name, files: s.articles.map((a) => a.file) })),
          w,
        )
      })
      const spread = (xs: number[]) =>
        `${pct(Math.min(...xs))}–${pct(Math.max(...xs))}, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)}`
      out(`  over backgrounds of ${sizes.join(', ')} articles:`)
      out(`    recall ${spread(scores.map((x) => x.recall))}; precision ${spread(scores.map((x) => x.precision))}`)
      out(
        `    non-theme names ${scores.reduce((n, x) => n + x.nonThemeNames.length, 0)}; articles cited twice ${scores.reduce((n, x) => n + x.citedTwice.length, 0)}`,
      )
    }
    if (values.verbose) {
      digest.stories.forEach((s, i) =>
        out(`    ${score.matches[i] ? '✓' : '✗'} ${s.name} (${s.articles.length}) ${score.matches[i] ?? ''}`),
      )
      out(`    missed: ${score.missed.join(' | ') || '-'}`)
    }
  }

  if (values.seeds) {
    const seeds = await readCorpus(values.seeds)
    const { digest } = digestOfWindow(seeds, {})
    const m = messageFigures(digest, digest.articles.find((a) => a.date)?.date ?? '')
    const lists = digest.stories.map((s) => s.articles.map((a) => a.id).join(','))
    out(`\nseeds ${values.seeds}: ${seeds.length} articles, ${digest.stories.length} stories`)
    for (const s of digest.stories) out(`  ${s.name} — ${s.articles.length} articles: ${s.articles.map((a) => a.file).join(', ')}`)
    out(`  themes listing the same articles: ${lists.length - new Set(lists).size}; articles cited twice: ${citedTwice(digest)}`)
    out(`  group message ${m.group} chars; full form ${m.fullParts} message(s), longest ${m.fullLongest}`)
  }
}

function citedTwice(digest: Digest): number {
  const count = new Map<string, number>()
  for (const s of digest.stories) for (const a of s.articles) count.set(a.id, (count.get(a.id) ?? 0) + 1)
  return [...count.values()].filter((n) => n > 1).length
}

await main()
