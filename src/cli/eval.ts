/**
 * Passage-retrieval benchmark on a SQuAD-format file: every context is one
 * article; every question should find the article holding its answer.
 *
 *   npm run eval -- FILE.json [--script hans|hant] [--limit-questions N]
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { paragraphSpans } from '../corpus/passages.js'
import { toSimplified, toTraditional, detectScript } from '../text/script.js'
import { SearchIndex } from '../search/search-index.js'
import type { Article } from '../corpus/article.js'
import type { ArticleMeta } from '../search/types.js'

interface Squad {
  data: Array<{ title: string; paragraphs: Array<{ context: string; qas: Array<{ question: string; answers: Array<{ text: string }> }> }> }>
}

/** An article straight from clean text (no file, no cleaning). */
export function articleFromText(id: string, title: string, text: string): { article: Article; meta: ArticleMeta } {
  const paragraphs = paragraphSpans(text)
  const script = detectScript(text)
  const article: Article = {
    id,
    file: `${id}.txt`,
    title,
    text,
    paragraphs,
    passages: paragraphs.map((p, i) => ({ ...p, paragraph: i })),
    script,
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
  return { article, meta: { id, file: article.file, title, script, addedAt: 0 } }
}

export interface EvalFigures {
  questions: number
  articles: number
  r1: number
  r5: number
  mrr10: number
  noResult: number
  answerInExcerpt1: number
  buildMs: number
  queryMsP50: number
}

export function runEval(squad: Squad, script?: 'hans' | 'hant'): EvalFigures {
  const index = new SearchIndex()
  const questions: Array<{ q: string; target: string; answers: string[] }> = []
  let n = 0
  const t0 = performance.now()
  for (const doc of squad.data) {
    for (const p of doc.paragraphs) {
      const id = `c${n++}`
      const { article, meta } = articleFromText(id, doc.title, p.context)
      index.add(article, meta)
      for (const qa of p.qas) questions.push({ q: qa.question, target: id, answers: qa.answers.map((a) => a.text) })
    }
  }
  const buildMs = performance.now() - t0
  const convert = script === 'hans' ? toSimplified : script === 'hant' ? toTraditional : (s: string) => s
  let r1 = 0
  let r5 = 0
  let mrr = 0
  let none = 0
  let aie = 0
  const times: number[] = []
  for (const { q, target, answers } of questions) {
    const t = performance.now()
    const { hits } = index.search(convert(q), { limit: 10 })
    times.push(performance.now() - t)
    if (hits.length === 0) none++
    const rank = hits.findIndex((h) => h.article.id === target)
    if (rank === 0) r1++
    if (rank >= 0 && rank < 5) r5++
    if (rank >= 0) mrr += 1 / (rank + 1)
    if (rank === 0 && answers.some((a) => hits[0]!.excerpt.text.includes(a))) aie++
  }
  times.sort((a, b) => a - b)
  const k = questions.length
  return {
    questions: k,
    articles: n,
    r1: r1 / k,
    r5: r5 / k,
    mrr10: mrr / k,
    noResult: none / k,
    answerInExcerpt1: aie / k,
    buildMs,
    queryMsP50: times[Math.floor(k / 2)] ?? 0,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'usage: npm run eval -- FILE.json [--script hans|hant]'
  let args
  try {
    args = parseArgs({ allowPositionals: true, options: { script: { type: 'string' } } })
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`)
    process.exit(2)
  }
  const file = args.positionals[0]
  const script = args.values.script
  if (!file || (script !== undefined && script !== 'hans' && script !== 'hant')) {
    console.error(usage)
    process.exit(2)
  }
  const squad = JSON.parse(readFileSync(file, 'utf8')) as Squad
  const f = runEval(squad, script)
  const pct = (x: number) => x.toFixed(3)
  console.log(`file: ${file}  script: ${script ?? 'as written'}`)
  console.log(
    `articles: ${f.articles}  questions: ${f.questions}  build: ${f.buildMs.toFixed(0)} ms  query p50: ${f.queryMsP50.toFixed(2)} ms`,
  )
  console.log(
    `R@1: ${pct(f.r1)}  R@5: ${pct(f.r5)}  MRR@10: ${pct(f.mrr10)}  no-result: ${pct(f.noResult)}  answer-in-excerpt@1: ${pct(f.answerInExcerpt1)}`,
  )
}
