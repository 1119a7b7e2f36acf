/**
 * Retrieval benchmarks.
 *
 *   npm run eval -- FILE.json [--script hans|hant]
 *     A SQuAD-format file as passage retrieval: every context is one article;
 *     every question should find the article holding its answer.
 *   npm run eval -- --qa QA.jsonl --corpus DIR [--script hans|hant] [--verbose]
 *     Questions about a folder of article files (only its .txt files are read),
 *     one JSON object a line: {"q", "file", "answer"}; `file` and `answer` are
 *     null for a question the corpus does not answer, which should get no result.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { paragraphSpans } from '../corpus/passages.js'
import { readArticle } from '../corpus/read-article.js'
import { articleId } from '../library/library.js'
import { fold, toSimplified, toTraditional, detectScript } from '../text/script.js'
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

/** One question of a QA file: a gold article file and an answer string, or both null (off-topic). */
export interface QaQuestion {
  q: string
  file: string | null
  answer: string | null
}

/** Parses a QA file: one JSON object a line, blank lines ignored. */
export function parseQa(jsonl: string): QaQuestion[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const o = JSON.parse(line) as Partial<QaQuestion>
      if (
        typeof o.q !== 'string' ||
        (o.file !== null && typeof o.file !== 'string') ||
        (o.answer !== null && typeof o.answer !== 'string')
      ) {
        throw new Error(`eval: line ${i + 1} is not {"q": string, "file": string|null, "answer": string|null}`)
      }
      return { q: o.q, file: o.file, answer: o.answer }
    })
}

/**
 * The index of a folder of articles, built as the bot builds it (readArticle
 * on each file's bytes), from its `.txt` files only: a manifest or README in
 * the folder is not an article.
 */
export function indexFolder(dir: string): { index: SearchIndex; skipped: number } {
  const index = new SearchIndex()
  let skipped = 0
  for (const file of readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort()) {
    const r = readArticle({ id: articleId(file), file, bytes: readFileSync(join(dir, file)) })
    if (!r.ok) {
      skipped++
      continue
    }
    const { article } = r
    const meta: ArticleMeta = { id: article.id, file, title: article.title, script: article.script, addedAt: 0 }
    if (article.date) meta.date = article.date
    if (article.source) meta.source = article.source
    index.add(article, meta)
  }
  index.compact()
  return { index, skipped }
}

export interface QaFigures {
  /** Questions with a gold article, and off-topic ones. */
  answerable: number
  offTopic: number
  hit1: number
  hit5: number
  /** The first result is the gold article and its excerpt holds the answer (compared folded). */
  answerInFirstExcerpt: number
  /**
   * The first result's excerpt holds the answer, whichever article it is: another
   * report of the same event answers the reader as well as the gold one.
   */
  answeredFirst: number
  /** Share of off-topic questions answered with no result at all. */
  offTopicRejected: number
  /** What went wrong, one line a question, for --verbose. */
  misses: string[]
}

/** Runs a QA set against an index; `script` converts the questions first. */
export function runQaEval(index: SearchIndex, questions: QaQuestion[], script?: 'hans' | 'hant'): QaFigures {
  const convert = script === 'hans' ? toSimplified : script === 'hant' ? toTraditional : (s: string) => s
  let answerable = 0
  let offTopic = 0
  let hit1 = 0
  let hit5 = 0
  let aie = 0
  let answered = 0
  let rejected = 0
  const misses: string[] = []
  for (const { q, file, answer } of questions) {
    const { hits } = index.search(convert(q), { limit: 5 })
    if (file === null) {
      offTopic++
      if (hits.length === 0) rejected++
      else misses.push(`off-topic answered: ${q} -> ${hits.map((h) => h.article.file).join(' ')}`)
      continue
    }
    answerable++
    const rank = hits.findIndex((h) => h.article.file === file)
    if (rank === 0) hit1++
    if (rank >= 0) hit5++
    const first = hits[0]
    const shows = first !== undefined && answer !== null && fold(first.excerpt.text).includes(fold(answer))
    if (shows) answered++
    if (rank === 0 && shows) aie++
    else
      misses.push(
        `${rank === 0 ? 'answer not in excerpt' : `gold at rank ${rank < 0 ? '-' : rank + 1}`}: ${q} -> ${first ? `${first.article.file} ${first.excerpt.text}` : 'no result'}`,
      )
  }
  const share = (x: number, n: number) => (n === 0 ? 0 : x / n)
  return {
    answerable,
    offTopic,
    hit1: share(hit1, answerable),
    hit5: share(hit5, answerable),
    answerInFirstExcerpt: share(aie, answerable),
    answeredFirst: share(answered, answerable),
    offTopicRejected: share(rejected, offTopic),
    misses,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage =
    'usage: npm run eval -- FILE.json [--script hans|hant]\n       npm run eval -- --qa QA.jsonl --corpus DIR [--script hans|hant] [--verbose]'
  let args
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        script: { type: 'string' },
        qa: { type: 'string' },
        corpus: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    })
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`)
    process.exit(2)
  }
  const file = args.positionals[0]
  const { script, qa, corpus, verbose } = args.values
  const qaMode = qa !== undefined || corpus !== undefined
  if ((qaMode ? !qa || !corpus || file : !file) || (script !== undefined && script !== 'hans' && script !== 'hant')) {
    console.error(usage)
    process.exit(2)
  }
  const pct = (x: number) => x.toFixed(3)
  if (qaMode) {
    const questions = parseQa(readFileSync(qa!, 'utf8'))
    const t0 = performance.now()
    const { index, skipped } = indexFolder(corpus!)
    const buildMs = performance.now() - t0
    const f = runQaEval(index, questions, script)
    console.log(`qa: ${qa}  corpus: ${corpus}  script: ${script ?? 'as written'}`)
    console.log(
      `articles: ${index.size} (${skipped} unreadable)  build: ${(buildMs / 1000).toFixed(1)} s  questions: ${f.answerable} + ${f.offTopic} off-topic`,
    )
    console.log(
      `hit@1: ${pct(f.hit1)}  answer-in-first-excerpt: ${pct(f.answerInFirstExcerpt)}  hit@5: ${pct(f.hit5)}  off-topic rejected: ${pct(f.offTopicRejected)}`,
    )
    console.log(`first excerpt answers, whichever article: ${pct(f.answeredFirst)}`)
    if (verbose) for (const m of f.misses) console.log(m)
  } else {
    const squad = JSON.parse(readFileSync(file!, 'utf8')) as Squad
    const f = runEval(squad, script)
    console.log(`file: ${file}  script: ${script ?? 'as written'}`)
    console.log(
      `articles: ${f.articles}  questions: ${f.questions}  build: ${f.buildMs.toFixed(0)} ms  query p50: ${f.queryMsP50.toFixed(2)} ms`,
    )
    console.log(
      `R@1: ${pct(f.r1)}  R@5: ${pct(f.r5)}  MRR@10: ${pct(f.mrr10)}  no-result: ${pct(f.noResult)}  answer-in-excerpt@1: ${pct(f.answerInExcerpt1)}`,
    )
  }
}
