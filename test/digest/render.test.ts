import { describe, expect, it } from 'vitest'
import { buildDigest, type Digest, type DigestStory } from '../../src/digest/build.js'
import { selectNovel, shownBy } from '../../src/digest/novelty.js'
import { renderEmptyDigest, renderFullDigest, renderGroupDigest } from '../../src/digest/render.js'
import { TELEGRAM_MESSAGE_LIMIT } from '../../src/telegram/split.js'
import { inventedWindow } from './story-articles.js'

const digest = buildDigest(inventedWindow())
const options = { locale: 'zh-Hans' as const, date: '2031-05-09' }

const balanced = (html: string) => {
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)([a-z]+)>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false
    } else stack.push(m[2]!)
  }
  return stack.length === 0
}

/** A digest of `n` invented stories, each of eight articles with long titles, from three sources. */
function manyStories(n: number): Digest {
  const stories: DigestStory[] = Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    name: `第${i}号深空探测器·火星着陆`,
    terms: [],
    sentence: { articleId: `s${i}a0`, text: '深空探测器在火星乌托邦平原南部预选着陆区成功着陆，传回首批遥测数据和全景影像。' },
    articles: Array.from({ length: 8 }, (_, j) => ({
      id: `s${i}a${j}`,
      file: `s${i}a${j}.txt`,
      title: `第${i}号深空探测器任务进展通报第${j}期：着陆区地形勘察与巡视器驶离准备`,
      date: '2031-05-09',
    })),
    items: Array.from({ length: 8 }, (_, j) => ({ articleIds: [`s${i}a${j}`], sources: 1 })),
    sources: 3,
  }))
  return { total: n * 8, window: n * 8, stories, articles: [] }
}

describe('the group digest', () => {
  it('lists one line per story with its article count and a read link', () => {
    const { text, listed, omitted } = renderGroupDigest(digest, options)
    const lines = text.split('\n')
    expect(listed).toBe(2)
    expect(omitted).toBe(0)
    expect(lines[0]).toContain('科技新闻日报')
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(2)
    expect(text).toMatch(/1\. <b>天枢三号[^<]*<\/b> · 4 篇 \/read_sat\d/)
  })

  it('stays one message under 4,096 characters however many stories there are, pointing to the full list', () => {
    const many = manyStories(80)
    const group = renderGroupDigest(many, options)
    expect(group.text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT)
    expect(group.listed).toBeGreaterThan(10)
    expect(group.listed + group.omitted).toBe(80)
    expect(group.text).toContain(`另有 ${group.omitted} 个报道`)
    expect(group.text).toContain('1. <b>第0号深空探测器·火星着陆</b> · 8 篇 · 3 家来源 /read_s0a0')
    expect(group.fullListLabel).toContain('完整列表')
    expect(balanced(group.text)).toBe(true)
  })

  it('marks a continuing story with how many of its articles are new', () => {
    const yesterday = buildDigest(inventedWindow().filter((a) => a.id !== 'sat4'))
    const { text } = renderGroupDigest(selectNovel(digest, shownBy(yesterday)), options)
    expect(text).toContain('（续，新增 1 篇）')
  })
})

describe('the full digest', () => {
  it('shows each story with its sentence and its articles, then the other articles with summaries', () => {
    const text = renderFullDigest(digest, options).join('\n')
    expect(text).toContain('<b>报道</b>')
    expect(text).toMatch(/<i>“[^”]*天枢三号[^”]*”<\/i>/)
    expect(text).toContain('<b>其他文章</b>')
    for (const a of digest.articles) expect(text).toContain(`/read_${a.id}`)
  })

  it('splits a long digest between blocks into messages within the limit, tags balanced', () => {
    const parts = renderFullDigest(manyStories(40), options)
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT)
      expect(balanced(p)).toBe(true)
    }
    expect(parts.join('\n')).toContain('…另有')
  })

  it('escapes HTML in names, titles and sentences', () => {
    const story = {
      ...manyStories(1).stories[0]!,
      name: '<b>芯片</b>',
      sentence: { articleId: 's0a0', text: '量子<芯片>实现 a&b 级突破。' },
    }
    const text = renderFullDigest({ ...manyStories(1), stories: [story] }, options).join('\n')
    expect(text).toContain('&lt;b&gt;芯片&lt;/b&gt;')
    expect(text).toContain('量子&lt;芯片&gt;实现 a&amp;b 级突破')
    expect(balanced(text)).toBe(true)
  })
})

describe('one script for the whole digest', () => {
  it('writes a Traditional chat’s digest in Traditional: labels, names, titles, sentences', () => {
    const text = renderFullDigest(digest, { ...options, locale: 'zh-Hant' }).join('\n')
    expect(text).toContain('科技新聞日報')
    expect(text).toContain('天樞三號')
    expect(text).toContain('颱風海棠')
    expect(text).not.toMatch(/天枢|台风|报道/)
    expect(text).toMatch(/「[^」]+」/)
  })

  it('writes a Simplified chat’s digest in Simplified, Traditional articles included', () => {
    const text = renderFullDigest(digest, options).join('\n')
    expect(text).not.toMatch(/天樞|颱風|衛星/)
  })

  it('gives an English chat English labels and every Chinese word in Simplified', () => {
    const full = renderFullDigest(digest, { ...options, locale: 'en' }).join('\n')
    const group = renderGroupDigest(digest, { ...options, locale: 'en' }).text
    for (const text of [full, group]) {
      expect(text).toContain('Sci-tech news digest')
      expect(text).toContain('天枢三号')
      expect(text).not.toMatch(/天樞|颱風|衛星|報/)
    }
    expect(full).toContain('Stories')
  })
})

describe('a day with nothing new', () => {
  it('has a short note', () => {
    expect(renderEmptyDigest(options)).toContain('没有新文章')
  })
})
