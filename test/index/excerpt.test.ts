import { describe, expect, it } from 'vitest'
import { buildExcerpt, EXCERPT_MAX, EXCERPT_MIN, focusScores, scoreSentences, sentenceSpans } from '../../src/index/excerpt.js'
import { fold } from '../../src/index/script.js'
import { parseQuery } from '../../src/index/tokenize.js'
import type { Excerpt } from '../../src/index/types.js'

/** The excerpt a question gets from one article, every query term weighing the same. */
function excerptFor(text: string, question: string): Excerpt {
  const weights = new Map(parseQuery(question).terms.map((t) => [t, 1] as [string, number]))
  const folded = fold(text)
  const excerpt = buildExcerpt(text, folded, focusScores(scoreSentences(folded, sentenceSpans(text), weights), weights))
  if (!excerpt) throw new Error(`no excerpt for ${question}`)
  return excerpt
}

const marked = (e: Excerpt) => e.highlights.map((h) => e.text.slice(h.start, h.end))

/** Starts at the start of the text, a paragraph, a sentence or a clause; ends at the end of one. */
function expectClean(text: string, e: Excerpt) {
  expect(text.slice(e.start, e.end)).toBe(e.text)
  expect(e.text.length).toBeLessThanOrEqual(EXCERPT_MAX)
  expect(e.text.length).toBeGreaterThanOrEqual(Math.min(EXCERPT_MIN, text.length))
  const before = text[e.start - 1]
  expect(before === undefined || /[\n。！？；，、：,;:!?”」』）)]/.test(before)).toBe(true)
  const last = text[e.end - 1]!
  expect(e.end === text.length || /[。！？；，、：,;:!?”」』）)]/.test(last)).toBe(true)
}

const filler = (n: number) => '会议还听取了各部门的工作汇报，并对下一阶段的重点任务作出部署。'.repeat(n)

describe('excerpts', () => {
  it('show the sentence after the matching one when the answer follows it', () => {
    const text = `${filler(3)}平顶山市科技局召开全市科技工作会议。会议地点设在市政府第一会议室。${filler(3)}`
    const e = excerptFor(text, '平顶山市科技工作会议在哪里召开？')
    expect(e.text).toContain('平顶山市科技局召开全市科技工作会议。')
    expect(e.text).toContain('市政府第一会议室')
    expectClean(text, e)
  })

  it('show the sentence before the matching one when there is room, since it often names who the match is about', () => {
    const text = `${filler(3)}许波当选为新一届理事长。他随后宣布成立中试基地联盟。${filler(3)}`
    const e = excerptFor(text, '谁宣布成立中试基地联盟？')
    expect(e.text).toContain('许波当选为新一届理事长。')
    expectClean(text, e)
  })

  it('use most of the budget around the match instead of stopping at one short sentence', () => {
    const text = `${filler(4)}研发投入强度达到2.06%。${filler(4)}`
    const e = excerptFor(text, '研发投入强度是多少？')
    expect(e.text).toContain('研发投入强度达到2.06%。')
    expect(e.text.length).toBeGreaterThan(EXCERPT_MAX - 40)
    expectClean(text, e)
  })

  it('keep the tail of an over-long matching sentence: the clause after the match often holds the answer', () => {
    const head = '据悉，'.repeat(40)
    const text = `${head}本次会议确定的中试基地建设目标为，到2025年建成省级中试基地十个，带动企业研发投入超过五十亿元，${'并持续完善配套服务体系，'.repeat(10)}。`
    const e = excerptFor(text, '中试基地建设目标是什么？')
    expect(e.text).toContain('中试基地建设目标为，')
    expect(e.text).toContain('到2025年建成省级中试基地十个，')
    expectClean(text, e)
  })

  it('never reach across a paragraph break', () => {
    const text = `上一段讲的是别的事情。\n黄河流域生态保护和高质量发展是重大国家战略。\n下一段讲的也是别的事情。`
    const e = excerptFor(text, '黄河流域生态保护')
    expect(e.text).toBe('黄河流域生态保护和高质量发展是重大国家战略。')
  })

  it('mark the matched words, in the original script, and nothing else', () => {
    const text = `${filler(2)}中國煤炭地質總局召開科技專題工作會，部署採煤沉陷區綜合治理。${filler(2)}`
    const e = excerptFor(text, '采煤沉陷区综合治理')
    expect(marked(e)).toEqual(['採煤沉陷區綜合治理'])
    expectClean(text, e)
  })
})
