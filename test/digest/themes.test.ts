import { describe, expect, it } from 'vitest'
import { fold } from '../../src/text/script.js'
import { analyzeArticle } from '../../src/digest/analyze.js'
import { extractThemes, type Theme } from '../../src/digest/themes.js'
import { article, seedArticles } from './seed-articles.js'

const seeds = seedArticles()
const seedThemes = extractThemes(seeds.map((a) => analyzeArticle(a)))
const themeFor = (themes: Theme[], phrase: string) => themes.find((t) => t.phrase === phrase || t.variants.includes(phrase))

describe('themes of the seed articles', () => {
  it('surfaces the phrases several articles share: 科技创新, 高质量发展, 新质生产力', () => {
    for (const phrase of ['科技创新', '高质量发展', '新质生产力']) {
      const theme = themeFor(seedThemes, phrase)
      expect(theme, phrase).toBeDefined()
      expect(theme!.articleIds.length, phrase).toBeGreaterThanOrEqual(3)
    }
  })

  it('never makes generic words (工作, 进一步, 会议, 要) a theme or part of one', () => {
    const all = seedThemes.flatMap((t) => [t.phrase, ...t.variants])
    for (const generic of ['工作', '进一步', '会议', '要', '召开', '发展']) expect(all).not.toContain(generic)
    for (const t of seedThemes) expect(t.phrase).not.toMatch(/^(工作|会议|进一步|要)|(工作|会议|进一步)$/)
  })

  it('counts the Traditional and the Simplified articles that use a phrase together', () => {
    const theme = themeFor(seedThemes, '新质生产力')!
    const scripts = new Set(theme.articleIds.map((id) => seeds.find((a) => a.id === id)!.script))
    expect(scripts).toEqual(new Set(['hans', 'hant']))
  })

  it('merges overlapping phrases (高质量 / 高质量发展) into one theme', () => {
    const phrases = seedThemes.map((t) => t.phrase)
    for (const a of phrases) for (const b of phrases) if (a !== b) expect(a.includes(b), `${a} / ${b}`).toBe(false)
    const quality = seedThemes.filter((t) => [t.phrase, ...t.variants].some((p) => p.startsWith('高质量')))
    expect(quality).toHaveLength(1)
  })

  it('gives each theme a real sentence that contains the phrase', () => {
    for (const t of seedThemes) {
      expect(t.sentence, t.phrase).toBeDefined()
      const { articleId, text } = t.sentence!
      expect(t.articleIds).toContain(articleId)
      expect(fold(text)).toContain(t.phrase)
      expect(seeds.find((a) => a.id === articleId)!.text).toContain(text.replace(/…$/, ''))
    }
  })

  it('ranks themes most-shared-and-specific first and is deterministic', () => {
    const again = extractThemes(seeds.map((a) => analyzeArticle(a)))
    expect(again).toEqual(seedThemes)
    for (let i = 1; i < seedThemes.length; i++) expect(seedThemes[i - 1]!.score).toBeGreaterThanOrEqual(seedThemes[i]!.score)
  })
})

describe('themes of hand-made articles', () => {
  it('counts 新質生產力 (Traditional) and 新质生产力 (Simplified) as one phrase, one article each', () => {
    const themes = extractThemes(
      [
        article('t1', '推動新質生產力發展', ['會議強調，要加快培育新質生產力，推動量子計算產業化。']),
        article('s1', '培育新质生产力', ['会议指出，新质生产力是创新起主导作用的先进生产力。', '量子计算是新质生产力的重要方向。']),
        article('x1', '召开工作会议', ['会议要求进一步做好各项工作。']),
      ].map((a) => analyzeArticle(a)),
    )
    const theme = themeFor(themes, '新质生产力')
    expect(theme?.articleIds).toEqual(['t1', 's1'])
  })

  it('finds no theme in articles that share only generic words', () => {
    const themes = extractThemes(
      [
        article('g1', '召开工作会议', ['会议要求进一步做好各项工作。', '要进一步加强领导，认真落实工作任务。']),
        article('g2', '工作会议召开', ['会议强调要进一步抓好工作落实。', '各单位要进一步提高认识，做好工作。']),
      ].map((a) => analyzeArticle(a)),
    )
    const all = themes.flatMap((t) => [t.phrase, ...t.variants])
    for (const generic of ['工作', '会议', '进一步', '要', '工作会议', '做好工作']) expect(all).not.toContain(generic)
  })

  it('needs at least two articles to call something a theme', () => {
    const one = article('q1', '量子计算取得突破', ['量子计算原型机实现量子优越性。', '量子计算将推动密码学变革。'])
    expect(extractThemes([analyzeArticle(one)])).toEqual([])
  })
})
