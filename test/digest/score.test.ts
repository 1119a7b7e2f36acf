import { describe, expect, it } from 'vitest'
import { normalizeName, scoreThemes, type LabelledWindow } from '../../src/digest/score.js'

const window: LabelledWindow = {
  from: '2031-05-01',
  to: '2031-05-09',
  stories: [
    { name: '天枢三号发射', files: ['a1.txt', 'a2.txt', 'a3.txt'] },
    { name: '台风海棠', files: ['t1.txt', 't2.txt', 't3.txt'] },
  ],
  non_themes: ['星河日报', '《星河新闻》', '中国'],
}

describe('scoring themes against labelled stories', () => {
  it('covers a story when a theme cites two of its files and they are most of what it cites', () => {
    const score = scoreThemes([{ name: '天枢三号', files: ['a1.txt', 'a2.txt', 'x.txt'] }], window)
    expect(score.covered).toEqual(['天枢三号发射'])
    expect(score.recall).toBe(0.5)
    expect(score.precision).toBe(1)
  })

  it('does not count a theme whose citations have no majority story, nor one citing a single file', () => {
    const score = scoreThemes(
      [
        { name: '混合', files: ['a1.txt', 'a2.txt', 'x.txt', 'y.txt'] },
        { name: '台风', files: ['t1.txt'] },
      ],
      window,
    )
    expect(score.recall).toBe(0)
    expect(score.precision).toBe(0)
    expect(score.unmatched).toEqual(['混合', '台风'])
  })

  it('flags a theme named after a non-theme once folded to Simplified, NFKC and stripped of marks', () => {
    const score = scoreThemes(
      [
        { name: '《星河新聞》', files: [] },
        { name: '星河 日报', files: [] },
        { name: '中国航展', files: [] },
      ],
      window,
    )
    expect(score.nonThemeNames).toEqual(['《星河新聞》', '星河 日报'])
  })

  it('counts files cited by more than one theme', () => {
    const score = scoreThemes(
      [
        { name: 'x', files: ['a1.txt', 'a2.txt'] },
        { name: 'y', files: ['a2.txt', 'a3.txt'] },
      ],
      window,
    )
    expect(score.citedTwice).toEqual(['a2.txt'])
  })

  it('normalises names the way the labels compare them', () => {
    expect(normalizeName('《新聞聯播》')).toBe('新闻联播')
    expect(normalizeName('【文化 中国行】')).toBe('文化中国行')
    expect(normalizeName('“五一”假期')).toBe('五一假期')
  })
})
