import { describe, expect, it } from 'vitest'
import { cleanLines } from '../../src/corpus/clean.js'
import {
  dateFromBody,
  extractMetadata,
  isTitleLine,
  normalizeDate,
  parseMetaLine,
  sourceFromCredit,
  titleFromBody,
} from '../../src/corpus/metadata.js'

describe('normalizeDate', () => {
  it('normalises the date forms articles use to YYYY-MM-DD', () => {
    expect(normalizeDate('2024-09-29')).toBe('2024-09-29')
    expect(normalizeDate('2024年3月29日')).toBe('2024-03-29')
    expect(normalizeDate('2024/3/29')).toBe('2024-03-29')
    expect(normalizeDate('2024.03.29')).toBe('2024-03-29')
    expect(normalizeDate('2022-04-11 15:54')).toBe('2022-04-11')
  })

  it('rejects impossible dates and text without a date', () => {
    expect(normalizeDate('2024-13-01')).toBeUndefined()
    expect(normalizeDate('2024-02-32')).toBeUndefined()
    expect(normalizeDate('浏览次数:')).toBeUndefined()
  })
})

describe('parseMetaLine', () => {
  it('reads source and date from a Traditional header line (after pinyin repair)', () => {
    expect(parseMetaLine('來源:森工機械 發布時間:2024-09-29')).toEqual({ source: '森工機械', date: '2024-09-29' })
  })

  it('separates a source glued to the next label', () => {
    expect(parseMetaLine('来源: 中国铜业有限公司时间: 2024-05-11')).toEqual({ source: '中国铜业有限公司', date: '2024-05-11' })
  })

  it('reads the date of a line that also carries a view counter', () => {
    expect(parseMetaLine('发布日期:2022-04-11 15:54 浏览次数:')).toEqual({ date: '2022-04-11' })
  })

  it('reads date first, source second', () => {
    expect(parseMetaLine('发布日期:2023-07-09 来源:山西日报')).toEqual({ date: '2023-07-09', source: '山西日报' })
  })

  it('reads the synthetic corpus header', () => {
    expect(parseMetaLine('来源: 聯合新聞網 发布时间: 2021-06-30')).toEqual({ source: '聯合新聞網', date: '2021-06-30' })
  })

  it('reads a bare date line and a 年月日 date', () => {
    expect(parseMetaLine('2024-05-11 10:20')).toEqual({ date: '2024-05-11' })
    expect(parseMetaLine('時間:2024年3月29日')).toEqual({ date: '2024-03-29' })
  })

  it('reads a line that starts with the date and names the source after it', () => {
    expect(parseMetaLine('2024-05-11 10:20 来源:新华网')).toEqual({ date: '2024-05-11', source: '新华网' })
    expect(parseMetaLine('信息来源:市科技局 发布时间:2024年05月11日 10:20')).toEqual({ source: '市科技局', date: '2024-05-11' })
  })

  it('is not fooled by content lines', () => {
    expect(parseMetaLine('会议设主会场和视频分会场。')).toBeUndefined()
    expect(parseMetaLine('中国铜业2024年科技工作会议在昆明召开,来源:各二级单位。')).toBeUndefined()
  })
})

describe('sourceFromCredit', () => {
  it('reads the source of an editor credit line', () => {
    expect(sourceFromCredit('(来源:厅办公室、省科技宣传教育中心 编辑:袁晓玲)')).toBe('厅办公室、省科技宣传教育中心')
  })

  it('gives nothing when the credit names no source', () => {
    expect(sourceFromCredit('(编辑:袁晓玲)')).toBeUndefined()
  })
})

describe('dateFromBody', () => {
  it('combines a month-day and a year from the first sentence', () => {
    expect(dateFromBody('3月29日,2024年平頂山市科技工作會議召開。會議全面貫徹落實黨的二十大精神。')).toBe('2024-03-29')
  })

  it('prefers a full date anywhere in the paragraph', () => {
    expect(dateFromBody('近日,全省科技工作会议召开。会议于2023年12月5日在太原举行。')).toBe('2023-12-05')
  })

  it('gives nothing without a year in the first sentence', () => {
    expect(dateFromBody('4月7日上午,省科技厅召开一季度重点工作交流会。2022年工作要点已印发。')).toBeUndefined()
  })
})

describe('titleFromBody', () => {
  it('uses a headline-like first sentence without its date clause', () => {
    expect(titleFromBody('3月29日,2024年平頂山市科技工作會議召開。會議全面貫徹落實黨的二十大精神。')).toBe('2024年平頂山市科技工作會議召開')
  })

  it('declines a first sentence that is a long clause chain', () => {
    expect(
      titleFromBody('4月7日上午,省科技厅召开一季度重点工作交流会,深入学习贯彻4月6日县(市、区)委书记工作交流会精神,总结回顾。'),
    ).toBeUndefined()
  })
})

describe('isTitleLine', () => {
  it('accepts headline lines and rejects sentences and labelled fields', () => {
    expect(isTitleLine('围绕中心强支撑 只争朝夕抓落实 省科技厅召开一季度重点工作交流会')).toBe(true)
    expect(isTitleLine('会议设主会场和视频分会场。')).toBe(false)
    expect(isTitleLine('来源:山西日报')).toBe(false)
    expect(isTitleLine('科'.repeat(81))).toBe(false)
  })
})

describe('extractMetadata', () => {
  it('takes title, source and date from the header of seeds/001 and leaves the body', () => {
    const meta = extractMetadata(
      cleanLines(
        '首页\u00a0>\u00a0图片轮播\n\n中国铜业召开2024年科技工作会议\n\n来源: 中国铜业有限公司时间: 2024-05-11\n\n中国铜业网讯 \u20025月9日,中国铜业2024年科技工作会议在昆明召开。\n\n集团首页|联系我们|公司简介|招聘信息',
      ),
    )
    expect(meta).toEqual({
      title: '中国铜业召开2024年科技工作会议',
      source: '中国铜业有限公司',
      date: '2024-05-11',
      body: ['中国铜业网讯 5月9日,中国铜业2024年科技工作会议在昆明召开。'],
    })
  })

  it('prefers the header source over a credit line, and falls back to the credit line', () => {
    const body = '会上,各位厅领导作了交流发言。\n(来源:厅办公室 编辑:袁晓玲)'
    expect(extractMetadata(cleanLines(`标题行\n来源:浙江日报\n${body}`)).source).toBe('浙江日报')
    expect(extractMetadata(cleanLines(`标题行\n${body}`)).source).toBe('厅办公室')
  })

  it('reads a short 来源 line at the end of the article', () => {
    const meta = extractMetadata(cleanLines('科技工作会议召开\n会议强调,要加快科技创新。\n会议还部署了重点任务。\n来源:山西日报'))
    expect(meta.source).toBe('山西日报')
    expect(meta.body).toEqual(['会议强调,要加快科技创新。', '会议还部署了重点任务。'])
  })

  it('reads 文章来源 lines and drops a headline repeated as the first body line', () => {
    const meta = extractMetadata(cleanLines('科技工作会议召开\n科技工作会议召开\n会议强调,要加快科技创新。\n文章来源:科技日报'))
    expect(meta).toEqual({ title: '科技工作会议召开', source: '科技日报', body: ['会议强调,要加快科技创新。'] })
  })

  it('has no title when the file starts with the body', () => {
    const meta = extractMetadata(cleanLines('3月29日,2024年平頂山市科技工作會議召開。會議全面貫徹落實黨的二十大精神。'))
    expect(meta.title).toBeUndefined()
    expect(meta.date).toBe('2024-03-29')
    expect(meta.body).toHaveLength(1)
  })

  it('does not read 时间 lines deep in the body as metadata', () => {
    const meta = extractMetadata(cleanLines('活动通知\n第一段正文。\n第二段正文。\n时间:2024年5月1日上午'))
    expect(meta.date).toBeUndefined()
    expect(meta.body).toContain('时间:2024年5月1日上午')
  })
})
