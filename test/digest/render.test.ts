import { describe, expect, it } from 'vitest'
import { buildDigest, type Digest } from '../../src/digest/build.js'
import { MESSAGE_LIMIT, renderDigest, renderEmptyDigest, splitMessages } from '../../src/digest/render.js'
import { seedArticles } from './seed-articles.js'

const seedDigest = buildDigest(seedArticles())
const tags = (html: string) => (html.match(/<\/?[a-z]+>/g) ?? []).join('')
const balanced = (html: string) => {
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)([a-z]+)>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false
    } else stack.push(m[2]!)
  }
  return stack.length === 0
}

describe('rendering a digest', () => {
  it('shows themes with article counts, sentences, and /read links for every listed article', () => {
    const [text] = renderDigest(seedDigest, { locale: 'zh-Hans', date: '2024-10-01' })
    expect(text).toContain('科技新闻日报')
    expect(text).toContain('<b>科技创新</b>')
    expect(text).toMatch(/<b>科技创新<\/b> — \d 篇/)
    for (const a of seedDigest.articles) expect(text).toContain(`/read_${a.id}`)
  })

  it('shows Traditional chats the digest in Traditional script', () => {
    const text = renderDigest(seedDigest, { locale: 'zh-Hant', date: '2024-10-01' }).join('\n')
    expect(text).toContain('科技新聞日報')
    expect(text).toContain('新質生產力')
    expect(text).not.toContain('新质生产力')
  })

  it('labels an English chat’s digest in English', () => {
    const text = renderDigest(seedDigest, { locale: 'en', date: '2024-10-01' }).join('\n')
    expect(text).toContain('Sci-tech news digest')
    expect(text).toContain('Themes')
  })

  it('escapes HTML in titles and sentences', () => {
    const digest: Digest = {
      total: 1,
      themeWindow: 1,
      themes: [],
      articles: [{ id: 'x1', title: '<script>芯片 & 量子</script>', summary: 'a<b>c 量子芯片“突破”。' }],
    }
    const [text] = renderDigest(digest, { locale: 'zh-Hans', date: '2024-10-01' })
    expect(text).toContain('&lt;script&gt;芯片 &amp; 量子&lt;/script&gt;')
    expect(text).toContain('a&lt;b&gt;c')
    expect(balanced(text!)).toBe(true)
  })

  it('splits a long digest between articles into messages within 4,096 characters', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: `a${i}`,
      title: `第${i}篇：量子计算与人工智能融合发展研讨会在京召开`,
      date: '2024-06-01',
      summary: '会议指出，量子计算与人工智能深度融合将催生新质生产力，要加快关键核心技术攻关，推动科技成果转化和产业化应用。'.repeat(2),
    }))
    const digest: Digest = { total: 200, themeWindow: 60, themes: [], articles: many }
    const parts = renderDigest(digest, { locale: 'zh-Hant', date: '2024-06-02' })
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT)
      expect(balanced(p), tags(p)).toBe(true)
    }
    const all = parts.join('\n')
    for (const a of many) expect(all).toContain(`/read_${a.id}`)
    expect(all).toContain('還有 140 篇未列出')
  })

  it('cuts an oversized line only outside tags and entities', () => {
    const parts = splitMessages([`<b>${'量'.repeat(50)}</b>&amp;${'子'.repeat(50)}`], 40)
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(40)
      expect(p).not.toMatch(/<|&(?!amp;)/)
    }
    expect(parts.join('')).toBe(`${'量'.repeat(50)}&amp;${'子'.repeat(50)}`)
  })

  it('has a short note for days with nothing new', () => {
    expect(renderEmptyDigest({ locale: 'zh-Hans', date: '2024-10-01' })).toContain('没有新文章')
  })
})
