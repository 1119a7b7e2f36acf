import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXCERPT_MAX, EXCERPT_MIN } from '../../src/search/excerpt.js'
import { articleId } from '../../src/library/library.js'
import { readArticle } from '../../src/corpus/read-article.js'
import { SearchIndex } from '../../src/search/search-index.js'
import { parseQuery, tokensWithPositions } from '../../src/search/tokenize.js'
import { fold } from '../../src/text/script.js'
import type { SearchHit } from '../../src/search/types.js'

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds')
let index: SearchIndex

beforeAll(() => {
  index = new SearchIndex()
  for (const file of readdirSync(seedsDir).sort()) {
    const r = readArticle({ id: articleId(file), file, bytes: readFileSync(join(seedsDir, file)) })
    if (!r.ok) throw new Error(`${file}: ${r.reason}`)
    index.add(r.article, {
      id: r.article.id,
      file,
      title: r.article.title,
      script: r.article.script,
      addedAt: 0,
      ...(r.article.date ? { date: r.article.date } : {}),
      ...(r.article.source ? { source: r.article.source } : {}),
    })
  }
})

const marked = (hit: SearchHit) => hit.excerpt.highlights.map((h) => hit.excerpt.text.slice(h.start, h.end))

describe('tokenizer', () => {
  it('keeps numbers and codes findable as a whole', () => {
    const terms = tokensWithPositions(fold('研发投入强度达到2.06%，加快推进“1+10”中试基地，总局“1158”发展战略，2024年')).map((t) => t.term)
    expect(terms).toEqual(expect.arrayContaining(['2.06%', '2.06', '1+10', '1158', '2024年', '中试']))
  })

  it('drops question words so the subject carries the question', () => {
    expect(parseQuery('中國銅業的會議在哪裡召開？').segments).toEqual(['中国铜业', '会议', '召开'])
    expect(parseQuery('谁主持了平顶山市科技工作会议').segments).not.toContain('谁')
  })
})

describe('search', () => {
  it('finds a Simplified article from a Traditional query', async () => {
    const { hits } = index.search('中國銅業')
    expect(hits[0]?.article.title).toBe('中国铜业召开2024年科技工作会议')
  })

  it('finds a Traditional article from a Simplified query, showing the original script', () => {
    const { hits } = index.search('采煤沉陷区综合治理')
    expect(hits[0]?.article.title).toBe('中國煤炭地質總局召開科技專題工作會')
    expect(hits[0]?.excerpt.text).toContain('綜合治理')
    expect(marked(hits[0]!).join('')).toContain('綜合治理')
  })

  it('finds 高质量发展 in text that carried pinyin annotations (發(fā)展)', () => {
    const { hits } = index.search('黄河流域生态保护和高质量发展')
    expect(hits[0]?.article.title).toBe('中國煤炭地質總局召開科技專題工作會')
  })

  it('answers a question with the excerpt that holds the answer', () => {
    const { hits } = index.search('中国铜业的会议在哪里召开？')
    expect(hits[0]?.article.title).toBe('中国铜业召开2024年科技工作会议')
    expect(hits[0]?.excerpt.text).toContain('昆明')
  })

  it('does not pad the answer to a question with other meetings that share only 会议 and 召开', () => {
    const titles = index.search('中国铜业的会议在哪里召开？').hits.map((h) => h.article.title)
    expect(titles).toEqual(['中国铜业召开2024年科技工作会议'])
  })

  it('keeps every article that holds the words a query is about', () => {
    const titles = index.search('科技工作会议').hits.map((h) => fold(h.article.title))
    expect(titles).toEqual(expect.arrayContaining(['中国铜业召开2024年科技工作会议', '2024年平顶山市科技工作会议召开']))
  })

  it('keeps an article that holds one of two keywords', () => {
    const titles = index.search('煤炭 铜业').hits.map((h) => h.article.title)
    expect(titles).toContain('中国铜业召开2024年科技工作会议')
    expect(titles.some((t) => t.includes('煤炭'))).toBe(true)
  })

  it('answers a Traditional question about a figure', () => {
    const { hits } = index.search('平頂山全社會研發投入強度是多少？')
    expect(hits[0]?.excerpt.text).toContain('2.06%')
  })

  it('finds a one-character query inside longer words, in either script (铜 in 中国铜业, 煤 in 中國煤炭)', () => {
    expect(index.search('铜').hits[0]?.article.title).toBe('中国铜业召开2024年科技工作会议')
    expect(index.search('煤').hits[0]?.article.title).toBe('中國煤炭地質總局召開科技專題工作會')
    expect(index.search('铜 昆明').hits[0]?.excerpt.text).toContain('昆明')
  })

  it('finds codes and numbers: 2.06%, 1+10, 1158', () => {
    expect(index.search('2.06%').hits[0]?.excerpt.text).toContain('2.06%')
    expect(index.search('1+10').hits[0]?.excerpt.text).toContain('1+10')
    expect(index.search('1158').hits[0]?.excerpt.text).toContain('1158')
  })

  it('gives every hit an id, title, date, source and a score, best first', () => {
    const { hits, total } = index.search('科技创新', { limit: 10 })
    expect(total).toBeGreaterThanOrEqual(4)
    for (const h of hits) {
      expect(h.article.id).toMatch(/^[0-9a-f]{12}$/)
      expect(h.article.title.length).toBeGreaterThan(0)
      expect(h.score).toBeGreaterThan(0)
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
  })

  it('pages through results without repeating any', () => {
    const all = index.search('科技创新', { limit: 10 }).hits.map((h) => h.article.id)
    const page2 = index.search('科技创新', { limit: 2, offset: 2 }).hits.map((h) => h.article.id)
    expect(page2).toEqual(all.slice(2, 4))
  })

  it('returns no results for a query about something the corpus does not hold', () => {
    expect(index.search('量子计算机芯片').hits).toEqual([])
    expect(index.search('足球世界杯决赛').hits).toEqual([])
  })

  it('says why there are no results: nothing to search, nothing matched, or nothing that answers', () => {
    expect(index.search('😀？！').outcome).toBe('empty')
    expect(index.search('zzqxv').outcome).toBe('no-match')
    // An article shares a bigram or two with the query; none is about it.
    const offTopic = index.search('足球世界杯决赛')
    expect(offTopic.hits).toEqual([])
    expect(offTopic.outcome).toBe('unanswered')
    expect(offTopic.missing).toContain('世界杯')
    const found = index.search('中国铜业')
    expect(found.outcome).toBe('found')
    expect(found.missing).toEqual([])
  })
})

describe('excerpts', () => {
  it('are at most 160 characters cut at sentence or clause boundaries', () => {
    for (const q of ['科技创新', '新质生产力', '黄河流域', '共同富裕', '中试基地']) {
      const hit = index.search(q).hits[0]!
      const { text, start } = hit.excerpt
      expect(text.length).toBeLessThanOrEqual(EXCERPT_MAX)
      const article = index.getArticle(hit.article.id)!
      expect(text.length).toBeGreaterThanOrEqual(Math.min(EXCERPT_MIN, article.text.length))
      const before = article.text[start - 1]
      // Starts at the start of the text, a paragraph, a sentence or a clause.
      expect(before === undefined || /[\n。！？；，、：,;:!?”」]/.test(before)).toBe(true)
      expect(article.text.slice(hit.excerpt.start, hit.excerpt.end)).toBe(text)
    }
  })

  it('mark every matched span and nothing else', () => {
    const hit = index.search('许波强调').hits[0]!
    const spans = marked(hit)
    expect(spans.length).toBeGreaterThan(0)
    for (const s of spans) expect(['许波', '强调', '许波强调']).toContain(s)
  })
})

describe('hostile input', () => {
  const nothingToSearch = ['', '   ', '\u0000\u0007\u001b', '😀🔥🚀', '.*+?^${}()|[]\\']
  it.each(nothingToSearch.map((q) => [q.slice(0, 20), q]))('finds nothing, without an error, for %j', (_label, q) => {
    const result = index.search(q)
    expect(result.hits).toEqual([])
    expect(result.total).toBe(0)
  })

  it.each([
    ['markup', '<b>科技</b>&amp;</a>'],
    ['a 10,000-character query', '科技'.repeat(5000)],
  ])('returns at most a page, without an error, for %s', (_label, q) => {
    expect(index.search(q).hits.length).toBeLessThanOrEqual(5)
  })

  const wrapped = ['\u202e科技创新', '\u200b科技创新\u0000']
  it.each(wrapped.map((q) => [q.slice(0, 20), q]))('searches what is inside %j, at most a page of it', (_label, q) => {
    const result = index.search(q)
    expect(result.hits.length).toBeGreaterThan(0)
    expect(result.hits.length).toBeLessThanOrEqual(5)
    expect(result.hits[0]!.excerpt.text).toMatch(/科技/)
  })

  it('still finds the terms inside markup', () => {
    expect(index.search('<b>中国铜业</b>').hits[0]?.article.title).toBe('中国铜业召开2024年科技工作会议')
  })
})
