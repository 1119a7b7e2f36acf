import { describe, expect, it } from 'vitest'
import {
  breadcrumbItems,
  classifyLine,
  cleanLines,
  normalizeCharacters,
  repairGbkDamage,
  stripPinyinGlosses,
} from '../../src/corpus/clean.js'

describe('stripPinyinGlosses', () => {
  it('removes pinyin glued after characters in a real title', () => {
    expect(stripPinyinGlosses('中國煤炭地質(zhì)總局召開科技專題工作會')).toBe('中國煤炭地質總局召開科技專題工作會')
  })

  it('removes several glosses in a row, including multi-syllable-looking ones', () => {
    expect(stripPinyinGlosses('科技創(chuàng)新領(lǐng)導(dǎo)小組組長')).toBe('科技創新領導小組組長')
    expect(stripPinyinGlosses('生態(tài)保護和高質(zhì)量發(fā)展')).toBe('生態保護和高質量發展')
  })

  it('accepts full-width parentheses', () => {
    expect(stripPinyinGlosses('發（fā）展')).toBe('發展')
  })

  it('accepts ü and ê as marks', () => {
    expect(stripPinyinGlosses('綠(lü)色')).toBe('綠色')
  })

  it('keeps parentheses that are not pinyin', () => {
    for (const s of ['人工智能(AI)技术', '报告(2024)发布', '县(市、区)委书记', '参加会议。(高文杰、黎佩佩)', '模型(model)训练']) {
      expect(stripPinyinGlosses(s)).toBe(s)
    }
  })

  it('keeps a toned gloss that does not follow a Chinese character', () => {
    expect(stripPinyinGlosses('Zhong (zhōng) means middle')).toBe('Zhong (zhōng) means middle')
  })

  it('keeps groups longer than twelve letters', () => {
    expect(stripPinyinGlosses('字(zhōngguórénmínbi)')).toBe('字(zhōngguórénmínbi)')
  })
})

describe('repairGbkDamage', () => {
  // Context from seeds/000: the document says 總局 many times, which supports the repair.
  const doc = '加大總局頂層統籌協調。總局黨委要進一步統籌全局科技資源。'

  it('restores 。總局局長 from ??偩志珠L', () => {
    const text = `${doc}促進黃河流域生態保護和高質量發展??偩志珠L助理、一級首席專家`
    expect(repairGbkDamage(text)).toBe(`${doc}促進黃河流域生態保護和高質量發展。總局局長助理、一級首席專家`)
  })

  it('restores 。總局黨委 from ??偩贮h委', () => {
    const text = `${doc}進一步指明了方向??偩贮h委高度重視,第一時間`
    expect(repairGbkDamage(text)).toBe(`${doc}進一步指明了方向。總局黨委高度重視,第一時間`)
  })

  it('does not add a full stop after punctuation', () => {
    const text = `${doc}\n??偩贮h委帶頭`
    expect(repairGbkDamage(text)).toBe(`${doc}\n總局黨委帶頭`)
  })

  it('restores a damaged sentence start when its bigram occurs only once elsewhere', () => {
    expect(repairGbkDamage('總局黨委。發展??偩志珠L助理')).toBe('總局黨委。發展。總局局長助理')
  })

  it('removes the damage and its garbage when nothing in the document supports a repair', () => {
    expect(repairGbkDamage('發展??偩志珠L助理')).toBe('發展助理')
  })

  it('removes a trailing ?? after a full stop', () => {
    expect(repairGbkDamage('履行新使命,作出新貢獻。??\n賈春曲指出')).toBe('履行新使命,作出新貢獻。\n賈春曲指出')
  })

  it('leaves question marks in Latin text alone', () => {
    expect(repairGbkDamage('he asked: really?? No')).toBe('he asked: really?? No')
  })
})

describe('normalizeCharacters', () => {
  it('normalises CRLF and CR, turns NBSP and en spaces into spaces and drops U+FFFD and controls', () => {
    expect(normalizeCharacters('首页\u00a0>\u00a0图片轮播\r\n中国铜业网讯 \u20025月9日\r会\ufffd议\u0001召开')).toBe(
      '首页 > 图片轮播\n中国铜业网讯  5月9日\n会议召开',
    )
  })
})

describe('classifyLine', () => {
  it('recognises breadcrumbs', () => {
    expect(classifyLine('当前位置:')).toBe('breadcrumb')
    expect(classifyLine('当前位置: 本站首页 >> 综合资讯 >> 要闻要论 >> 正文')).toBe('breadcrumb')
    expect(classifyLine('首页 > 图片轮播')).toBe('breadcrumb')
    expect(classifyLine('當前位置:首頁 > 新聞中心 > 科技動態')).toBe('breadcrumb')
    expect(classifyLine('新闻中心 > 科技动态 > 正文')).toBe('breadcrumb')
  })

  it('recognises a section label repeating the last crumb, but only after that breadcrumb', () => {
    const crumbs = new Set(breadcrumbItems('当前位置: 本站首页 >> 综合资讯 >> 要闻要论 >> 正文'))
    expect(crumbs).toEqual(new Set(['综合资讯', '要闻要论']))
    expect(classifyLine('要闻要论', crumbs)).toBe('breadcrumb')
    expect(classifyLine('要闻要论')).toBeUndefined()
  })

  it('recognises navigation and footer lines', () => {
    expect(classifyLine('集团首页|联系我们|公司简介|招聘信息')).toBe('navigation')
    expect(classifyLine('地址:中华人民共和国北京市海淀区西直门北大街62号')).toBe('footer')
    expect(classifyLine('上一篇:省科技厅召开党组会议')).toBe('navigation')
  })

  it('recognises copyright and ICP lines in both scripts', () => {
    expect(classifyLine('版权所有 中国铝业集团有限公司 京ICP备16034488号-1 京公网安备11040102700155')).toBe('copyright')
    expect(classifyLine('版權所有 © 2024 臺灣科技新聞網')).toBe('copyright')
    expect(classifyLine('京ICP备16034488号-1')).toBe('copyright')
  })

  it('recognises a disclaimer by its label even when it is a long paragraph', () => {
    const disclaimer =
      '免責聲明:本網轉載自其它媒體的文章,目的在于弘揚科技創新精神,傳遞更多科技創新信息,宣傳國家科技政策,展示國家科技形象,增強國家科技軟實力,參與國際科技輿論競爭,提高國際科技話語權,並不代表本網贊同其觀點和對其真實性負責,在此我們謹向原作者和原媒體致以崇高敬意。如果您認為本網文章及圖片侵犯了您的版權,請與我們聯系,我們將第一時間刪除。'
    expect(disclaimer.length).toBeGreaterThan(150)
    expect(classifyLine(disclaimer)).toBe('disclaimer')
    expect(classifyLine('免责声明:本网站转载的文章仅供参考。')).toBe('disclaimer')
  })

  it('recognises print/close buttons and view counters in both scripts', () => {
    expect(classifyLine('打印 关闭')).toBe('print-close')
    expect(classifyLine('列印 關閉')).toBe('print-close')
    expect(classifyLine('【打印本页】【关闭窗口】')).toBe('print-close')
    expect(classifyLine('【字体:大 中 小】')).toBe('print-close')
    expect(classifyLine('浏览次数:')).toBe('counter')
    expect(classifyLine('瀏覽次數:1024')).toBe('counter')
    // Taiwan vocabulary, as OpenCC's cn→twp writes it: 視窗, 字型, 點選.
    expect(classifyLine('【列印本頁】【關閉視窗】')).toBe('print-close')
    expect(classifyLine('【字型:大 中 小】')).toBe('print-close')
    expect(classifyLine('點選數:1024')).toBe('counter')
  })

  it('recognises decorative rules that hold no word', () => {
    expect(classifyLine('——————')).toBe('separator')
    expect(classifyLine('* * *')).toBe('separator')
    expect(classifyLine('——2024——')).toBeUndefined()
  })

  it('recognises editor and source credit lines', () => {
    expect(classifyLine('(来源:厅办公室、省科技宣传教育中心 编辑:袁晓玲)')).toBe('credit')
    expect(classifyLine('责任编辑:王小明')).toBe('credit')
  })

  it('keeps content: subheadings, reporter bylines, paragraphs that mention boilerplate words', () => {
    const crumbs = new Set(['综合资讯', '要闻要论'])
    for (const line of [
      '集聚创新要素,充分激发创新活力,为推进中国式现代化作出科技贡献',
      '产教融合,科教融汇,做大做强高新技术企业群体',
      '会议设主会场和视频分会场。中国铜业总经理助理、总法律顾问、相关部门负责人参加会议。(高文杰、黎佩佩)',
      '会议强调,要加强知识产权保护,尊重原创作者的版权所有权益,严厉打击侵权盗版行为,营造良好创新环境,推动产业高质量发展,为科技自立自强提供有力的法治保障和制度支撑。',
      '习近平总书记在江苏考察时重要讲话激励我省广大干部群众—— 依靠创新驱动推动高质量发展',
      '打印机产业链加快升级',
      '大 中 小',
      '经费投入 > 2000万元的项目',
    ]) {
      expect(classifyLine(line, crumbs)).toBeUndefined()
    }
  })
})

describe('cleanLines', () => {
  it('trims indentation, collapses spaces and drops empty lines', () => {
    const lines = cleanLines('    发布日期:2023-07-09 来源:山西日报\r\n\r\n    7月5日至7日,习近平总书记在江苏考察。\n\n\n')
    expect(lines.map((l) => l.text)).toEqual(['发布日期:2023-07-09 来源:山西日报', '7月5日至7日,习近平总书记在江苏考察。'])
  })

  it('collapses the NBSP run inside a credit line and classifies it', () => {
    const lines = cleanLines('(来源:厅办公室、省科技宣传教育中心\u00a0 \u00a0编辑:袁晓玲)')
    expect(lines).toEqual([{ text: '(来源:厅办公室、省科技宣传教育中心 编辑:袁晓玲)', kind: 'credit' }])
  })

  it('marks a related-news heading and the other articles’ titles after it', () => {
    const lines = cleanLines(
      '深海探测器完成海试\n探测器下潜至万米深处。\n相關新聞\n綠能屋頂計畫啟動\n高鐵新線今日通車\n版权所有 东方科讯网',
    )
    expect(lines.map((l) => l.kind)).toEqual([undefined, undefined, 'related', 'related', 'related', 'copyright'])
  })

  it('keeps what follows a related-news heading when a paragraph comes after it', () => {
    const lines = cleanLines('推荐阅读\n綠能屋頂計畫啟動\n市府今天宣布啟動綠能屋頂計畫，年底前完成百座。')
    expect(lines.every((l) => l.kind === undefined)).toBe(true)
  })

  it('treats address lines as footer only at the end of the page', () => {
    const page =
      '地址:宜兰县头城镇港口里港口路15-7号 电话:03-9782345\n头城镇老街保留了清代建筑。\n集团首页|联系我们|公司简介|招聘信息\n地址:中华人民共和国北京市海淀区西直门北大街62号'
    expect(cleanLines(page).map((l) => l.kind)).toEqual([undefined, undefined, 'navigation', 'footer'])
  })

  it('marks the section label after the breadcrumb of seeds/004 as boilerplate', () => {
    const lines = cleanLines(
      '当前位置: 本站首页 >> 综合资讯 >> 要闻要论 >> 正文\n\n要闻要论\n\n    习近平总书记在江苏考察时重要讲话激励我省广大干部群众',
    )
    expect(lines.map((l) => l.kind)).toEqual(['breadcrumb', 'breadcrumb', undefined])
  })
})
