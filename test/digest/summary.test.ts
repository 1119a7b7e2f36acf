import { describe, expect, it } from 'vitest'
import { analyzeArticle } from '../../src/digest/analyze.js'
import { detectStories } from '../../src/digest/stories.js'
import { hanCount, sentenceSpans } from '../../src/text/sentences.js'
import { recurringSentences, sentenceKey, summarize } from '../../src/digest/summary.js'
import { fold } from '../../src/text/script.js'
import { article, seedArticles } from './seed-articles.js'
import { DATELINE, FOOTER, inventedWindow } from './story-articles.js'

const window = inventedWindow().map((a) => analyzeArticle(a))
const { context } = detectStories(window)

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
    expect(traditional.text).toContain(summarize(analyzeArticle(traditional)))
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

  it('picks a sentence central to the article, not an aside, a caption or one point of a list', () => {
    const a = article('c1', '人工智能赋能制造业', [
      '当天天气晴朗，会场布置得简洁大方，参会人员提前半小时就已到场。',
      '图为人工智能大模型在汽车工厂的工业质检现场，工人正在查看检测结果。',
      '会议聚焦人工智能赋能制造业，推动人工智能大模型在工业质检中的应用。',
      '一是加快人工智能大模型落地。',
      '人工智能大模型已在汽车制造、电子制造等领域的工业质检环节落地应用。',
    ])
    const summary = summarize(analyzeArticle(a))
    expect(summary).toContain('人工智能')
    expect(summary).not.toMatch(/^图为|^一是|天气晴朗/)
  })

  it('drops the dateline that opens an article (星河日报讯（记者 周明）)', () => {
    const lead = window.find((a) => a.id === 'q1')!
    const summary = summarize(lead, context)
    expect(summary).not.toContain(DATELINE)
    expect(summary.startsWith('量子精密测量实验室')).toBe(true)
  })

  it('never takes a line the window’s articles all repeat', () => {
    expect(context.recurring.size).toBeGreaterThan(0)
    for (const a of window) expect(summarize(a, context), a.id).not.toContain('客户端')
  })
})

describe('recurring sentences', () => {
  it('are those that at least three groups of articles carry, ignoring digits', () => {
    const a = (id: string, lead: string, line: string) => analyzeArticle(article(id, `标题${id}`, [lead, line]))
    const groups = [
      [a('x1', '氢能实验室今天揭牌，首批科研人员到岗。', '本报热线：12345。')],
      [a('x2', '新一代超算系统通过验收，算力提升一倍。', '本报热线：67890。')],
      [a('x3', '城市地铁全线开通无人驾驶运营模式。', '本报热线：13579。')],
    ]
    expect([...recurringSentences(groups)]).toEqual([sentenceKey(fold('本报热线：0。'))])
    expect(recurringSentences(groups.slice(0, 2)).size).toBe(0)
  })

  it('include the footer of a week of articles, not of a single pair', () => {
    const footer = sentenceKey(fold(FOOTER))
    expect(context.recurring.has(footer)).toBe(true)
    expect(recurringSentences([window.slice(0, 2)]).has(footer)).toBe(false)
  })
})
