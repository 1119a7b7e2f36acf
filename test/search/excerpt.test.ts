import { describe, expect, it } from 'vitest'
import { buildExcerpt, EXCERPT_MAX, EXCERPT_MIN, focusScores, scoreSentences, titleNamesSubject } from '../../src/search/excerpt.js'
import { sentenceSpans } from '../../src/text/sentences.js'
import { fold } from '../../src/text/script.js'
import { parseQuery } from '../../src/search/tokenize.js'
import type { Excerpt } from '../../src/search/types.js'
import { indexOfTexts } from '../helpers/text-index.js'

/** The excerpt a question gets from one article (with a title, if given), every query term weighing the same. */
function excerptFor(text: string, question: string, weightOf: (term: string) => number = () => 1, title = ''): Excerpt {
  const parsed = parseQuery(question)
  const weights = new Map(parsed.terms.map((t) => [t, weightOf(t)] as [string, number]))
  const folded = fold(text)
  const subject = title !== '' && titleNamesSubject(fold(title)) ? fold(title) : ''
  const scored = focusScores(scoreSentences(folded, sentenceSpans(text), weights), weights, subject)
  const excerpt = buildExcerpt(text, folded, scored, parsed, subject)
  if (!excerpt) throw new Error(`no excerpt for ${question}`)
  return excerpt
}

const marked = (e: Excerpt) => e.highlights.map((h) => e.text.slice(h.start, h.end))

/** Starts at the start of the text, a paragraph, a sentence or a clause; ends at the end of one. */
function expectClean(text: string, e: Excerpt) {
  expect(text.slice(e.start, e.end)).toBe(e.text)
  expect(e.text.length).toBeLessThanOrEqual(EXCERPT_MAX)
  expect(e.text.length).toBeGreaterThanOrEqual(Math.min(EXCERPT_MIN, text.length))
  const before = text[e.start - 1]
  expect(before === undefined || /[\n。！？；，、：,;:!?”」』）)]/.test(before)).toBe(true)
  const last = text[e.end - 1]!
  expect(e.end === text.length || /[。！？；，、：,;:!?”」』）)]/.test(last)).toBe(true)
}

const filler = (n: number) => '会议还听取了各部门的工作汇报，并对下一阶段的重点任务作出部署。'.repeat(n)

describe('excerpts', () => {
  it('cut a sentence that is one long list between its items, not to its opening clause alone', () => {
    const units = Array.from({ length: 30 }, (_, i) => `星河第${i + 1}研究所`).join('、')
    const text = `星河网消息：经理事会批准，第四轮专项检查将对${units}等30家单位开展检查。`
    const e = excerptFor(text, '第四轮专项检查 单位数量')
    expectClean(text, e)
    expect(e.text.length).toBeGreaterThan(EXCERPT_MIN)
  })

  it('show the sentence after the matching one when the answer follows it', () => {
    const text = `${filler(3)}平顶山市科技局召开全市科技工作会议。会议地点设在市政府第一会议室。${filler(3)}`
    const e = excerptFor(text, '平顶山市科技工作会议在哪里召开？')
    expect(e.text).toContain('平顶山市科技局召开全市科技工作会议。')
    expect(e.text).toContain('市政府第一会议室')
    expectClean(text, e)
  })

  it('lead with the sentence that answers, not with the sentences before it', () => {
    const text = `${filler(4)}全社会研发投入强度达到2.06%，创新主体培育量质齐升。${filler(4)}`
    const e = excerptFor(text, '研发投入强度是多少？')
    expect(e.text.startsWith('全社会研发投入强度达到2.06%')).toBe(true)
    // And go on after it, short enough to scan.
    expect(e.text.length).toBeGreaterThan(100)
    expect(e.text.length).toBeLessThanOrEqual(160)
    expectClean(text, e)
  })

  it('lead with the sentence before when the matching one points back to it (他…)', () => {
    const text = `${filler(3)}许波当选为新一届理事长。他随后宣布成立中试基地联盟。${filler(6)}`
    const e = excerptFor(text, '谁宣布成立中试基地联盟？')
    expect(e.text.startsWith('许波当选为新一届理事长。')).toBe(true)
    expectClean(text, e)
  })

  it('lead with the sentence holding the year a question asks for, when the matching one only says 同年', () => {
    const text = `${filler(3)}2019年，研究院在郑州成立。同年，研究院建成首条中试生产线，年产能五百吨。${filler(3)}`
    const e = excerptFor(text, '研究院在哪一年建成首条中试生产线？')
    expect(e.text.startsWith('2019年，研究院在郑州成立。')).toBe(true)
    expectClean(text, e)
  })

  it('lead with the sentence holding the year a question asks for, past one holding only a month and day', () => {
    const text = `${filler(3)}2016年，研究院在郑州成立。5月起在高新区筹建面积两万平方米的基地和配套实验楼。研究院于9月12日建成首条中试生产线。这条生产线由研究院与本省企业共同承建。${filler(6)}`
    const e = excerptFor(text, '研究院在哪一年建成首条中试生产线？')
    expect(e.text.startsWith('2016年，研究院在郑州成立。')).toBe(true)
    expect(e.text).toContain('研究院于9月12日建成首条中试生产线。')
    expectClean(text, e)
  })

  it('read the sentence before the matching one first when it holds more of the question than the one after', () => {
    const text = `${filler(3)}张华教授带领团队研制出新型固态电池。固态电池研发历时五年，耗资三千万元。${filler(6)}`
    const e = excerptFor(text, '研发历时五年的电池是谁研制的？')
    expect(e.text.startsWith('张华教授带领团队研制出新型固态电池。固态电池研发历时五年')).toBe(true)
    expectClean(text, e)
  })

  it('do not lead with the sentence a matching one points back to when that pushes its end out', () => {
    const before = `这种灌木${'生长在山坡、林缘和溪边的灌丛中，'.repeat(9)}各地均有栽培。`
    const text = `${filler(2)}${before}其叶片互生，排列紧密，叶片呈卵圆形，边缘有细锯齿。${filler(2)}`
    const e = excerptFor(text, '它的叶片是什么形状？')
    expect(e.text).toContain('叶片呈卵圆形，边缘有细锯齿。')
    expectClean(text, e)
  })

  it('spend the budget a paragraph end leaves on the sentences before the matching one', () => {
    const text = `${filler(4)}研究团队在山西发现了一处新的恐龙化石点。化石点出土的骨骼属于一种小型鸟脚类恐龙。\n下一段讲的是别的事情。`
    const e = excerptFor(text, '化石点出土的骨骼属于哪种恐龙？')
    expect(e.text).toContain('研究团队在山西发现了一处新的恐龙化石点。化石点出土的骨骼属于一种小型鸟脚类恐龙。')
    expect(e.text.length).toBeGreaterThan(100)
    expectClean(text, e)
  })

  it('lead with the sentence naming the kind of thing a question asks for (哪场战役)', () => {
    const text = `${filler(2)}双方在渡口战役中激战三天，守军伤亡过半。援军赶到以前，这次会战中守军损失最大，此后再未组织反攻。${filler(6)}`
    const e = excerptFor(text, '这次会战中守军损失最大的是哪场战役？')
    expect(e.text.startsWith('双方在渡口战役中激战三天')).toBe(true)
    expectClean(text, e)
  })

  it('run on through the matching sentence when led by an earlier one holding the year asked for', () => {
    const text =
      `${filler(2)}研究院的中试平台面向全省企业开放，已为两百多家企业提供小试、中试和检验检测服务，累计转化科技成果八十余项，带动新增产值超过三十亿元。` +
      '2019年，研究院在郑州成立。' +
      '当天还举行了揭牌仪式，来自高校、科研院所和龙头企业的多位专家出席，并围绕产业技术创新、人才培养、平台共建和科技成果转化等议题进行了深入交流。' +
      `研究院建成首条中试生产线，年产能五百吨。${filler(3)}`
    const e = excerptFor(text, '研究院在哪一年建成首条中试生产线？')
    expect(e.text.startsWith('2019年，研究院在郑州成立。')).toBe(true)
    expect(e.text).toContain('研究院建成首条中试生产线')
    expectClean(text, e)
  })

  it('read on from a sentence announcing what follows (…有以下三点：), not back from it', () => {
    const text =
      `${filler(2)}秦汉至隋唐的乡里制度历经千余年，在历史变迁中有继承又有发展，各朝之间其具体形式不尽相同，但其实质内容都是一样的。` +
      '其特点主要有以下三点：第一，职官与长者并用，既设立行政官吏，又注意发挥地方长老作用。' +
      '第二，刑禁与教化并施，对居民既施行什伍连坐，又进行教育感化。' +
      '第三，秩序制和晋升制于一体，形成宰相起于州部、猛将出于卒伍的运行机制。' +
      `乡里制度作为基层组织体系，其职能有四个方面。${filler(2)}`
    const e = excerptFor(text, '乡里制度的特点是什么？', (t) => (t === '特点' ? 4 : 1))
    expect(e.text.startsWith('其特点主要有以下三点：')).toBe(true)
    expect(e.text).toContain('第三，秩序制和晋升制于一体')
    expectClean(text, e)
  })

  it('keep the tail of an over-long matching sentence: the clause after the match often holds the answer', () => {
    const head = '据悉，'.repeat(40)
    const text = `${head}本次会议确定的中试基地建设目标为，到2025年建成省级中试基地十个，带动企业研发投入超过五十亿元，${'并持续完善配套服务体系，'.repeat(10)}。`
    const e = excerptFor(text, '中试基地建设目标是什么？')
    expect(e.text).toContain('中试基地建设目标为，')
    expect(e.text).toContain('到2025年建成省级中试基地十个，')
    expectClean(text, e)
  })

  it('keep the clause with the number a question asks for when cutting an over-long sentence', () => {
    const text =
      `${filler(2)}省级中试基地建设要与已建成的产业园区相衔接，围绕中试基地布局完善中试基地服务体系，推动中试基地与高校院所、龙头企业深度合作，` +
      '支持中试基地开展工艺验证、样品试制和检验检测，鼓励中试基地向社会开放共享仪器设备，引导中试基地建立健全运营管理制度，' +
      '促进中试基地持续健康发展，各市县也要结合本地产业特点谋划建设一批市级平台，目前全省省级中试基地建成十二个。'
    const e = excerptFor(text, '省级中试基地建成了多少个？')
    expect(e.text).toContain('目前全省省级中试基地建成十二个。')
    expectClean(text, e)
  })

  it('stay within the paragraph when it holds enough, and go on into the next when it does not', () => {
    const long = `上一段讲的是别的事情。\n黄河流域生态保护和高质量发展是重大国家战略，${'沿黄各省区要协同推进大治理，'.repeat(4)}守护好母亲河。\n下一段讲的也是别的事情。`
    const e = excerptFor(long, '黄河流域生态保护')
    expect(e.text.startsWith('黄河流域生态保护')).toBe(true)
    expect(e.text).not.toContain('\n')
    // A one-sentence paragraph, as news writes them, is read on into the next one.
    const short = `上一段讲的是别的事情。\n黄河流域生态保护是重大国家战略。\n沿黄各省区要协同推进大保护、大治理，守护好母亲河，让黄河成为造福人民的幸福河。`
    const f = excerptFor(short, '黄河流域生态保护')
    expect(f.text.startsWith('黄河流域生态保护是重大国家战略。')).toBe(true)
    expect(f.text).toContain('沿黄各省区')
    expect(f.text).not.toContain('上一段')
  })

  it('mark whole words, never a fragment of one', () => {
    const text = `${filler(2)}全省要实现碳达峰碳中和目标，2024年投入比2023年增长一成。${filler(2)}`
    expect(marked(excerptFor(text, '碳中和'))).toEqual(['碳中和'])
    expect(marked(excerptFor(text, '2024年'))).toEqual(['2024年'])
  })

  it('mark only the words that carry a question, not every common word of it', () => {
    const text = `${filler(1)}中国铜业召开科技工作会议。会议在昆明召开，中国铜业各单位参加会议。${filler(1)}`
    const spans = marked(excerptFor(text, '中国铜业的会议在哪里召开？'))
    expect(spans.length).toBeGreaterThan(0)
    for (const s of spans) expect(s).toBe('中国铜业')
  })

  it('mark the matched words, in the original script, and nothing else', () => {
    const text = `${filler(2)}中國煤炭地質總局召開科技專題工作會，部署採煤沉陷區綜合治理。${filler(2)}`
    const e = excerptFor(text, '采煤沉陷区综合治理')
    expect(marked(e)).toEqual(['採煤沉陷區綜合治理'])
    expectClean(text, e)
  })
})

describe('choosing the excerpt', () => {
  it('shows the sentence about what is asked when the lead only names the subject', () => {
    const text =
      '紫纹石斑鱼，又称紫斑鲙，为鲈形目鮨科的一种。本鱼分布于西太平洋区，栖息在珊瑚礁附近。体呈褐色，有许多紫色斑点。' +
      '头部较大，眼睛位于头的上方，口裂宽大，下颌略长于上颌，两颌都有细小的牙齿。'.repeat(3) +
      '背鳍硬棘十一枚。体长可达四十公分。以小鱼和甲壳类为食。为高级食用鱼。'
    const e = excerptFor(text, '紫纹石斑鱼以什么为食？')
    expect(e.text).toContain('以小鱼和甲壳类为食')
  })

  it('shows the sentence with the specifics of the question, not the lead that only names the subject', () => {
    const lead = '罗保铭，天津人，1969年5月参加工作，1971年8月加入中国共产党，曾任海南省省长、中共海南省委书记。'
    const career = '1984年3月，任共青团天津市委研究室主任。1984年11月，任共青团天津市委副书记。1985年11月，任共青团天津市委书记。'
    const target = '1992年4月，任中共天津市大港区委副书记、代区长。'
    const later = '1994年10月，任中共天津市大港区委书记、区长。1995年7月，任天津市商业委员会主任。1997年10月，任中共天津市委常委。'
    const text = `${lead}\n${career}\n${target}\n${later}`
    // Weights as a corpus gives them: the rare name weighs more than the date.
    const idf: Record<string, number> = {
      罗保: 6.2,
      保铭: 6.2,
      铭担: 6.2,
      担任: 2.5,
      职务: 4.3,
      '1992': 3.3,
      '1992年': 3.3,
      '4月': 2.5,
      '4': 1.4,
    }
    const e = excerptFor(text, '1992年4月，罗保铭担任什么职务？', (t) => idf[t] ?? 0.5)
    expect(e.text).toContain('1992年4月，任中共天津市大港区委副书记、代区长。')
    expect(e.text).not.toContain('罗保铭')
  })

  it('takes in the sentences before the matching one, one by one, while each holds more of the question than the one after', () => {
    const text =
      `${filler(3)}新型固态电池由张华教授团队研制。` +
      '团队的固态电池研发历时五年。' +
      '固态电池研发耗资三千万元，团队于今年三月通过验收。' +
      `${filler(6)}`
    const e = excerptFor(text, '张华团队研制的固态电池研发耗资多少？')
    expect(e.text.startsWith('新型固态电池由张华教授团队研制。团队的固态电池研发历时五年。')).toBe(true)
    expect(e.text).toContain('三千万元')
    expectClean(text, e)
  })

  it('takes in the sentence holding the number a question asks for (多大), before one holding more of its words', () => {
    const before =
      '该所的科研人员长期开展盐碱地改良技术研究，相关成果在黄河沿岸的多个县市得到应用，获得了社会各界和当地农户的好评，其中多项成果获得了国家发明专利，并被列入省级农业主推技术目录，为农业增产和农民增收作出了贡献，还带动了周边地区的发展。'
    const lead = '盐碱地改良技术示范区的面积今年进一步扩大，改良效果得到了普遍认可。'
    const after = '目前累计已经达到了一万二千亩左右的规模，小麦单产提高了百分之十五。'
    const text = `${filler(2)}${before}${lead}${after}${filler(2)}`
    const e = excerptFor(text, '盐碱地改良技术示范区的面积有多大？')
    expect(e.text).toContain('一万二千亩')
    expectClean(text, e)
  })
})

describe('an article title in choosing the excerpt', () => {
  const text =
    '西贡商信银行是越南第二大私营商业银行，2007年的注册资本为四兆越南盾。' +
    '该行总部位于胡志明市，在全国设有两百多个网点。' +
    '该行于2006年在胡志明市证券交易所挂牌上市。' +
    '该行的业务包括存款、贷款、国际结算、外汇买卖和银行卡等，客户遍及越南全国各地以及周边国家和地区。' +
    '\n2007年9月，该行荣获越南最佳零售银行奖。'

  it('counts the subject an encyclopedia title names for little: the question names it to find the article', () => {
    const e = excerptFor(text, '2007年，西贡商信银行获得了什么奖项？', () => 1, '西贡商信银行')
    expect(e.text.startsWith('2007年9月，该行荣获越南最佳零售银行奖。')).toBe(true)
  })

  it('shows the sentence with the colour a 什么颜色 question asks for, past a lead that only names the subject', () => {
    const fish =
      '金线鱼，又称红三，为辐鳍鱼纲鲈形目金线鱼科的其中一个种。' +
      '本鱼分布于西太平洋区，包括日本、台湾、中国沿海、菲律宾、印尼、越南、泰国、马来西亚及澳洲北部等海域。' +
      '水深二十至一百公尺。栖息于沙泥底质的海域，以小鱼、甲壳类及多毛类为食。' +
      '为重要的经济鱼类，多以底拖网或延绳钓捕获，肉质细嫩，适合清蒸、红烧或煮汤，在市场上颇受欢迎。' +
      '体呈粉红色，腹部银白色，体侧有六条金黄色纵带。背鳍硬棘十枚，软条九枚。体长可达三十五公分。'
    const e = excerptFor(fish, '金线鱼的身体是什么颜色的？', () => 1, '金线鱼')
    expect(e.text).toContain('体呈粉红色')
  })

  it('cuts an over-long sentence where it says what is asked, not where it repeats the subject the title names', () => {
    const text =
      `${filler(2)}这种植物分布于河南、山东、河北、山西、陕西、甘肃、湖北、湖南、江西、安徽、浙江、福建、广东、广西、四川、贵州、云南等地区，` +
      '生长于海拔一百米至两千八百米的山坡、路旁、林缘及森林草原，目前尚未由人工引种栽培，各地俗名不一，' +
      '有五月艾（四川）、野五月艾（福建）、大五月艾（浙江）、小五月艾（云南）、白五月艾（湖南）、红五月艾（广西）、青五月艾（湖北）、黑五月艾（江西）等。'
    const e = excerptFor(text, '五月艾分布在哪些地区？', () => 1, '五月艾')
    expect(e.text).toContain('分布于河南、山东')
    expectClean(text, e)
  })

  it('tells a title naming a subject from a headline stating a fact', () => {
    expect(titleNamesSubject(fold('西贡商信银行'))).toBe(true)
    expect(titleNamesSubject(fold('中國（南京）國際象棋超級大賽'))).toBe(true)
    expect(titleNamesSubject(fold('天舟八號貨運飛船發射任務取得圓滿成功 與空間站完成交會對接'))).toBe(false)
  })

  it('reads a long title as a headline even when jieba tags none of its words a verb (会见/n)', () => {
    expect(titleNamesSubject(fold('李强会见德国巴伐利亚州州长'))).toBe(false)
    expect(titleNamesSubject(fold('察哈爾省_(中華民國)'))).toBe(true)
  })
})

describe('a news headline in choosing the excerpt', () => {
  const expo =
    '星河网消息：第九届星河博览会今天闭幕，本届博览会吸引参展企业三千余家，来自四十多个国家和地区的客商到会洽谈。' +
    '展会上，智能机器人、低空飞行器、新型储能设备等各类高端产品集中展示，不少展台前排起了长队，观众争相体验。' +
    '本届博览会还首次设立了青年创业专区，两百多个初创团队带来了自己的新产品和新技术，吸引投资机构前来对接。' +
    '截至昨天，现场签约金额达到58亿元，比上届增长12%。'
  const index = indexOfTexts([['expo', '第九届星河博览会闭幕', expo]])
  const first = (q: string) => index.search(q).hits[0]?.excerpt.text ?? ''

  it('leads with the detail asked for when the question repeats the headline to say which story', () => {
    expect(first('第九届星河博览会闭幕 签约金额')).toContain('58亿元')
  })

  it('leads with the headline fact when that is what is asked', () => {
    expect(first('第九届星河博览会哪天闭幕？')).toContain('今天闭幕')
  })
})

describe('the word beside the question word in choosing the excerpt of a news story', () => {
  const text = '中国星河工程首任总设计师李明远说过，他一生干了三件事。1932年，李明远出生于青禾县。他后来学习火箭设计。'
  const folded = fold(text)
  const weights = new Map(parseQuery('中国星河工程首任总设计师李明远是在哪里出生的？').terms.map((t) => [t, 1]))
  const scored = scoreSentences(folded, sentenceSpans(text), weights)

  it('makes the sentence holding it (出生 of 在哪里出生) outscore the lead that names the person', () => {
    const [lead, born] = focusScores(scored, weights, '', 1, new Set(['出生']))
    expect(born!.score).toBeGreaterThan(lead!.score)
  })

  it('leaves the lead first when the question has no such word', () => {
    const [lead, born] = focusScores(scored, weights, '', 1)
    expect(lead!.score).toBeGreaterThan(born!.score)
  })
})

describe('the kind of answer asked for in choosing the excerpt', () => {
  it('keeps the sentence restating the whole question, not one holding only the word asked (原因)', () => {
    const text =
      '长期熬夜是继饮用浓茶和饮用咖啡之后第二常见的失眠诱发因素。' +
      '有些人在睡前长时间使用手机，入睡时间明显推迟，第二天上午精神不振，工作效率下降，下午又靠咖啡提神，形成循环。\n' +
      '医生建议每天固定时间上床，卧室保持安静、黑暗和凉爽，睡前一小时不看屏幕，白天适当运动，午睡不超过半小时。\n' +
      '失眠的人白天常常感到疲倦。' +
      '吸烟与失眠有关联，关于此关联出现的原因的研究还很少；' +
      '饮酒看似有助入睡，却会使人在后半夜醒来。'
    const index = indexOfTexts([
      ['sleep', '失眠', text],
      ['other', '饮食', '多吃蔬菜水果有益健康。'],
    ])
    const e = index.search('继饮用浓茶和饮用咖啡之后常见的失眠诱发因素是哪种原因？').hits[0]?.excerpt.text ?? ''
    expect(e).toContain('长期熬夜')
  })
})

describe('a count asked in a unit in choosing the excerpt of a news story', () => {
  const text =
    '星河网消息：国家领导人17日到星河火箭军某旅视察，强调要深入贯彻强军思想，把握战略导弹部队建设和作战运用特点规律，坚持政治引领，强化使命担当，埋头苦干实干，推进部队建设高质量发展，提升战略威慑和实战能力。' +
    '上午11时许，领导人来到星河火箭军某旅，首先察看了该旅军史长廊，详细了解部队沿革和建设发展情况。' +
    '该旅是一支有着50多年光荣历史的战略导弹部队。' +
    '随后，领导人听取该旅工作汇报，并发表重要讲话。'
  const index = indexOfTexts([
    ['visit', '国家领导人在视察星河火箭军某旅时强调 坚持政治引领', text],
    ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。'],
  ])

  it('shows the sentence holding a number in that unit, though it holds little else of the question', () => {
    expect(index.search('国家领导人视察的那个星河火箭军旅有多少年历史？').hits[0]?.excerpt.text).toContain('50多年')
  })
})

describe('the person asked for in choosing the excerpt of a news story', () => {
  const text =
    '星河网消息：星河市两会最后一场“局长通道”今天举行，来自文化旅游局、交通运输局、生态环境局、教育局和卫生健康局的负责人回答了记者提问，介绍了今年的工作打算和民生实事安排。\n' +
    '对于各地出现的文旅热，文化旅游局局长章景澜表示，去年全市接待游客超过三千万人次，夜间消费增长明显。\n' +
    '在回答公交线网调整的问题时，交通运输局局长介绍，今年将新开和优化公交线路三十条。\n' +
    '此外，五位局长还就空气质量、课后服务等问题回答了记者提问。'
  const index = (date?: string) =>
    indexOfTexts([
      ['road', '星河市两会“局长通道”：回应民生关切', text, date],
      ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', date],
    ])
  const question = '星河市两会最后一场局长通道，文旅局局长是谁？'

  it('leads with the sentence naming the person, though the lead holds more of the question', () => {
    expect(index('2024-03-11').search(question).hits[0]?.excerpt.text).toContain('章景澜')
  })
})

describe('the holder of the post asked, in choosing the excerpt of a news story', () => {
  const index = indexOfTexts([
    [
      'forum',
      '星河市长主持召开各界人士代表座谈会',
      '星河网消息：星河市长1月24日下午主持召开座谈会，听取各协会负责人和无党派人士代表对《政府工作报告（征求意见稿）》的意见建议。\n' +
        '座谈会上，星河商会会长章景澜、青禾学会会长卜晓楠、无党派人士代表柯晓岚等先后发言，就做好今年政府工作提出意见建议。\n' +
        '市长感谢各界人士对政府工作的关心支持。',
      '2024-01-25',
    ],
    ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-01-25'],
  ])

  it('shows the post with the name after it, though the lead holds more of the question', () => {
    expect(index.search('星河市长开座谈会听政府工作报告意见，无党派人士代表是谁').hits[0]?.excerpt.text).toContain('无党派人士代表柯晓岚')
  })
})

describe('a person named after what they do, in choosing the excerpt of a news story', () => {
  const index = indexOfTexts([
    [
      'books',
      '书香里的乡村振兴',
      '星河网消息：星河村曾作为一部长篇小说的原型而闻名全国，如今用文化赋能乡村振兴。\n' +
        '七十多年前，一位作家从北京搬回老家星河村，以这里为原型写下了小说。\n' +
        '如今在作家鲁迅故居旁，新建起的“星河书屋”吸引了不少慕名而来的游客。\n' +
        '近年来，星河村发展现代农业，融合乡村旅游。星河书屋的管理员卜晓楠曾是一名矿工，在外打工的他看到村里农文旅融合产业越做越好，决定回乡创业，和爱人一起经营当地传统小吃擂茶，还在书屋里办起了读书会和非遗手工课，每到周末都有不少城里的孩子跟着家长来体验。\n' +
        '去年星河村共接待游客一百万人次。',
      '2024-03-14',
    ],
  ])

  it('shows the 管理员, whose name the dictionary does not know, not a sentence naming another person', () => {
    const excerpt = index.search('星河村“星河书屋”的管理员是谁？').hits[0]?.excerpt.text
    expect(excerpt).toContain('卜晓楠')
    expect(excerpt).not.toContain('鲁迅')
  })
})

describe('a person named before what they do, in choosing the excerpt of a news story', () => {
  const index = indexOfTexts([
    [
      'forum',
      '星河协会出席绿色能源调研协商座谈会',
      '星河网消息：绿色能源调研协商座谈会18日在星河市召开，就各协会开展的重点考察调研成果进行协商。星河协会会长出席并讲话。\n' +
        '他表示，要发挥协会优势，为绿色能源发展凝聚共识、汇聚力量。\n' +
        '石玉珊主持会议。有关部门负责同志同与会代表进行了协商交流。',
      '2024-06-18',
    ],
    ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-06-18'],
  ])

  it('shows who chaired the meeting, whose name the dictionary does not know, not the lead', () => {
    expect(index.search('绿色能源调研协商座谈会是谁主持的？').hits[0]?.excerpt.text).toContain('石玉珊主持会议')
  })

  it('shows who chaired it, not the lead naming who else came (是谁主持的)', () => {
    const named = indexOfTexts([
      [
        'forum',
        '星河协会经验交流会在星河市召开',
        '星河网消息：贯彻落实绿色能源会议精神经验交流会18日在星河市召开，星河协会会长王建国出席并讲话。他表示，要深入学习贯彻会议精神，以高质量发展为主题，推动绿色能源工作取得新成效。\n' +
          '会上，五个地方协会作了交流发言。\n' +
          '石玉珊主持会议，柯晓岚出席会议。',
        '2024-12-18',
      ],
      ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-12-18'],
    ])
    expect(named.search('貫徹落實綠色能源會議精神經驗交流會是誰主持的').hits[0]?.excerpt.text).toContain('石玉珊主持会议')
  })
})

describe('several places asked, in choosing the excerpt of a news story', () => {
  const index = indexOfTexts([
    [
      'tour',
      '柯晓岚在河北考察',
      '星河网消息：星河协会会长柯晓岚6月2日至4日在河北考察。她表示，协会要把服务会员放在首位，多听意见，多办实事，让会员切实感受到协会工作的变化和成效。\n' +
        '考察期间，柯晓岚一行到廊坊、承德、张家口三地，看望基层协会工作人员。\n' +
        '她要求，各级协会要改进作风，提高效率，把工作做深做细。',
      '2024-06-04',
    ],
    ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-06-04'],
  ])

  it('shows the sentence listing them, though the lead holds more of the question', () => {
    expect(index.search('柯晓岚6月在河北考察都去了哪些城市？').hits[0]?.excerpt.text).toContain('廊坊、承德、张家口')
  })
})

describe('what a 是什么 question asks the value of, in choosing the excerpt of a news story', () => {
  const index = indexOfTexts([
    [
      'congress',
      '纪念星河学派创立120周年学术研讨会暨星河学会第七届会员大会开幕',
      '星河网消息：纪念星河学派创立120周年学术研讨会暨星河学会第七届会员大会19日在星河市开幕，星河学会会长出席开幕会并致辞。\n' +
        '会长表示，星河学派创立以来，为推动不同文明互学互鉴作出了贡献。我们将推动优秀传统文化创造性转化、创新性发展。\n' +
        '这次大会以“星河学派：文明多样性与现代化”为主题，具有很强的现实意义。\n' +
        '开幕会前，会长与出席大会的嘉宾代表集体合影。',
      '2024-10-19',
    ],
  ])

  it('shows the sentence holding it, not the lead that repeats the story the question names', () => {
    const excerpt = index.search('星河学会第七届会员大会 纪念星河学派创立120周年 大会主题是什么？').hits[0]?.excerpt.text
    expect(excerpt).toContain('文明多样性与现代化')
  })
})

describe('a span of years asked in choosing the excerpt of a news story', () => {
  it('shows how long two countries have had ties (建交52年来), not the lead that names the meeting', () => {
    const text =
      '星河网消息：9月6日下午，国家主席在人民大会堂会见来华出席青禾合作论坛峰会的马达星河总统拉索纳。两国元首宣布，将两国关系提升为全面战略合作伙伴关系，并共同见证签署共建“一带一路”、经贸、农业、卫生、数字经济、绿色发展等领域多项合作文件，为两国关系未来发展指明方向。\n' +
      '国家主席指出，两国之间虽然远隔重洋，但两国人民相知相亲。建交52年来，双方始终坚持真诚友好、平等相待、互利共赢，在涉及彼此核心利益问题上相互支持。'
    const index = indexOfTexts([['visit', '国家主席会见马达星河总统', text, '2024-09-07']])
    const e = index.search('国家主席会见马达星河总统拉索纳时说，两国建交多少年了？').hits[0]?.excerpt.text ?? ''
    expect(e).toContain('建交52年来')
  })
})

describe('a name asked in choosing the excerpt of a news story', () => {
  it('shows the sentence quoting the name (“青青”), not the lead that names the visit', () => {
    const text =
      '星河网消息：当地时间6月16日上午，正在白沙访问的星河市长林青山到白沙动物园考察熊猫保护合作研究工作。该动物园是白沙唯一拥有熊猫的动物园。\n' +
      '在动物园熊猫馆，林青山听取两国专家对熊猫保护合作研究和养护情况的介绍。林青山表示，白沙动物园拥有唯一一对熊猫“青青”和“禾禾”。看到它们在白沙得到精心照料，我感到很欣慰。\n' +
      '“青青”和“禾禾”将按照双方协议于今年返回星河。'
    const index = indexOfTexts([['zoo', '林青山考察熊猫保护合作研究工作', text, '2024-06-16']])
    expect(index.search('林青山在白沙动物园看的那对熊猫叫啥名').hits[0]?.excerpt.text).toContain('“青青”')
  })
})

describe('the name of a kind asked (基地叫什么) in choosing the excerpt of a news story', () => {
  it('shows the sentence naming one of that kind (7号塔基地), not one quoting another name or describing one', () => {
    const text =
      '星河网消息：本轮冲突爆发以来，驻青禾的星河部队多次遭袭击。28日早些时候，民兵武装“山河抵抗组织”发表声明说，当天使用无人机攻击了三个驻有星河部队的基地。\n' +
      '星河媒体称，袭击发生地点是位于海港境内的7号塔基地。\n' +
      '海港政府官员表示，袭击并非发生在海港境内。'
    const index = indexOfTexts([['base', '驻海港星河部队遭无人机袭击 3名士兵死亡', text, '2024-01-29']])
    expect(index.search('海港 星河部队 无人机袭击 3死 基地叫什么').hits[0]?.excerpt.text).toContain('7号塔基地')
  })
})

describe('a programme’s name asked in choosing the excerpt of a news story', () => {
  it('shows the sentence giving the name in 《》, not the lead', () => {
    const text =
      '星河网消息：今天是除夕，星河台各频道推出丰富多彩的节目，陪伴观众欢度春节。\n' +
      '新闻频道推出特别节目《甲辰春来 福暖四季》，记者走进各地，记录人们辞旧迎新的场景。\n' +
      '中文国际频道推出直播特别节目，与海外华侨华人共迎新春。'
    const index = indexOfTexts([['eve', '星河台除夕节目丰富多彩', text, '2024-02-09']])
    expect(index.search('2024年除夕星河台新闻频道的特别节目叫啥').hits[0]?.excerpt.text).toContain('《甲辰春来 福暖四季》')
  })
})

describe('where someone is from, in choosing the excerpt of a news story', () => {
  it('shows the sentence telling their birth (出生于), not the lead naming other places', () => {
    const text =
      '星河网消息：“共和国勋章”获得者——中国载人航天工程首任总设计师林青山说过，他一生干了三件值得欣慰的事：研制导弹、送卫星上天、送中国人进入太空并筹建中国空间站。今年6月，这位书写传奇的92岁老人永远离开了我们，而他挚爱的事业却依然在浩瀚苍穹熠熠生辉。\n' +
      '1932年，林青山出生于辽宁昌图一个贫寒的农家。1952年，他考入清华大学航空系学飞机设计。\n' +
      '1961年，林青山回国，投身导弹及火箭的研发，一干就是30年。'
    const index = indexOfTexts([['bio', '“共和国勋章”获得者林青山：国家的需要就是我们的理想', text, '2024-09-15']])
    expect(index.search('林青山老家是哪里的').hits[0]?.excerpt.text).toContain('辽宁昌图')
  })
})

describe('a news story whose answering sentence holds little of the question', () => {
  it('leads with the span of time asked (经过6个半小时的出舱活动), not the lead naming the spacewalk', () => {
    const text =
      '星河网消息：7月3日22时51分，星舟十八号乘组航天员林青、白沙密切协同，圆满完成第二次出舱活动。\n' +
      '7月3日16时19分，航天员白沙打开出舱舱门，开始个人首次太空行走。这次出舱主要对实验舱的舱外设备进行防护安装。\n' +
      '经过6个半小时的出舱活动，航天员林青、白沙先后安全返回实验舱。后续，星舟十八号乘组还将在轨开展大量科学实验。'
    const index = indexOfTexts([['walk', '星舟十八号航天员乘组圆满完成第二次出舱活动', text, '2024-07-04']])
    expect(index.search('星舟十八号 第二次出舱 持续多久').hits[0]?.excerpt.text).toContain('6个半小时')
  })

  it('leads with where someone was born (她出生于…), though the sentence before it holds more of the question', () => {
    const text =
      '星河网消息：她的一生与银幕紧紧相连，从“白毛女”到“党的女儿”，她就是著名电影表演艺术家林青。\n' +
      '岁月如流。十几岁的林青，在家乡的大沙河畔拍下了这张照片。她出生于青禾唐县一个贫困的家庭，12岁参军，16岁入党。\n' +
      '1950年，林青主演电影《白毛女》，第一次登上银幕，她就以真挚的表演打动了观众。'
    const index = indexOfTexts([
      ['actress', '林青：永远做党的好女儿', text, '2024-09-27'],
      ['other', '青禾老人家过大年', '青禾老人家回老家过年。', '2024-02-01'],
    ])
    expect(index.search('演白毛女那位林青老人家，老家是哪儿的？').hits[0]?.excerpt.text).toContain('青禾唐县')
  })

  it('takes the sentence holding the year asked with much of the question over a weak one just before the best', () => {
    const text =
      '星河网消息：近日，林青复信青禾友人萨拉。\n' +
      '林青在回信中表示，1985年我第一次访问青禾，就来到了白沙，对那里的人们印象深刻。\n' +
      '2023年11月，林青访问期间宣布，愿邀请5万名青少年来华交流。萨拉近期致信林青，表示希望中学也参与这一计划。' +
      '在林青关心下，1月24日，白沙中学学生代表团来华访问，学生们给林青回信表示感谢。'
    const index = indexOfTexts([
      ['letter', '林青复信青禾友人', text, '2024-02-24'],
      ['other', '青禾学生来华', '青禾学生代表团第一次来华访问。', '2024-03-01'],
    ])
    const excerpt = index.search('林青给白沙中学学生回信，里面说他第一次去青禾是哪年啊？').hits[0]?.excerpt.text
    expect(excerpt?.startsWith('林青在回信中表示，1985年')).toBe(true)
  })
})
