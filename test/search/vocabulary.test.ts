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

describe('Latin-script names', () => {
  it('are found as they are written, whatever the case', () => {
    for (const q of ['Cloudflare', 'chatgpt', 'AI应用', '5G网络']) expect(ids(q)[0]).toBe('latin')
  })

  it('are found as whole words, not inside longer ones', () => {
    expect(ids('Cloud')).toEqual([])
  })
})
