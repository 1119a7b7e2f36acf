import { describe, expect, it } from 'vitest'
import { indexOfTexts } from '../helpers/text-index.js'

/** Two invented articles on the same subject, one in mainland and one in Taiwan vocabulary. */
const index = indexOfTexts([
  [
    'mainland',
    '星河智造发布新一代人工智能芯片',
    '星河智造今天发布新一代人工智能芯片，首席执行官表示，配套软件将在网络上免费提供，数据处理速度提升三倍。',
  ],
  ['taiwan', '晨光科技推出自研晶片', '晨光科技今日推出自研人工智慧晶片，執行長指出，相關軟體將透過網路釋出，資料處理效能提升兩倍。'],
  ['other', '海洋观测站完成年度维护', '海洋观测站完成年度维护工作，更换了温盐传感器，并整理了历年观测资料。'],
  ['latin', '云服务商发布报告', '云服务商Cloudflare发布报告称，ChatGPT等AI应用的流量增长明显，5G网络覆盖率继续提升。'],
])
const ids = (q: string) => index.search(q, { limit: 5 }).hits.map((h) => h.article.id)

describe('search across Taiwan and mainland vocabulary', () => {
  it('finds the mainland article from a Taiwan-vocabulary query, and the Taiwan one', () => {
    expect(ids('人工智慧晶片')).toEqual(expect.arrayContaining(['mainland', 'taiwan']))
    expect(ids('執行長')).toEqual(expect.arrayContaining(['mainland', 'taiwan']))
  })

  it('finds the Taiwan article from a mainland-vocabulary query', () => {
    expect(ids('首席执行官')).toEqual(expect.arrayContaining(['mainland', 'taiwan']))
    expect(ids('软件')).toEqual(expect.arrayContaining(['mainland', 'taiwan']))
  })

  it('marks the word as the article writes it', () => {
    const hit = index.search('软件').hits.find((h) => h.article.id === 'taiwan')!
    expect(hit.excerpt.highlights.map((s) => hit.excerpt.text.slice(s.start, s.end))).toContain('軟體')
  })

  it('does not read 资料 (materials, in mainland use) as 数据 in a Simplified article', () => {
    expect(ids('资料')).toContain('other')
    expect(ids('资料')).not.toContain('mainland')
  })
})

describe('a word of the other vocabulary inside a name', () => {
  it('does not find 奈米 (纳米, nanometre) inside 纳米比亚, a country, but does in a chip report', () => {
    const visit = [
      'visit',
      '国家主席会见纳米比亚总统',
      '9月5日下午，国家主席在人民大会堂会见来华出席青禾合作论坛峰会的纳米比亚总统。',
      '2024-09-06',
    ] as const
    const chip = ['chip', '星河智造5纳米芯片量产', '星河智造的5纳米芯片今天开始量产。', '2024-03-01'] as const
    const plant = ['plant', '星河芯片工厂投产', '星河公司的芯片工厂今天投产。', '2024-03-01'] as const
    const found = (articles: Parameters<typeof indexOfTexts>[0]) =>
      indexOfTexts(articles)
        .search('5奈米晶片')
        .hits.map((h) => h.article.id)
    expect(found([visit, plant])).not.toContain('visit')
    expect(
      indexOfTexts([visit, chip])
        .search('5奈米晶片')
        .hits.map((h) => h.article.id),
    ).toEqual(['chip'])
  })
})

describe('Latin-script names', () => {
  it('are found as they are written, whatever the case', () => {
    for (const q of ['Cloudflare', 'chatgpt', 'AI应用', '5G网络']) expect(ids(q)[0]).toBe('latin')
  })

  it('are found as whole words, not inside longer ones', () => {
    expect(ids('Cloud')).toEqual([])
  })
})
