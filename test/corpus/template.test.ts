import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticle, serveArticle, templateDoc } from '../../src/corpus/read-article.js'
import { describeTemplates, learnTemplates, leadIn, stripTemplates, TemplateLearner, templateIndex } from '../../src/corpus/template.js'
import type { Article } from '../../src/corpus/article.js'
import { makeSites } from './sites.js'

function read(file: string, text: string): Article {
  const r = readArticle({ id: file, file, bytes: Buffer.from(text) })
  if (!r.ok) throw new Error(`${file}: ${r.reason}`)
  return r.article
}

/** Every article of the invented sites, as read and as served after learning from all of them. */
function servedSites() {
  const sites = makeSites()
  const read_ = sites.map((s) => ({ site: s, article: read(s.file, s.text) }))
  const model = learnTemplates(read_.map(({ article }) => templateDoc(article)))
  const lookup = templateIndex(model)
  const suffixes = new Set(model.titleSuffixes)
  return {
    model,
    docs: read_.map(({ article }) => templateDoc(article)),
    articles: read_.map(({ site, article }) => ({ site, article, served: serveArticle(article, lookup, suffixes) })),
  }
}

describe('learned templates', () => {
  const { articles, model, docs } = servedSites()

  it('removes each site’s footer, dateline, photo credits, share and editor lines, lead-in and related-news list, in both scripts', () => {
    for (const { site, served } of articles) {
      for (const t of site.template) expect(served.text, `${site.file}: ${t}`).not.toContain(t)
    }
    const learned = describeTemplates(model, docs).join('\n')
    expect(learned).toContain('本網站所有內容，未經書面授權，不得轉載或公開傳輸。')
    expect(learned).toContain('shape 記者…報導')
    expect(learned).toContain('分享到：微信 微博 QQ空间')
  })

  it('keeps every content sentence, including the story that every site ran', () => {
    for (const { site, served } of articles) {
      for (const paragraph of site.content) {
        for (const sentence of paragraph.split(/(?<=。)/)) expect(served.text, site.file).toContain(sentence)
      }
    }
    const sharedCopies = articles.filter(({ site }) => site.file.endsWith('-30.txt'))
    expect(sharedCopies).toHaveLength(4)
    for (const { served, site } of sharedCopies) expect(served.text.split('\n').length).toBeGreaterThanOrEqual(site.content.length)
  })

  it('keeps the title, date and source as read', () => {
    for (const { article, served } of articles)
      expect([served.title, served.date, served.source]).toEqual([article.title, article.date, article.source])
  })

  it('finds nothing in the five seed articles, which share no site', () => {
    const seeds = join(import.meta.dirname, '..', '..', 'seeds')
    const seedArticles = readdirSync(seeds).map((f) => read(f, readFileSync(join(seeds, f), 'utf8')))
    const seedModel = learnTemplates(seedArticles.map(templateDoc))
    const lookup = templateIndex(seedModel)
    for (const a of seedArticles) expect(serveArticle(a, lookup, new Set(seedModel.titleSuffixes))).toBe(a)
  })

  it('learns the footer of a site whose pages name neither a source nor the site', () => {
    const places = '东南西北中上下左右前后内外高低新旧大小长'
    const footer = '本站文章未经许可不得转载，违者必究。'
    const docs = Array.from({ length: 20 }, (_, i) => ({
      group: '',
      lines: [`${places[i]}区举行科技活动周，展示了多项新成果。`, `${places[i]}区的学生参观了机器人实验室。`, footer],
    }))
    const lookup = templateIndex(learnTemplates(docs))('')
    expect(stripTemplates(docs[3]!.lines, lookup)).toEqual(docs[3]!.lines.slice(0, 2))
  })

  it('does not take a background sentence that one source repeats in a few follow-up stories for a template', () => {
    const background = '该项目总投资五十亿元，预计二〇二七年建成通车。'
    const places = '东南西北中上下左右前后内外高低新旧大小长'
    const docs = Array.from({ length: 20 }, (_, i) => ({
      group: '东方科讯网',
      lines: [
        `${places[i]}区报道的第一段内容，讲述不同的进展情况和细节。`,
        `${places[i]}区的工程师介绍了新的施工方法。`,
        ...(i < 5 ? [background] : []),
        '分享到：微信 微博',
      ],
    }))
    const lookup = templateIndex(learnTemplates(docs))('东方科讯网')
    const out = stripTemplates(docs[0]!.lines, lookup)
    expect(out).toContain(background)
    expect(out).not.toContain('分享到：微信 微博')
  })
})

describe('TemplateLearner', () => {
  it('forgets a site’s template when its articles are removed, and learns it when they come back', () => {
    const { articles } = servedSites()
    const learner = new TemplateLearner()
    for (const { site, article } of articles) learner.set(site.file, templateDoc(article))
    const footer = '本網站所有內容，未經書面授權，不得轉載或公開傳輸。'
    const tw = articles.find(({ site }) => site.file === 'tw-00.txt')!.article
    const strip = () => stripTemplates(tw.text.split('\n'), templateIndex(learner.model())(tw.site)).join('\n')
    expect(strip()).not.toContain(footer)
    for (const { site } of articles) if (site.file.startsWith('tw-') && site.file !== 'tw-00.txt') learner.delete(site.file)
    expect(strip()).toContain(footer)
    for (const { site, article } of articles) if (site.file.startsWith('tw-')) learner.set(site.file, templateDoc(article))
    expect(strip()).not.toContain(footer)
  })
})

describe('TemplateLearner.serialize', () => {
  it('gives back a learner that learns the same and keeps counting', () => {
    const { articles } = servedSites()
    const learner = new TemplateLearner()
    for (const { site, article } of articles) learner.set(site.file, templateDoc(article))
    const copy = TemplateLearner.deserialize(learner.serialize())
    expect(copy.model()).toEqual(learner.model())
    for (const { site } of articles) if (site.file.startsWith('tw-')) copy.delete(site.file)
    expect(copy.model().units['晨光新闻网']).toBeUndefined()
  })
})

describe('leadIn', () => {
  it('finds reporter datelines and agency lead-ins at the start of a first paragraph', () => {
    expect(leadIn('〔記者林小華／台北報導〕市府今天宣布啟動綠能屋頂計畫。')).toBe('〔記者林小華／台北報導〕')
    expect(leadIn('东方科讯网讯（记者 王美玲）医院首次公开海水淡化装置。')).toBe('东方科讯网讯（记者 王美玲）')
    expect(leadIn('新华社北京3月5日电 国务院今天召开常务会议，研究部署科技工作。')).toBe('新华社北京3月5日电')
    expect(leadIn('会议指出，要加快推进科技创新。')).toBeUndefined()
  })
})
