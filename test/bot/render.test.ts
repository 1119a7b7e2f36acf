import { describe, expect, it } from 'vitest'
import { renderArticle } from '../../src/bot/render/article.js'
import { escapeHtml, highlightExcerpt } from '../../src/telegram/html.js'
import { renderResultPage } from '../../src/bot/render/search-results.js'
import { splitParagraphs, TELEGRAM_MESSAGE_LIMIT } from '../../src/telegram/split.js'
import { HOSTILE, LONG_REPORT } from '../helpers/articles.js'
import { idOf, sharedCorpus } from '../helpers/test-bot.js'

/** Every opened tag is closed within the same part, in order. */
function balanced(html: string): boolean {
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)(\w+)[^>]*>/g)) {
    if (m[1] === '') stack.push(m[2]!)
    else if (stack.pop() !== m[2]) return false
  }
  return stack.length === 0
}

describe('escapeHtml', () => {
  it('escapes markup so hostile titles are shown literally', () => {
    expect(escapeHtml('<b>量子</b> & 芯片 </a>')).toBe('&lt;b&gt;量子&lt;/b&gt; &amp; 芯片 &lt;/a&gt;')
  })
})

describe('highlightExcerpt', () => {
  it('puts matches in bold and escapes everything else', () => {
    const html = highlightExcerpt({ text: 'A&B <i>量子</i>芯片', start: 0, end: 15, highlights: [{ start: 13, end: 15 }] }, 'zh-Hans')
    expect(html).toBe('A&amp;B &lt;i&gt;量子&lt;/i&gt;<b>芯片</b>')
  })

  it('converts each segment to Traditional so bold spans stay on the matched words', () => {
    const html = highlightExcerpt({ text: '黄河流域生态保护', start: 0, end: 8, highlights: [{ start: 4, end: 6 }] }, 'zh-Hant')
    expect(html).toBe('黃河流域<b>生態</b>保護')
  })

  it('converts a Traditional excerpt to Simplified for zh-Hans and for English chats (one script per reply)', () => {
    const excerpt = { text: '中國煤炭地質總局', start: 0, end: 8, highlights: [{ start: 2, end: 4 }] }
    expect(highlightExcerpt(excerpt, 'zh-Hans')).toBe('中国<b>煤炭</b>地质总局')
    expect(highlightExcerpt(excerpt, 'en')).toBe('中国<b>煤炭</b>地质总局')
  })
})

describe('splitParagraphs', () => {
  it('keeps short text in one part without a part number', () => {
    expect(splitParagraphs(['第一段。', '第二段。'], { header: '<b>标题</b>' })).toEqual(['<b>标题</b>\n\n第一段。\n\n第二段。'])
  })

  it('breaks between paragraphs and numbers the parts', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `第${i}段` + '科技创新。'.repeat(40))
    const parts = splitParagraphs(paragraphs, { limit: 500 })
    expect(parts.length).toBeGreaterThan(1)
    for (const [i, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(500)
      expect(part).toMatch(new RegExp(`<i>\\(${i + 1}/${parts.length}\\)</i>$`))
    }
    // No paragraph is cut: each one appears whole in some part.
    for (const p of paragraphs) expect(parts.some((part) => part.includes(p))).toBe(true)
  })

  it('cuts an over-long paragraph between sentences', () => {
    const sentence = '加快建设国家创新高地。'
    const parts = splitParagraphs([sentence.repeat(100)], { limit: 300 })
    expect(parts.length).toBeGreaterThan(3)
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(300)
      expect(part.replace(/\n\n<i>.*<\/i>$/, '')).toMatch(/。$/)
    }
  })

  it('never cuts inside an escaped entity, even without any sentence end', () => {
    const parts = splitParagraphs(['&<>'.repeat(200)], { limit: 100 })
    for (const part of parts) {
      const body = part.replace(/\n\n<i>.*<\/i>$/, '')
      expect(body).toMatch(/^(&amp;|&lt;|&gt;)+$/)
    }
  })
})

describe('renderArticle', () => {
  it('splits a very long article into parts under 4,096 characters with balanced tags', async () => {
    const { library } = await sharedCorpus()
    const article = library.getArticle(await idOf(LONG_REPORT))!
    expect(article.text.length).toBeGreaterThan(10_000)
    const parts = renderArticle(article, 'zh-Hans')
    expect(parts.length).toBeGreaterThanOrEqual(3)
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT)
      expect(balanced(part)).toBe(true)
    }
    expect(parts[0]).toMatch(/^<b>河南省2024年科技创新工作要点<\/b>\n📅 2024-01-10/)
  })

  it('shows hostile markup literally', async () => {
    const { library } = await sharedCorpus()
    const [part] = renderArticle(library.getArticle(await idOf(HOSTILE))!, 'zh-Hans')
    expect(part).toContain('<b>&lt;b&gt;量子&lt;/b&gt;芯片 &amp; 测控系统 &lt;/a&gt; 研讨会</b>')
    expect(part).toContain('&lt;script&gt;')
    expect(part).not.toContain('<script>')
    expect(balanced(part!)).toBe(true)
  })
})

describe('renderResultPage', () => {
  it('offers a read button per hit and page buttons only when there is more than one page', async () => {
    const { library } = await sharedCorpus()
    const result = await library.search('科技', { limit: 3 })
    const first = renderResultPage({ query: '科技', ...result, page: 0, pageSize: 3 }, { locale: 'zh-Hans', token: 'tok' })
    const rows = first.keyboard.inline_keyboard
    expect(rows[0]!.map((b) => b.text)).toEqual(['📖 1', '📖 2', '📖 3'])
    expect(rows[1]!.map((b) => b.text)).toEqual(['1/2', '下一页 ›'])
    const single = renderResultPage(
      { query: '量子', ...(await library.search('量子')), page: 0, pageSize: 3 },
      { locale: 'en', token: 'tok' },
    )
    expect(single.keyboard.inline_keyboard).toHaveLength(1)
    expect(single.text).toContain(': 1 article, page 1/1')
  })
})
