import { describe, expect, it } from 'vitest'
import { articleFromText } from '../../src/cli/eval.js'
import { POSTING_BUDGET, SearchIndex } from '../../src/search/search-index.js'

/**
 * Candidate search reads at most POSTING_BUDGET postings: very common terms are
 * left to the reranker. These tests build a corpus larger than the budget.
 */
describe('search over a corpus where common words fill the posting budget', () => {
  const index = new SearchIndex()
  const n = POSTING_BUDGET + 1000
  const filler = ['推进科技创新工作会议', '加快高质量发展步伐', '全面深化改革开放']
  for (let i = 0; i < n; i++) {
    // Seven articles in ten hold the common words; a few hold the rare name as well.
    let text = `${filler[i % 3]}。第${i}号文件。${i % 10 < 7 ? '科技工作会议强调创新发展。' : ''}`
    if (i === 4321) text += '会议在铜陵召开，中国铜业科技工作会议部署全年任务。'
    if (i % 997 === 5) text += '铜陵的天气很好。'
    const { article, meta } = articleFromText(`a${i}`, `文章${i}`, text)
    index.add(article, meta)
  }

  it('ranks first the article whose sentence holds the rare name together with the common words', () => {
    // 铜陵 is in 8 articles; the common words' postings are far beyond the budget.
    const { hits } = index.search('铜陵的科技工作会议')
    expect(hits.map((h) => h.article.id)).toHaveLength(5)
    expect(hits[0]?.article.id).toBe('a4321')
    expect(hits[0]?.excerpt.text).toContain('铜陵')
  })

  it('answers a query made only of very common words', () => {
    const { hits, total } = index.search('科技工作会议')
    expect(hits).toHaveLength(5)
    expect(total).toBeGreaterThan(5)
    for (const h of hits) expect(h.excerpt.text).toContain('科技工作会议')
  })
})
