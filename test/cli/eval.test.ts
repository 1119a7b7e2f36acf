import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { indexFolder, parseQa, runQaEval } from '../../src/cli/eval.js'
import { indexOfTexts } from '../helpers/text-index.js'

const fixtures = join(import.meta.dirname, '..', 'search', 'fixtures')
const corpus = join(fixtures, 'invented-news')
const questions = parseQa(readFileSync(join(fixtures, 'invented-qa.jsonl'), 'utf8'))

describe('eval over a folder of articles (--qa, --corpus)', () => {
  it('reads only the .txt files: a manifest or README beside them is not an article', () => {
    const { index } = indexFolder(corpus)
    expect(index.size).toBe(9)
    // Both mention 大乐透; neither is searched.
    expect(index.search('大乐透').hits).toEqual([])
  })

  it('answers our own questions as a reader would expect: single characters, both vocabularies, both scripts', () => {
    const { index } = indexFolder(corpus)
    const f = runQaEval(index, questions)
    expect(f.misses).toEqual([])
    expect(f.hit1).toBe(1)
    expect(f.answerInFirstExcerpt).toBe(1)
    expect(f.offTopicRejected).toBe(1)
  })

  it('does as well with every question converted to the other script', () => {
    const { index } = indexFolder(corpus)
    for (const script of ['hans', 'hant'] as const) {
      const f = runQaEval(index, questions, script)
      expect(f.hit1).toBe(1)
      expect(f.offTopicRejected).toBe(1)
    }
  })

  it('counts a question whose gold article is not first as a miss, and an answered off-topic question as one', () => {
    const { index } = indexFolder(corpus)
    const f = runQaEval(index, [
      { q: '星海一号卫星', file: '20240302-01.txt', answer: '32次' },
      { q: '江南铜业科技工作会议', file: null, answer: null },
    ])
    expect(f.hit1).toBe(0)
    expect(f.offTopicRejected).toBe(0)
    expect(f.misses).toHaveLength(2)
  })

  it('counts a first result from another report that shows the answer as answering, though not as the gold article', () => {
    const index = indexOfTexts([
      ['day1', '星海一号卫星发射成功', '星海一号卫星今天10时15分由长征七号运载火箭发射升空，卫星顺利进入预定轨道。'],
      ['day2', '星海一号卫星发射次日传回首批图像', '星海一号卫星昨天由长征七号运载火箭发射升空，今天传回首批图像。'],
    ])
    const f = runQaEval(index, [{ q: '星海一号卫星今天几点发射升空？', file: 'day2.txt', answer: '10时15分' }])
    expect(f.hit1).toBe(0)
    expect(f.answerInFirstExcerpt).toBe(0)
    expect(f.answeredFirst).toBe(1)
  })

  it('refuses a line that is not a question', () => {
    expect(() => parseQa('{"q": "星海一号"}\n')).toThrow(/eval: line 1/)
  })
})
