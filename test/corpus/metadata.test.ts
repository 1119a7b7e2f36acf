import { describe, expect, it } from 'vitest'
import { cleanLines } from '../../src/corpus/clean.js'
import {
  cleanSource,
  dateFromBody,
  extractMetadata,
  isTitleLine,
  normalizeDate,
  parseMetaLine,
  sourceFromCredit,
  stripTitleSuffix,
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
    expect(normalizeDate('2025-02-29')).toBeUndefined()
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

  it('reads 發佈日期 and 發佈時間, the Taiwan-standard labels, as the date', () => {
    expect(parseMetaLine('來源: 晨光日報  發佈日期: 2025/11/18')).toEqual({ source: '晨光日報', date: '2025-11-18' })
    expect(parseMetaLine('發佈時間：2025-11-18 21:27 來源：晨光日報')).toEqual({ source: '晨光日報', date: '2025-11-18' })
    expect(parseMetaLine('发布于 2025-03-05 10:12')).toEqual({ date: '2025-03-05' })
  })

  it('reads the Taiwan-vocabulary labels OpenCC writes for 发布 and 审核 (釋出時間, 稽核)', () => {
    expect(parseMetaLine('釋出時間：2024年01月01日')).toEqual({ date: '2024-01-01' })
    expect(parseMetaLine('釋出日期: 2025/11/18　來源：晨光日報')).toEqual({ source: '晨光日報', date: '2025-11-18' })
    expect(parseMetaLine('释出时间：2024-01-05 19:30 | 稽核：王小明')).toEqual({ date: '2024-01-05' })
    expect(parseMetaLine('釋出單位：市科技局　2024-03-29')).toEqual({ source: '市科技局', date: '2024-03-29' })
  })

  it('reads a source followed by a date with no label, and a date followed by a source', () => {
    expect(parseMetaLine('晨光新聞網 2025/11/18 21:27')).toEqual({ source: '晨光新聞網', date: '2025-11-18' })
    expect(parseMetaLine('2025-03-05 10:12:30 | 东方科讯网')).toEqual({ source: '东方科讯网', date: '2025-03-05' })
    expect(parseMetaLine('东方科讯网　2025.03.05')).toEqual({ source: '东方科讯网', date: '2025-03-05' })
  })

  it('reads the source of a line that names it after the date, beside by-lines', () => {
    expect(parseMetaLine('2025-11-18 21:27 晨光日報／ 記者林小華／台北報導')).toEqual({ source: '晨光日報', date: '2025-11-18' })
  })

  it('reads a label written without its colon, an ISO date with its zone, a source with a middle dot', () => {
    expect(parseMetaLine('来源｜东方科讯网 2025-03-05')).toEqual({ source: '东方科讯网', date: '2025-03-05' })
    expect(parseMetaLine('2025-03-05T10:12:30+08:00 东方科讯网')).toEqual({ source: '东方科讯网', date: '2025-03-05' })
    expect(parseMetaLine('东方科讯网·科技频道 2025-03-05')).toEqual({ source: '东方科讯网·科技频道', date: '2025-03-05' })
    expect(parseMetaLine('2025-03-05 · 东方科讯网')).toEqual({ source: '东方科讯网', date: '2025-03-05' })
  })

  it('keeps a source whole with its brackets', () => {
    expect(parseMetaLine('来源：东方科讯网（上海） 发布时间：2025-03-05')).toEqual({ source: '东方科讯网（上海）', date: '2025-03-05' })
    expect(parseMetaLine('（来源：东方科讯网（上海））')).toEqual({ source: '东方科讯网（上海）' })
  })

  it('takes the publication date over an update date, and keeps the update date for when there is no other', () => {
    expect(parseMetaLine('更新時間：2025/11/19 08:03 發佈時間：2025/11/18 21:27')).toEqual({ date: '2025-11-18', laterDate: '2025-11-19' })
    expect(parseMetaLine('最後更新：2025年11月19日 08:03')).toEqual({ laterDate: '2025-11-19' })
  })

  it('reads dates written with -, /, . or 年月日, with a time, a weekday or the ROC year', () => {
    expect(parseMetaLine('日期：2025年6月3日 星期二 09:30')?.date).toBe('2025-06-03')
    expect(parseMetaLine('时间：2025.06.03 上午9:30')?.date).toBe('2025-06-03')
    expect(parseMetaLine('發佈日期：114/11/18')?.date).toBe('2025-11-18')
    expect(parseMetaLine('2025/6/3（二）')?.date).toBe('2025-06-03')
  })

  it('does not take headlines or sentences that hold a label word for header lines', () => {
    expect(parseMetaLine('走訪科技園區的外國記者：創新動能持續增強')).toBeUndefined()
    expect(parseMetaLine('国家统计局发布：从9月1日起，新版统计口径开始使用，各地要做好衔接工作。')).toBeUndefined()
    expect(parseMetaLine('2025年3月5日国务院召开常务会议')).toBeUndefined()
  })
})

describe('cleanSource', () => {
  it('keeps inner brackets, drops an outer pair, a dangling bracket and trailing punctuation', () => {
    expect(cleanSource('央视网（北京）')).toBe('央视网（北京）')
    expect(cleanSource('（晨光日報）')).toBe('晨光日報')
    expect(cleanSource('晨光日報）')).toBe('晨光日報')
    expect(cleanSource(' 东方科讯网（上海）， ')).toBe('东方科讯网（上海）')
  })
})

describe('stripTitleSuffix', () => {
  it('removes the site name and section that pages append to the headline', () => {
    expect(stripTitleSuffix('新型深海探测器完成海试_科技频道_东方科讯网')).toBe('新型深海探测器完成海试')
    expect(stripTitleSuffix('市府推動綠能屋頂計畫 年底前完成百座｜晨光新聞網')).toBe('市府推動綠能屋頂計畫 年底前完成百座')
    expect(stripTitleSuffix('高铁新线今日开通 - 东方科讯网')).toBe('高铁新线今日开通')
  })

  it('removes a suffix known to be a site name even without a site word', () => {
    expect(stripTitleSuffix('離岸風電招標結果出爐｜風向傳媒', new Set(['風向傳媒']))).toBe('離岸風電招標結果出爐')
  })

  it('keeps a subtitle after a dash and a column before a bar', () => {
    expect(stripTitleSuffix('春风化雨润心田——记一位乡村教师的三十年')).toBe('春风化雨润心田——记一位乡村教师的三十年')
    expect(stripTitleSuffix('一图读懂｜2025年科技创新工作要点')).toBe('一图读懂｜2025年科技创新工作要点')
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

  it('does not make a date of a statistic’s year and the day of the lead', () => {
    expect(dateFromBody('1月3日，记者从民航局获悉，2024年我国民航旅客运输量再创新高。')).toBeUndefined()
    expect(dateFromBody('1月3日，2024年全省粮食总产量公布。')).toBeUndefined()
  })

  it('does not take an effective date or a deadline for the publication date', () => {
    expect(dateFromBody('新修订的管理办法自2026年1月1日起施行，原办法同时废止。')).toBeUndefined()
    expect(dateFromBody('申报截止到2025年12月31日，逾期不予受理。')).toBeUndefined()
  })

  it('never gives a date later than the file', () => {
    expect(dateFromBody('会议于2025年12月5日在太原举行。', { notAfter: '2025-11-30' })).toBeUndefined()
    expect(dateFromBody('会议于2025年11月5日在太原举行。', { notAfter: '2025-11-30' })).toBe('2025-11-05')
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
    expect(isTitleLine('科'.repeat(201))).toBe(false)
  })

  it('accepts headlines ending in ？ or ！ and long headlines without a full stop', () => {
    expect(isTitleLine('人工智能会取代医生吗？')).toBe(true)
    expect(isTitleLine('为新时代的科技工作者点赞！')).toBe(true)
    expect(isTitleLine(`${'省委召开全会 研究部署科技创新工作 '.repeat(5)}强调加快建设科技强省`)).toBe(true)
    expect(isTitleLine(`${'会议指出，要加快推进科技创新。'.repeat(6)}`)).toBe(false)
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

  it('passes over a 作者 line before the headline', () => {
    const meta = extractMetadata(
      cleanLines('作者：王小明\n乡村小学用上了智能黑板\n来源：东方科讯网 2025-03-05\n一所乡村小学近日用上了智能黑板。'),
    )
    expect(meta).toMatchObject({ title: '乡村小学用上了智能黑板', source: '东方科讯网', date: '2025-03-05' })
  })

  it('reads a headline given with a 标题 label', () => {
    expect(extractMetadata(cleanLines('标题：深海探测器完成万米海试\n发布时间：2025-03-05\n探测器下潜至万米深处。')).title).toBe(
      '深海探测器完成万米海试',
    )
  })

  it('takes the headline under a column name', () => {
    const meta = extractMetadata(cleanLines('國際\n多國科學家合作完成深海基因定序\n更新：2025年11月18日 10:00\n研究團隊今天發表成果。'))
    expect(meta).toMatchObject({ title: '多國科學家合作完成深海基因定序', date: '2025-11-18' })
    expect(meta.body).toEqual(['研究團隊今天發表成果。'])
  })

  it('keeps a column-named article whose only headline is the column name', () => {
    const meta = extractMetadata(cleanLines('科普时间\n发布时间：2025年03月05日\n今天我们来认识一种会发光的蘑菇。'))
    expect(meta.title).toBe('科普时间')
  })

  it('keeps a headline ending in ？ whole, with its inner punctuation', () => {
    const meta = extractMetadata(cleanLines('快评：人工智能会取代医生吗？\n发布时间：2025-03-05\n专家认为，短期内不会。'))
    expect(meta.title).toBe('快评：人工智能会取代医生吗？')
  })

  it('strips the site name from the headline and drops the headline repeated as the first body line', () => {
    const meta = extractMetadata(
      cleanLines(
        '新型深海探测器完成海试_科技频道_东方科讯网\n2025-03-05 10:12:30 来源：东方科讯网（上海）\n新型深海探测器完成海试\n探测器下潜至万米深处。',
      ),
    )
    expect(meta).toEqual({
      title: '新型深海探测器完成海试',
      site: '东方科讯网',
      date: '2025-03-05',
      source: '东方科讯网（上海）',
      body: ['探测器下潜至万米深处。'],
    })
  })

  it('reads the date line that signs off a notice when the header has none', () => {
    const meta = extractMetadata(cleanLines('关于开展科技活动周的通知\n各市科技局：\n现将有关事项通知如下。\n省科学技术厅\n2025年5月6日'))
    expect(meta.date).toBe('2025-05-06')
  })

  it('uses an update date only when the page gives no other', () => {
    expect(extractMetadata(cleanLines('标题行\n最後更新：2025年11月19日\n正文內容。')).date).toBe('2025-11-19')
    expect(extractMetadata(cleanLines('标题行\n更新時間：2025/11/19 發佈時間：2025/11/18\n正文內容。')).date).toBe('2025-11-18')
  })

  it('does not read 时间 lines deep in the body as metadata', () => {
    const meta = extractMetadata(cleanLines('活动通知\n第一段正文。\n第二段正文。\n时间:2024年5月1日上午'))
    expect(meta.date).toBeUndefined()
    expect(meta.body).toContain('时间:2024年5月1日上午')
  })
})
