import { describe, expect, it } from 'vitest'
import { analyzeArticle } from '../../src/digest/analyze.js'
import { hanCount, sentenceSpans } from '../../src/text/sentences.js'
import { summarize } from '../../src/digest/summary.js'
import { article, seedArticles } from './seed-articles.js'

describe('summaries', () => {
  it('summarises every seed article with one whole sentence of its own text', () => {
    for (const a of seedArticles()) {
      const summary = summarize(analyzeArticle(a))
      expect(a.text, a.id).toContain(summary)
      expect(hanCount(summary), a.id).toBeGreaterThanOrEqual(12)
      expect(summary, a.id).toMatch(/[。！？!?；;”」]$/)
      expect(sentenceSpans(summary), a.id).toHaveLength(1)
    }
  })

  it('keeps the summary in the article’s own script', () => {
    const traditional = seedArticles().find((a) => a.script === 'hant')!
    const summary = summarize(analyzeArticle(traditional))
    expect(traditional.text).toContain(summary)
  })

  it('never picks a byline, source line or editor line', () => {
    const a = article('b1', '量子计算产业化推进会召开', [
      '来源：科技日报 发布时间：2024-06-01 浏览次数：1024 次，欢迎转载分享本站全部量子计算稿件。',
      '6月1日，省科技厅召开量子计算产业化推进会，研究部署量子计算关键核心技术攻关。',
      '会议指出，量子计算是新一轮科技革命的战略制高点，要加快量子计算原型机研制和产业化应用。',
      '责任编辑：张三 本站首页 打印本页 关闭窗口 量子计算 量子计算 量子计算 量子计算。',
    ])
    const summary = summarize(analyzeArticle(a))
    expect(summary).toContain('量子计算')
    expect(summary).not.toMatch(/来源|发布时间|浏览次数|责任编辑|首页|关闭窗口/)
  })

  it('picks the sentence most central to the article, not an aside', () => {
    const a = article('c1', '人工智能赋能制造业', [
      '当天天气晴朗，会场布置得简洁大方，参会人员提前半小时就已到场。',
      '会议聚焦人工智能赋能制造业，推动人工智能大模型在工业质检中的应用。',
      '人工智能大模型已在汽车制造、电子制造等领域的工业质检环节落地应用。',
      '下一步将建设人工智能制造业创新中心，加快人工智能技术在制造业推广。',
    ])
    expect(summarize(analyzeArticle(a))).toContain('人工智能')
  })
})
