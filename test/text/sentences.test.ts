import { describe, expect, it } from 'vitest'
import { clip, sentenceCover, sentenceSpans } from '../../src/text/sentences.js'

const pieces = (text: string, spans: Array<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end))

describe('sentenceCover', () => {
  it('splits after sentence punctuation and keeps closing quotes with their sentence', () => {
    const text = '王福西激动地说:“我们将加快建设步伐。”会议强调,要深入学习!是否落实?要落实;再落实'
    expect(pieces(text, sentenceCover(text))).toEqual([
      '王福西激动地说:“我们将加快建设步伐。”',
      '会议强调,要深入学习!',
      '是否落实?',
      '要落实;',
      '再落实',
    ])
  })

  it('covers the range without a gap, whitespace included', () => {
    const text = '第一句。 第二句！\n第三句'
    expect(pieces(text, sentenceCover(text)).join('')).toBe(text)
  })
})

describe('sentenceSpans', () => {
  it('trims each sentence and ends one at a line break', () => {
    const text = '  会议召开。 大家发言！\n标题行\n「真的嗎？」他問。'
    expect(pieces(text, sentenceSpans(text))).toEqual(['会议召开。', '大家发言！', '标题行', '「真的嗎？」', '他問。'])
  })

  it('keeps repeated final punctuation and an ellipsis with their sentence', () => {
    const text = '这是真的吗？！当然……我们走。'
    expect(pieces(text, sentenceSpans(text))).toEqual(['这是真的吗？！', '当然……', '我们走。'])
  })
})

describe('clip', () => {
  it('shortens by characters without splitting surrogate pairs, ending with an ellipsis', () => {
    expect(clip('𠮷𠮷𠮷𠮷', 3)).toBe('𠮷𠮷…')
    expect(clip('短', 3)).toBe('短')
  })
})
