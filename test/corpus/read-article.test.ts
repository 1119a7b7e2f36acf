import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/corpus/read-article.js'
import type { Article } from '../../src/corpus/article.js'

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds')
const SEED_FILES = [
  '000_a26d11e632a73800.txt',
  '001_7d3c0c2c60a354c7.txt',
  '002_40e531fa063e6c82.txt',
  '003_e6774973cb8e09e3.txt',
  '004_139d6f125a4d7ad2.txt',
] as const

function read(file: string, bytes: Uint8Array = readFileSync(join(SEEDS, file))): Article {
  const r = readArticle({ id: file.slice(0, 3), file, bytes })
  if (!r.ok) throw new Error(`${file}: ${r.reason}`)
  return r.article
}

describe('readArticle on the seed articles', () => {
  const expected: Record<string, Pick<Article, 'title' | 'date' | 'source' | 'script'>> = {
    '000_a26d11e632a73800.txt': { title: '中國煤炭地質總局召開科技專題工作會', date: '2024-09-29', source: '森工機械', script: 'hant' },
    '001_7d3c0c2c60a354c7.txt': { title: '中国铜业召开2024年科技工作会议', date: '2024-05-11', source: '中国铜业有限公司', script: 'hans' },
    '002_40e531fa063e6c82.txt': {
      title: '围绕中心强支撑 只争朝夕抓落实 省科技厅召开一季度重点工作交流会',
      date: '2022-04-11',
      source: '厅办公室、省科技宣传教育中心',
      script: 'hans',
    },
    // No title line: the headline-like first sentence; no labelled date: month-day and year of that sentence.
    '003_e6774973cb8e09e3.txt': { title: '2024年平頂山市科技工作會議召開', date: '2024-03-29', script: 'hant' },
    '004_139d6f125a4d7ad2.txt': {
      title: '习近平总书记在江苏考察时重要讲话激励我省广大干部群众—— 依靠创新驱动推动高质量发展',
      date: '2023-07-09',
      source: '山西日报',
      script: 'hans',
    },
  }

  for (const file of SEED_FILES) {
    it(`reads title, date, source and script of ${file}`, () => {
      const a = read(file)
      expect({ title: a.title, date: a.date, source: a.source, script: a.script }).toEqual(expected[file])
      expect(a.file).toBe(file)
    })

    it(`leaves no boilerplate or damage in the text of ${file}`, () => {
      const { text } = read(file)
      for (const junk of [
        '当前位置',
        '當前位置',
        'ICP',
        '版权所有',
        '免責聲明',
        '免责声明',
        '打印',
        '浏览次数',
        '(zhì)',
        '(fā)',
        '??',
        '\ufffd',
        '来源:',
        '來源:',
        '发布日期',
        '编辑:',
        '联系我们',
        '地址:',
        '首页',
        '图片轮播',
      ]) {
        expect(text, junk).not.toContain(junk)
      }
      expect(text).not.toMatch(/\n\n|^\s|\s$|\u00a0| {2}/)
    })

    it(`keeps offsets of paragraphs and passages consistent in ${file}`, () => {
      const a = read(file)
      expect(a.paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual(a.text.split('\n'))
      expect(a.passages.length).toBeGreaterThanOrEqual(a.paragraphs.length)
      for (const p of a.passages) {
        const para = a.paragraphs[p.paragraph]!
        expect(p.start).toBeGreaterThanOrEqual(para.start)
        expect(p.end).toBeLessThanOrEqual(para.end)
        expect(p.end).toBeGreaterThan(p.start)
      }
      // Every paragraph is fully covered by its passages.
      a.paragraphs.forEach((para, i) => {
        const mine = a.passages.filter((p) => p.paragraph === i)
        expect(mine[0]!.start).toBe(para.start)
        expect(mine[mine.length - 1]!.end).toBe(para.end)
      })
      expect(a.contentHash).toBe(createHash('sha256').update(a.text).digest('hex'))
    })
  }

  it('does not repeat the title at the start of the text', () => {
    for (const file of ['000_a26d11e632a73800.txt', '001_7d3c0c2c60a354c7.txt', '002_40e531fa063e6c82.txt', '004_139d6f125a4d7ad2.txt']) {
      const a = read(file)
      expect(a.text.startsWith(a.title)).toBe(false)
    }
  })

  it('repairs the three GBK-damaged places in seeds/000', () => {
    const { text } = read('000_a26d11e632a73800.txt')
    expect(text).toContain('高質量發展。總局局長助理')
    expect(text).toContain('進一步指明了方向。總局黨委高度重視')
    expect(text).toContain('部署學習貫徹工作。總局黨委帶頭')
    expect(text).toContain('作出新貢獻。\n')
    expect(text).not.toMatch(/[?偩]|贮h/)
  })

  it('removes pinyin annotations but keeps real parentheses', () => {
    const a = read('003_e6774973cb8e09e3.txt')
    expect(a.text).toContain('創新')
    expect(a.text).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/)
    expect(a.text).toContain('各縣(市、區)科技管理部門負責同志')
    expect(read('002_40e531fa063e6c82.txt').text).toContain('县(市、区)委书记')
  })

  it('drops the section label and the disclaimer but keeps short subheadings and the byline', () => {
    const a = read('004_139d6f125a4d7ad2.txt')
    expect(a.text.startsWith('7月5日至7日,习近平总书记在江苏考察时')).toBe(true)
    expect(a.text).toContain('\n集聚创新要素,充分激发创新活力,为推进中国式现代化作出科技贡献\n')
    expect(a.text).toContain('\n产教融合,科教融汇,做大做强高新技术企业群体\n')
    expect(a.text.endsWith('(记者沈佳 李林霞 杨彧 贺锴 贾力军 李家鸣 周明飞)')).toBe(true)
    expect(read('003_e6774973cb8e09e3.txt').text.endsWith('局機關各科室及局屬事業單位負責同志參加會議。')).toBe(true)
  })

  it('ends seeds/001 and seeds/002 with the last real paragraph', () => {
    expect(read('001_7d3c0c2c60a354c7.txt').text.endsWith('科研人员代表参加会议。(高文杰、黎佩佩)')).toBe(true)
    expect(read('002_40e531fa063e6c82.txt').text.endsWith('规划处、高新处、社发处作了补充汇报。')).toBe(true)
  })

  it('splits the long paragraphs of seeds/002 into several passages', () => {
    const a = read('002_40e531fa063e6c82.txt')
    const longest = a.paragraphs[1]!
    expect(longest.end - longest.start).toBeGreaterThan(900)
    const windows = a.passages.filter((p) => p.paragraph === 1)
    expect(windows.length).toBeGreaterThanOrEqual(4)
    for (const w of windows) expect(w.end - w.start).toBeLessThanOrEqual(300)
  })
})

describe('readArticle across encodings', () => {
  it('reads a GBK copy of a seed to the same article as the UTF-8 original', () => {
    const utf8 = read('001_7d3c0c2c60a354c7.txt')
    // GBK has no NBSP or en space: a GBK page would have plain spaces there.
    const source = readFileSync(join(SEEDS, '001_7d3c0c2c60a354c7.txt'), 'utf8').replace(/[\u00a0\u2002]/g, ' ')
    const gbk = read('001_7d3c0c2c60a354c7.txt', iconv.encode(source, 'gbk'))
    expect(gbk.contentHash).toBe(utf8.contentHash)
    expect(gbk.title).toBe(utf8.title)
  })

  it('reads a Big5 copy of a Traditional article to the same text', () => {
    const original =
      '教育部召開科技工作會議\n來源:中央社 發布時間:2024/3/29\n會議強調,要深入實施創新驅動發展戰略,強化協同創新。\n各縣(市、區)科技管理部門負責同志參加會議。'
    const a = read('big5.txt', iconv.encode(original, 'big5'))
    expect(a).toMatchObject({ title: '教育部召開科技工作會議', source: '中央社', date: '2024-03-29', script: 'hant' })
    expect(a.text).toBe('會議強調,要深入實施創新驅動發展戰略,強化協同創新。\n各縣(市、區)科技管理部門負責同志參加會議。')
  })

  it('reads UTF-16 LE with BOM and CRLF line ends', () => {
    const original = '科技工作会议召开\r\n\r\n  会议强调,要深入实施创新驱动发展战略。\r\n'
    const a = read('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(original, 'utf-16le')]))
    expect(a.title).toBe('科技工作会议召开')
    expect(a.text).toBe('会议强调,要深入实施创新驱动发展战略。')
  })
})

describe('readArticle on files that are not articles', () => {
  it('skips an empty file', () => {
    expect(readArticle({ id: 'e', file: 'empty.txt', bytes: new Uint8Array() })).toEqual({ ok: false, reason: 'empty file' })
  })

  it('skips a binary file', () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00])
    expect(readArticle({ id: 'b', file: 'archive.txt', bytes })).toEqual({ ok: false, reason: 'not a text file (binary data)' })
  })

  it('skips a page that is all boilerplate', () => {
    const page = '当前位置:首页 > 新闻\n\n集团首页|联系我们|公司简介|招聘信息\n版权所有 中国铝业集团有限公司 京ICP备16034488号-1\n打印 关闭'
    expect(readArticle({ id: 'p', file: 'nav.txt', bytes: Buffer.from(page) })).toEqual({
      ok: false,
      reason: 'no readable text after cleaning',
    })
  })

  it('falls back to the file name when there is no title line and no headline-like sentence', () => {
    const body = '会议强调,要深入实施创新驱动发展战略,强化协同创新,完善体制机制,建设成果转化高地。会议部署了全年任务。'
    const a = read('sub/2024_report.txt', Buffer.from(body))
    expect(a.title).toBe('2024_report')
    expect(a.text).toBe(body)
  })
})
