import { ASKS_YEAR, askedKind, kindTester } from './answer-kind.js'
import type { Span } from '../text/types.js'
import { getLexicon } from '../text/lexicon.js'
import { segmenter } from '../text/segmenter.js'

/**
 * Whether a sentence can answer a question at all: one asking 几点 is answered
 * by a time of day (6时23分), not by the sentence that repeats its words
 * without one, nor by a date alone; one asking 哪里, 谁 or 多少 by a place,
 * person or number the question does not name (`kindTester`).
 */

/** A time of day: 6时23分, 14:07, 十时, 晚8点. */
const CLOCK = /\d{1,2} ?[时点:：] ?\d{0,2}|[零〇一二两三四五六七八九十]{1,3}[时点](?:[零〇一二三四五六七八九十]{1,3}分|半|许|左右)?/
/** A site named after 在, which jieba does not tag as a place: 在东风着陆场, 在文昌航天发射场, 在酒泉卫星发射中心. */
const SITE = /在[\u4e00-\u9fff]{1,10}?(?:场|中心|基地|港|站|馆|园|岛|湾|省|市|县|区|镇|村)/

/** 在哪 before a classifier of things, not of places: 在哪张专辑, 在哪部电影, 在哪本书. */
const NOT_A_PLACE = /在哪[张部本首篇项种届次件集期]/

/** A question asking a fraction (几分之一, 几分之几), and a fraction: 1/6, 六分之一. */
const ASKS_FRACTION = /几分之[一几]/
const FRACTION = /\d+\s*\/\s*\d+|[一二三四五六七八九十百]+分之[一二三四五六七八九十]+/

/** A question asking for a time of day. */
const ASKS_CLOCK = /几点|几时几分|什么时刻|哪个时刻/

/**
 * A test of folded sentences for a folded question, or undefined when the
 * question does not say what kind of answer it wants.
 * @example answerTest('嫦娥六号是几点着陆的')?.('今天6时23分着陆') === true
 */
export function answerTest(foldedQuestion: string): ((foldedSentence: string) => boolean) | undefined {
  if (ASKS_CLOCK.test(foldedQuestion)) return (s) => CLOCK.test(s)
  const kind = askedKind(foldedQuestion)
  if (kind === undefined) return undefined
  // 收录在哪张专辑 asks for an album, not a place, though it says 在哪.
  if (kind === 'place' && NOT_A_PLACE.test(foldedQuestion)) return undefined
  const holds = kindTester(kind, foldedQuestion)
  if (kind === 'place') return (s) => SITE.test(s) || holds(s)
  return holds
}

/** A question asking an amount of money: 多少钱, 票价是多少, 奖金多少 (not 价格涨了多少, a change answered by a share). */
// (多少块 with a noun after it counts pieces: 多少块光伏板.)
const ASKS_MONEY = /多少钱|几块钱|多少块(?:钱|(?!\p{Script=Han}))|多少[万亿]?(?:元|美元|欧元|英镑|日元)/u
/** 多少块 or 几块 with neither 钱 nor a noun after it, and a count in 块 (179块, 三块). */
const BARE_BLOCKS = /(?:多少|几)块(?!钱|\p{Script=Han})/u
const BLOCKS = /(?:\d|[一二两三四五六七八九十百千])块(?!钱)/
/** What names a price: a unit it is per (一斤, 每张), or a deed of paying or selling (卖, 花, 收费). */
const PRICED =
  /[一每单](?:斤|两|张|个|件|公斤|千克|吨|瓶|杯|份|碗|次|晚|天|月|年|小时|平米?|平方米|度|盒|袋|包|箱|人)|[卖买花付交赚挣贵价票]|便宜|收费|工资|补贴/
const MONEY_NOUN = /票价|门票|工资|薪水|薪资|月薪|年薪|奖金|罚金|罚款|费用|学费|售价|价格|价钱|收费|投资|耗资|造价|金额|数额/
const CHANGE = /涨|降|增|减|提高|比例|百分|缩短|延长|上调|下调/
/** A change asked by what it reached (面积扩大到多少, 产量提高到多少): the new figure, in the quantity's own unit. */
const CHANGED_TO = /到了?(?:多少|多大|几)/
/**
 * Keywords ending in a sum of money asked for (门票价格, 赔偿金额, 造价); not a
 * bare 价格 (猪肉 价格 asks how prices moved, answered by a share).
 */
const ENDS_MONEY = /(?:票价|门票|门票价格|工资|薪水|奖金|罚金|罚款|学费|售价|造价|价钱|赔偿|赔偿款|金额|总投资|投资额)[\s?？!！。.]*$/
/** A sum of money in folded text: 7000亿元, 3.5万美元, 1320亿金马克, 一百元, ¥30. */
const MONEY =
  /(?:\d[\d.,]*|[零一二两三四五六七八九十百千万亿]+) ?(?:多|余)? ?[万亿千百]{0,2} ?(?:(?:金|美|欧|日|港|澳|韩|英|加|新台|台|人民|新加坡)?(?:元|圆|币|镑|法郎|马克|里拉|卢比|卢布|比索|第纳尔|里亚尔|兰特|雷亚尔|克朗|林吉特|铢)|块钱)|[$¥￥€£] ?\d/
/** A unit a price is asked per: 每吨, 每公斤, 每平方米, 每度. */
const PER_UNIT = /每(吨|公斤|千克|斤|克|平方米|平米|亩|度|千瓦时|升|桶|人|张|件|台|辆|晚|天|月|年|小时)/

/** A question asking someone's age (多少岁, 几岁, 多大年纪), and an age: 61岁, 二十五岁, 45周岁, 享年. */
const ASKS_AGE = /多少周?岁|几周?岁|多大年纪|多大岁数|(?:年龄|岁数|年纪)(?:是|有)?多(?:少|大)/
const AGE = /\d+ ?(?:多|余)?周?岁|[零一二两三四五六七八九十百]+多?周?岁|年满|享年/

/**
 * A question asking which day (哪天, 哪一天, 几月几号, 几号 but not 几号线), and a day:
 * 5月1日, 二十日, 七月初十, 今天, 次日, 周三, 春节.
 */
const ASKS_DAY = /哪一?[天日](?![晚早上下中])|几月几[日号]|几号(?![线楼门机院馆台])|什么日子|日期/
const DAY =
  /\d{1,2} ?[日号]|[一二三四五六七八九十廿卅]{1,3}[日号]|月[初廿卅]?[一二三四五六七八九十]{1,2}|[今昨明前后当同次翌]天|[今昨明当同次翌]日|周[一二三四五六日末]|星期|节/

/** A question asking from which day to which (几号到几号, 哪天至哪天), and a span of days: 11月4日至8日, 4日—8日. */
const ASKS_DAY_SPAN = /(?:几号|几月几[日号]|哪一?天)(?:到|至)(?:几号|几月几[日号]|哪一?天)/
const DAY_SPAN = /\d{1,2} ?[日号]? ?(?:至|到|—|－|-|~) ?(?:\d{1,2} ?月 ?)?\d{1,2} ?[日号]/

/** A question asking the month and the day (几月几号), and a month with its day: 7月26日, 十月初一. */
const ASKS_MONTH_DAY = /几月几[日号]|几月份?哪一?[天日]/
const MONTH_DAY =
  /(?:\d{1,2}|[一二三四五六七八九十正腊冬]{1,2}) ?月 ?(?:\d{1,2} ?[日号]|[初廿卅][一二三四五六七八九十]{1,2}|[一二三四五六七八九十]{1,3}[日号])/

/** A question asking a score, and a score: 3比0, 2:1, 4：1. */
const ASKS_SCORE = /比分|几比几/
const SCORE = /\d+ ?[:：比] ?\d+/

/**
 * A test of a folded article for a folded question that only a certain kind of
 * figure answers, or undefined for any other question: an article naming no
 * sum of money does not answer 票价是多少, nor one with no score 比分是多少, nor one
 * with no time of day 几点开始, nor one with no age 今年多大年纪, nor one naming no day 从哪天起施行.
 * @example valueTest('绿证一个多少钱')?.('绿证交易量增长') === false
 */
export function valueTest(foldedQuestion: string): ((foldedText: string) => boolean) | undefined {
  if (ASKS_SCORE.test(foldedQuestion)) return (t) => SCORE.test(t)
  if (ASKS_CLOCK.test(foldedQuestion)) return (t) => CLOCK.test(t)
  if (ASKS_AGE.test(foldedQuestion)) return (t) => AGE.test(t)
  // A price as a share of another's (价格是进口机的几分之一) is a fraction, not a sum.
  if (ASKS_FRACTION.test(foldedQuestion)) return (t) => FRACTION.test(t)
  if (ASKS_DAY.test(foldedQuestion)) {
    // A day the question gives (从4月13号开始…哪天结束) is not the one it asks, nor 今天 said of it (今天（4月13日）).
    // Nor is a holiday it names (春节 of 今年春节团拜会是哪天开的).
    const given = [
      ...[...foldedQuestion.matchAll(/(\d{1,2})月(\d{1,2})[日号]/g)].map(
        (m) => new RegExp(`(?:[今昨当]天)?[（(]?(?<!\\d)${m[1]}月${m[2]}[日号][）)]?`, 'g'),
      ),
      ...[...foldedQuestion.matchAll(/\p{Script=Han}节/gu)].map((m) => new RegExp(m[0], 'g')),
    ]
    // 几月几号 asks the month too: 今天 or 15日 alone does not say it; 几号到几号 two days (4日至8日).
    const day = ASKS_DAY_SPAN.test(foldedQuestion) ? DAY_SPAN : ASKS_MONTH_DAY.test(foldedQuestion) ? MONTH_DAY : DAY
    return given.length === 0 ? (t) => day.test(t) : (t) => day.test(given.reduce((rest, d) => rest.replace(d, ''), t))
  }
  const money =
    ASKS_MONEY.test(foldedQuestion) ||
    // Keywords ending in what is asked: 特展 门票价格, 乘客 赔偿金额.
    ENDS_MONEY.test(foldedQuestion) ||
    // (Not a count in a classifier of things named with one: 多少家外商投资企业.)
    // (Nor in 个 of things, 涵盖了几个行业, but for 多少个亿.)
    (MONEY_NOUN.test(foldedQuestion) &&
      /多少|几/.test(foldedQuestion) &&
      !CHANGE.test(foldedQuestion) &&
      !ASKS_COUNT.test(foldedQuestion) &&
      !/(?:多少|几)个(?![亿万])/.test(foldedQuestion))
  if (!money) return undefined
  // A bare 多少块 (低空空域划分多少块) asks yuan or pieces, unless it names a price (一斤, 卖, 票): 179块 answers it as 12块钱 does.
  const pieces =
    BARE_BLOCKS.test(foldedQuestion) && !PRICED.test(foldedQuestion) && !MONEY_NOUN.test(foldedQuestion) && !ENDS_MONEY.test(foldedQuestion)
  if (pieces) return (t) => MONEY.test(t) || BLOCKS.test(t)
  // A price per unit (每吨卖多少钱) is given per that unit (每吨12元, 90元/吨), not as a total (这张碳票卖了14万元).
  const per = PER_UNIT.exec(foldedQuestion)?.[1]
  if (per === undefined) return (t) => MONEY.test(t)
  const perUnit = new RegExp(`(?:每|/|元)${per}`)
  return (t) => MONEY.test(t) && perUnit.test(t)
}

/**
 * Classifiers a count is asked in (多少人, 几项, 多少票, 多少发, 几响, 几场, 几席), and a count in the
 * same classifier: 1200人, 三项, 数百名, 上千家, 10余架; not 多项 or 多名 (no figure).
 * Not 个, 种 or 次: a list (法国、德国) or a name answers 几个国家 as well. Not 哪几位,
 * which asks who, not how many.
 */
const ASKS_COUNT = /(?:多少|(?<!哪)几)([人名位家项票发架艘辆枚颗面块座所只头件台批响场起例轮型种席支孔])/
/** A question asking an ordinal in a classifier: 第几次, 第几届, 第几位, 第几任 (not 第几大, which ranks). */
const ASKS_ORDINAL = /第几([次届个位名批期轮号场任])/
/** An ordinal in a classifier: 第8次, 第二十九次. */
const ORDINAL_OF = (classifier: string) => new RegExp(`第\\s*(?:\\d+|[〇零一二两三四五六七八九十百千]+)\\s*${classifier}`, 'g')

/** A count of people in 人 or 名, or in 位 after any number but 一 (10位外国专家, 三位; not 是一位赛车手). */
const PEOPLE = '(?:[人名]|(?<=[\\d两三四五六七八九十百千万多余])位)'

/** Classifiers that count the same things: 几家医院 is answered by 10所医院, 多少发炮弹 by 17万枚, 多少人 by 300名. */
const SAME_COUNT: Readonly<Record<string, string>> = {
  // (Not 位 after 一 for 人 or 名: 一位 is most often the article a, 是一位赛车手.)
  人: PEOPLE,
  名: PEOPLE,
  位: '[位名人]',
  家: '(?:[家所]|(?<!一)个)',
  所: '[家所]',
  发: '[发枚颗]',
  枚: '[发枚颗面]',
  // 几面金牌 or 几块金牌 is answered by 40枚金牌.
  面: '[面枚]',
  块: '[块面枚]',
  颗: '[发枚颗]',
  // 拿了几席 is answered by 190个议席 or 74席.
  席: '(?:个?议?席)',
  辆: '[辆台]',
  台: '[台辆]',
}
/** Words written with a classifier's character that still count in it: 1200人次, 3批次. */
const COUNT_WORDS: ReadonlySet<string> = new Set(['人次', '件套', '批次', '架次', '艘次', '台套', '台次'])

/**
 * The classifier a question asks a count in (`ASKS_COUNT`), with the noun of two characters or more it counts right
 * after it if any (微波辐射计 of 几台微波辐射计), or undefined: 多少台胞, 多少项目 and 多少名额 begin a noun with a
 * classifier's character and count in none.
 */
function askedClassifier(foldedQuestion: string): { classifier: string; noun: string | undefined } | undefined {
  const m = ASKS_COUNT.exec(foldedQuestion)
  if (!m) return undefined
  const lexicon = getLexicon()
  const word = lexicon.cut(foldedQuestion.slice(m.index + m[0].length - 1))[0] ?? ''
  // (But a noun after the classifier makes it one whatever jieba joins: 多少台风机 is 台 / 风机, not 台风.)
  const next = lexicon.cut(foldedQuestion.slice(m.index + m[0].length))[0] ?? ''
  const counts = next.length > 1 && /^n/.test(lexicon.pos(next) ?? '')
  if (word.length > 1 && !COUNT_WORDS.has(word) && /^n/.test(lexicon.pos(word) ?? '') && !counts) return undefined
  return { classifier: m[1]!, noun: counts ? next : undefined }
}

const COUNT_OF = (unit: string) =>
  new RegExp(
    `(?:\\d[\\d.,]*|[零〇一二两三四五六七八九十百千万亿]+|[数上近逾超几][十百千万])\\s*(?:多|余)?\\s*[十百千万亿]{0,2}\\s*${unit}`,
    'g',
  )

/**
 * Questions asking a measure, and the units it is given in: 有多长 (not 多长时间 or 多长的历史),
 * 海拔多高, 面积多大, 过火面积 (keywords ending in it), 有多重.
 */
const MEASURES: ReadonlyArray<readonly [RegExp, string]> = [
  // Not a rate or level (机收率有多高, 温度有多高), which no length gives.
  [
    /(?<!(?:率|比例|比重|占比|价格?|温度?|水平|程度|速度?|强度|指数|期)(?:有|是|为|能|会)?)多(?:长|高|深|宽|远)(?![时久]|的?(?:时间|历史|时期|距离))/,
    '(?:[千厘毫]?米|公里|公尺|海里|英里)',
  ],
  [
    /面积(?:[^\s，。？?]{1,3}到了?)?(?:是|有|为|约|达|共|一共|大概)?(?:多少|多大|几)|多大面积|多少(?:平方|亩|公顷)|面积[\s?？]*$/,
    '(?:平方|亩|公顷)',
  ],
  [/多重(?!要)|重量(?:是|有|为)?多少/, '(?:[万千]?吨|[千公]?克|公斤|斤)'],
  // A vote's result (表决结果) is given in votes: 13票赞成、1票反对.
  [/表决结果/, '票'],
  // 字数 asks a count of characters (约3.4万字), which a report saying only that a text was published lacks.
  [/字数/, '(?:万?字)'],
  // 装机容量 asks a power (50万千瓦, 2.2吉瓦), whatever else the question says of it.
  [/装机(?:容量|规模)?(?:是|有|为|达)?(?:多少|多大|几)|装机(?:容量|规模)[\s?？]*$/, '(?:千瓦|兆瓦|吉瓦|kw|mw|gw)'],
]

/**
 * A question asking how long (多久, 多长时间, 哀悼期有多长; not 一期有多长, the first phase's length): a span of time
 * answers it (50分钟, 45天, 12个月, 500多年), not an anniversary (75周年).
 */
const ASKS_DURATION = /多久|多长时间|(?<![一二三四五六七八九十\d首])期(?:是|有|为)?多长/
const DURATION_UNITS = '(?:个?半?小时|分钟|秒钟?|天|周(?!年)|个?星期|个半?月|个?工作日)'
/** A span of time told without a number: 半小时, 半个小时, 半天, 一刻钟. */
const HALF_SPAN = /半个?小时|半天|一刻钟/

/** A question asking a share in per cent: 百分之多少, 多少个百分点, 占比多少. */
const ASKS_PERCENT = /百分之(?:多少|几)|(?:多少|几)个百分点|百分比是多少|占比(?:是|为|有)?多少/
/** A share: 33%, 百分之三十, 2.1个百分点, 六成. */
const PERCENT = /\d[\d.]*\s*[%％]|百分之[零〇一二两三四五六七八九十百点]+|\d[\d.]*个百分点|[一二三四五六七八九]成(?![功为员立])/g

/**
 * Units of measure a question may ask a figure in after 多少 or 几 (多少公里, 多少厘米, 几个小时,
 * 多少度), each with the units that give it: 公里 and 千米 alike, 度 also as ℃.
 */
const MEASURE_UNITS: ReadonlyArray<readonly [string, string]> = [
  ['平方公里|平方千米', '(?:平方公里|平方千米)'],
  ['平方米', '平方米'],
  ['立方米', '(?:立方米|方)'],
  ['公里|千米', '(?:公里|千米)'],
  ['厘米', '厘米'],
  ['毫米', '毫米'],
  ['海里', '海里'],
  ['毫升', '毫升'],
  ['升(?!级|温|高|值|空|旗)', '(?:升|立方米)'],
  ['公斤|千克', '(?:公斤|千克)'],
  ['千瓦时|度电', '(?:千瓦时|度)'],
  ['摄氏度|度(?![过假])', '(?:度|℃|摄氏度)'],
  ['个?小时', '(?:个?小时|分钟)'],
  ['分钟', '分钟'],
  ['个?工作日', '(?:个?工作日|天)'],
  // 得了多少分, 考了几分: points (not 几分之几).
  ['分(?![钟之])', '分'],
]
const ASKS_MEASURE = MEASURE_UNITS.map(([asked, given]) => [new RegExp(`(?:多少|(?<!哪)几)(?:${asked})`), given] as const)

/** The units a question asks a figure in after 多少 or 几 (`MEASURE_UNITS`), as a pattern; undefined for none. */
function measuredIn(foldedQuestion: string): string | undefined {
  return ASKS_MEASURE.find(([asks]) => asks.test(foldedQuestion))?.[1]
}

/**
 * A test for a question asking a count in a classifier (`ASKS_COUNT`), a count of people
 * without one (`peopleCounted`: 多少居民, in 人, 名, 位, 户 or the noun itself; or a headcount,
 * 人数超过198万, for any count of people) or a measure
 * (`MEASURES`): a figure in that classifier or unit the question does not itself give
 * (全国约270万家…农村的有多少家 is not answered by 270万家), or undefined for any other
 * question. For news reports: an encyclopedia entry gives counts in other words
 * (on all articles DRCD R@1 fell from 0.962 to 0.960, CMRC from 0.985 to 0.982).
 * @example countTest('两国签署了几项合作文件')?.('签署多项合作文件') === false
 */
export function countTest(foldedQuestion: string): ((foldedText: string) => boolean) | undefined {
  // 第几次访华 is answered by an ordinal in the same classifier (这是我第8次访华), not by any number.
  const ordinal = ASKS_ORDINAL.exec(foldedQuestion)
  if (ordinal) return givenAnew(foldedQuestion, ORDINAL_OF(ordinal[1]!))
  if (ASKS_PERCENT.test(foldedQuestion)) return givenAnew(foldedQuestion, PERCENT)
  if (ASKS_DURATION.test(foldedQuestion)) {
    const span = givenAnew(foldedQuestion, COUNT_OF(DURATION_UNITS), new RegExp(YEARS_COUNT.source))
    return (t) => span(t) || HALF_SPAN.test(t)
  }
  // 死亡人数是多少, 转移 人数: a headcount, given in 人 or 名 or as one (人数达…).
  if (ASKS_HEADCOUNT.test(foldedQuestion)) {
    const count = givenAnew(foldedQuestion, COUNT_OF(PEOPLE), HEADCOUNT)
    // 受伤人数, 死亡人数: a count of the wounded is told with the wounding (698人受伤), not as 伤亡人数 or 参观人数.
    const what = HURT.find((words) => words.some((w) => foldedQuestion.includes(`${w}人数`)))
    return what === undefined ? count : (t) => count(t) && what.some((w) => t.includes(w))
  }
  const asked = askedClassifier(foldedQuestion)
  const classifier = asked?.classifier
  const people = classifier === undefined ? peopleCounted(foldedQuestion) : undefined
  const unit =
    (classifier !== undefined ? (SAME_COUNT[classifier] ?? classifier) : undefined) ??
    (people !== undefined ? `(?:[人名位户]|${people})` : undefined) ??
    // 新增雪道面积 asks how much it grew, which a share answers (超5%).
    (CHANGE.test(foldedQuestion) && !CHANGED_TO.test(foldedQuestion)
      ? undefined
      : MEASURES.find(([asks]) => asks.test(foldedQuestion))?.[1]) ??
    measuredIn(foldedQuestion)
  if (unit === undefined) {
    const noun = countedInGe(foldedQuestion)
    // (Or the noun a few characters before the count: 梳理出问题1066个.)
    // (Or in the noun's own classifier: 13班次 of 多少个航班.)
    const own = noun === undefined ? undefined : OWN_CLASSIFIERS.get(noun)
    return noun === undefined
      ? undefined
      : givenAnew(
          foldedQuestion,
          COUNT_OF(`(?:${GE_OR_OWN}[^，。；！？,;!?\\d]{0,12}?${noun}${own ? `|${own}` : ''})`),
          new RegExp(`${noun}[\u4e00-\u9fff]{0,4}?\\d[\\d.,]*(?:多|余)?[十百千万亿]{0,2}${GE_OR_OWN}`),
        )
  }
  // A count of people may be given as a headcount: 注册船员人数超过198万; votes after their kind: 以赞成票214、反对票213.
  const headcount = people !== undefined || /^[人名位]$/.test(classifier ?? '')
  const count = givenAnew(foldedQuestion, COUNT_OF(unit), headcount ? HEADCOUNT : classifier === '票' ? VOTES_AFTER : undefined)
  // A count in another classifier than the reader's may be given in 个 before the noun counted (几台微波辐射计: 9个微波辐射计).
  const noun = asked?.noun
  if (noun === undefined) return count
  const inGe = new RegExp(`\\d[\\d.,]*\\s*(?:多|余)?\\s*个${noun}`)
  return (t) => count(t) || inGe.test(t)
}

/**
 * 个, or a classifier news counts places and lines in (多少个换乘站 is answered by 换乘站达26座, 设26座换乘站).
 */
const GE_OR_OWN = '[个座处条]'

/** Classifiers news counts some nouns in, other than 个 (航班: 13班次, 每天10班次; 列车: 开行12列, 30趟). */
const OWN_CLASSIFIERS: ReadonlyMap<string, string> = new Map([
  ['航班', '(?:班次|架次|个?班)'],
  ['列车', '(?:列|趟)'],
])

/** One character naming a place of a level, counted in 个: 县, 省, 市, 区, 镇, 乡, 村. */
const PLACE_LEVELS = /^[县省市区镇乡村]$/

/**
 * For 多少个 and the noun after it (多少个模范集体, 多少个收购库点), the noun: a count in 个 of it answers (352个模范集体,
 * or with what qualifies it between, in the same clause: 20个以上可复制、可推广的典型应用示范; or the noun just before
 * the count, 问题1066个).
 * Undefined for another question, and for 几个, which a list answers as often (几个国家: 法国、德国).
 */
function countedInGe(foldedQuestion: string): string | undefined {
  const m = /多少个(\p{Script=Han}+)/u.exec(foldedQuestion)
  if (!m) return undefined
  const lexicon = getLexicon()
  const noun = lexicon.cut(m[1]!)[0] ?? ''
  // (Or one character naming a place of a level: 多少个县 is answered by 88个县.)
  if (PLACE_LEVELS.test(noun)) return noun
  return noun.length >= 2 && /^n/.test(lexicon.pos(noun) ?? '') ? noun : undefined
}

/**
 * A test for a news question asking a span of years (支教了多少年, 分几年还清, 多少年前; not 几年级 or
 * 几年前): a number of years the question does not itself give (38年, 二十多年, 30万年), not a year
 * (2024年). Not for an encyclopedia entry, whose excerpts it moved (DRCD and CMRC each lost one).
 * @example yearsTest('她支教了多少年')?.('2024年受表彰') === false
 */
export function yearsTest(foldedQuestion: string): ((foldedText: string) => boolean) | undefined {
  return ASKS_YEARS.test(foldedQuestion) ? givenAnew(foldedQuestion, YEARS_COUNT) : undefined
}

/** A test of a text for a figure matching `count` that the question does not give itself (or `also`). */
function givenAnew(foldedQuestion: string, count: RegExp, also?: RegExp): (foldedText: string) => boolean {
  const given = new Set([...foldedQuestion.matchAll(count)].map((m) => m[0].replace(/\s/g, '')))
  return (t) => [...t.matchAll(count)].some((m) => !given.has(m[0].replace(/\s/g, ''))) || (also?.test(t) ?? false)
}

const ASKS_YEARS = /多少个?年(?![级代后度])|(?<!哪)几个?年(?![级代前后度])/
/** A span of years: 38年, 二十多年, 数十年; not a year (2024年, 二〇二四年). */
const YEARS_COUNT =
  /(?<![\d.〇零一二两三四五六七八九十百])(?:\d{1,3}(?![\d.])|\d{1,3}\.\d|[一二两三四五六七八九十百]+|[数几]十|[上近逾超数]百)\s*(?:多|余)?\s*[千万]?\s*个?年(?![级代度])/g
/** A question asking a headcount by the word: 死亡人数是多少, 参会人数有几, or the keyword 人数 (转移 人数). */
const ASKS_HEADCOUNT = /人数(?:\s|$|[?？]|[是有为]?(?:多少|几))/
/** The words telling how people were hurt that a headcount asked is of (受伤人数, 死亡人数), each with its synonyms. */
const HURT: ReadonlyArray<readonly string[]> = [
  ['受伤', '负伤', '伤者'],
  ['死亡', '遇难', '罹难', '丧生', '身亡', '死者'],
]
/** Votes counted after their kind: 赞成票214, 反对票 213. */
const VOTES_AFTER = /(?:赞成|反对|弃权)票\s*\d/

/** A count of people given as a headcount: 人数超过198万, 参观人数达3.2万. */
const HEADCOUNT = /人[数次][^\d，。；,;]{0,4}(?:\d|[一二两三四五六七八九十百千万])/
/** Last characters of nouns naming people: 居民, 船员, 游客, 患者, 观众, 台胞, 员工, 人士. */
const PERSON_ENDING = /[民员者客众胞工士]$/

/** Nouns naming people that end otherwise (代表 of 有多少代表出席, 学生, 选手). */
const PEOPLE_NOUNS: ReadonlySet<string> = new Set('代表 学生 儿童 孩子 小孩 选手 嘉宾 专家 官兵 师生 徒弟 弟子'.split(' '))

/** Whether a word names people (`PERSON_ENDING`, `PEOPLE_NOUNS`). */
function namesPeople(word: string): boolean {
  return PEOPLE_NOUNS.has(word) || (word.length >= 2 && PERSON_ENDING.test(word) && /^n/.test(getLexicon().pos(word) ?? ''))
}

/**
 * The people a question asks a count of without a classifier, or in 个 (多少居民, 几万游客, 多少个孩子): the noun
 * right after 多少 or 几 when it names people (`PERSON_ENDING`), else undefined.
 */
export function peopleCounted(foldedQuestion: string): string | undefined {
  const m = /(?:多少|(?<!哪)几)个?[万千百]?/.exec(foldedQuestion)
  if (!m) return undefined
  const word = getLexicon().cut(foldedQuestion.slice(m.index + m[0].length))[0]
  return word !== undefined && namesPeople(word) ? word : undefined
}

/**
 * A report saying what is asked is not known yet: 起火原因正在调查中, 嫌疑人仍在搜捕中,
 * 作案动机尚不清楚, 具体原因有待调查, 事故具体原因尚未公布.
 */
const NOT_KNOWN_YET =
  /(?:正在|仍在|尚在|还在|仍有待|还有待|有待)(?:进一步)?(?:调查|核实|搜捕|追查)|(?:尚|还|仍|目前)不(?:清楚|明确|明)|尚未(?:公布|查明|确定|披露|明确)|不得而知|下落不明/

/** A question asking why, answered by a cause: 什么原因引起的, 为什么, 起因是什么, 作案动机. */
const ASKS_CAUSE = /原因|起因|缘由|为什么|为何|怎么回事|动机|因何/
/** The words a report names a cause with. */
const CAUSE_WORDS = ['原因', '起因', '缘由', '动机']
/** A sentence giving a cause in other words: 初步判断系线路老化所致, 由于暴雨. */
const GIVES_CAUSE = /由于|因为|所致|原因是|起因是|引起的|导致的/

/**
 * The words a news report may say are not known yet, for a folded question: the words
 * whose value it asks (`valueWords`: 嫌疑人 of 嫌疑人叫什么名字) and, for a question
 * asking why, the words a cause is named with (原因, 起因, 动机).
 */
export function unknownWords(foldedQuestion: string, askedValues: readonly string[]): string[] {
  return [...askedValues, ...(ASKS_CAUSE.test(foldedQuestion) ? CAUSE_WORDS : [])]
}

/**
 * The first of `words` that a report names only to say it is not known yet: every
 * sentence holding it says so (起火原因正在调查中); undefined when none is, or when
 * a sentence holding it tells something else of it, or (for a cause) another sentence gives one.
 * @example toldUnknown('大火已被扑灭。起火原因正在调查中。', spans, ['原因']) === '原因'
 */
export function toldUnknown(folded: string, sentences: readonly Span[], words: readonly string[]): string | undefined {
  if (words.length === 0 || !NOT_KNOWN_YET.test(folded)) return undefined
  const told = sentences.map((s) => folded.slice(s.start, s.end))
  // A cause given in a clause of its own (初步判断系线路老化所致，具体原因仍在调查中).
  const causeGiven = told.some((s) => s.split(/[，,；;]/).some((clause) => GIVES_CAUSE.test(clause) && !NOT_KNOWN_YET.test(clause)))
  return words.find((w) => {
    if (causeGiven && CAUSE_WORDS.includes(w)) return false
    const holding = told.filter((s) => s.includes(w))
    // A clause giving a figure of it answers (已致84人死亡，80人下落不明).
    return (
      holding.length > 0 && holding.every((s) => NOT_KNOWN_YET.test(s) && !s.split(/[，,；;]/).some((c) => c.includes(w) && /\d/.test(c)))
    )
  })
}

/** A year as news gives it (for a question asking one, `ASKS_YEAR`): 2019年, 二〇一九年, 去年, 当年. */
const NEWS_YEAR =
  /\d{4} ?年|[〇零一二三四五六七八九]{4}年|今年|去年|前年|明年|当年|同年|次年|翌年|(?<![\d.])(?:19|20)\d{2}(?=[\u4e00-\u9fff])(?![年月日号万亿千百十个人名家项件台辆架艘吨元米次倍位条座所户份张只届期场批股种类起例篇部本首册克升度分秒周天多余])/

/**
 * A test of a folded news report for a question asking a year, or undefined for
 * any other: a report naming no year anywhere, nor 去年 or 当年, does not answer 哪一年出生
 * (a feature may give the year apart from the sentences holding the question's words; but
 * a year told of what the question says happened that year, 哪一年出生, comes with it: see
 * `Derived.yearOf` in rerank.ts). Not for encyclopedia text, where such a test lost right answers.
 * @example newsYearTest('他是哪一年出生的')?.('他晋升上将军衔') === false
 */
export function newsYearTest(foldedQuestion: string): ((foldedText: string) => boolean) | undefined {
  return ASKS_YEAR.test(foldedQuestion) ? (t) => NEWS_YEAR.test(t) : undefined
}

/** A question asking when (什么时候, 何时), and a time a news report tells: a year, month, day or part of a year. */
const ASKS_TIME = /什么时候|何时|什么时间/
const NEWS_WHEN = /\d{1,2} ?月|[上下]半年|年[内底初中]|月[底初中]|季度|近日|日前|\d{1,2} ?时/

/**
 * A test of a folded news report for a question asking when (什么时候), or undefined for another question: it tells a
 * year, a day, a month or a part of a year (NEWS_YEAR, DAY, NEWS_WHEN).
 * @example whenTest('星舟七号什么时候发射')?.('星舟七号将开展月球探测') === false
 */
export function whenTest(foldedQuestion: string): ((foldedText: string) => boolean) | undefined {
  return ASKS_TIME.test(foldedQuestion) ? tellsDate : undefined
}

/** Whether folded text tells a year, a day, a month or a part of a year (NEWS_YEAR, DAY, NEWS_WHEN). */
const tellsDate = (foldedText: string): boolean => NEWS_YEAR.test(foldedText) || DAY.test(foldedText) || NEWS_WHEN.test(foldedText)

/**
 * Whether folded text tells when something happens: a year, a day, a month, a part of a year or a time of day
 * (将于3月31日全部完成, 今晚播出).
 */
export function tellsWhen(foldedText: string): boolean {
  return tellsDate(foldedText) || CLOCK.test(foldedText) || /[今明昨][晚早]/.test(foldedText)
}

/** A question asking where someone is from, and a text telling it: 出生于辽宁昌图, 祖籍宁乡. */
const HOMETOWN_ASKED = /老家|家乡|故乡|籍贯|哪里人|哪儿人/
const HOMETOWN_TOLD = /出生|生于|老家|家乡|故乡|籍贯|祖籍|人氏/

/**
 * For a question asking where someone is from (老家是哪里, 哪里人), a test of folded text for telling it: a place with
 * their birth or origin (出生于辽宁昌图, 祖籍宁乡), which a report answering it gives; undefined for another question.
 * @example hometownTest('王永志老家是哪里的')?.('1932年，王永志出生于辽宁昌图') === true
 */
export function hometownTest(foldedQuestion: string): ((foldedText: string) => boolean) | undefined {
  if (!HOMETOWN_ASKED.test(foldedQuestion)) return undefined
  // (With a place: 家乡代表也前往送别 names no hometown.)
  const place = kindTester('place', foldedQuestion, true)
  return (t) => HOMETOWN_TOLD.test(t) && place(t)
}

/**
 * Venues and institutions whose names end in what they are (XX滑雪场, XX酒店, XX研究院), and
 * the words a report naming one writes: asked 哪个滑雪场, a report names the 滑雪场.
 */
const VENUES: ReadonlyMap<string, readonly string[]> = new Map([
  ['滑雪场', ['滑雪场']],
  ['酒店', ['酒店', '宾馆', '饭店']],
  ['宾馆', ['酒店', '宾馆', '饭店']],
  // Any hall or theatre (国家大剧院, 人民大会堂, 展览馆) is a 场馆 when the question does not say what for.
  ['场馆', ['场馆', '馆', '剧院', '音乐厅', '会堂', '体育场', '体育中心', '会展中心', '展览中心']],
  ['体育场馆', ['场馆', '体育场', '体育馆', '体育中心']],
  ['体育场', ['体育场', '体育中心']],
  ['体育馆', ['体育馆', '体育中心']],
  ['研究院', ['研究院', '研究所', '设计院']],
  ['研究所', ['研究院', '研究所']],
  ['博物馆', ['博物馆', '博物院']],
  ['纪念馆', ['纪念馆']],
  ['剧院', ['剧院', '大剧院']],
  ['医院', ['医院']],
  ['机场', ['机场']],
  ['基地', ['基地']],
  ['大学', ['大学', '学院']],
  ['学校', ['学校', '大学', '学院', '中学', '小学']],
  ['报纸', ['报']],
])

/**
 * The words a news report must hold to name the venue or institution a question asks for
 * (the noun after 哪个: 在呼伦贝尔哪个滑雪场举行 → 滑雪场), or undefined: a report saying only 在呼伦贝尔启动 does
 * not tell which ski resort.
 * @example askedVenue('启动仪式在哪个滑雪场举行') // ['滑雪场']
 */
export function askedVenue(foldedQuestion: string): readonly string[] | undefined {
  const m = /哪[一]?[个座家所间]?(\p{Script=Han}{2,4})/u.exec(foldedQuestion)
  if (!m) return undefined
  const noun = [...VENUES.keys()].filter((v) => m[1]!.startsWith(v)).sort((a, b) => b.length - a.length)[0]
  return noun === undefined ? undefined : VENUES.get(noun)
}

/**
 * Words asking a shopper's, diner's or traveller's judgement (哪个更好吃, 哪里的酒店便宜, 值不值得买,
 * 推荐买哪只, 有什么攻略) or a service (门票, 预约, 报名入口, 分数线, 年薪, 节目单), where to buy it
 * (`WHERE_TO_BUY`), how to do it (`HOW_TO`: 要怎么预约) or whether it is done (`DONE_OR_NOT`:
 * 周一开门吗): news reports what happened, not which is better
 * to buy or how a reader gets it done, so a report answering such a question names the judgement
 * or the doing itself. None of the 250 answerable news questions of this session's sets G, L, M
 * and news-dev holds one; 98 of 285 off-topic questions (sets J, K, O, Q, R, G's and news-dev's,
 * the test fixtures) do.
 */
const JUDGEMENT =
  /好吃|好喝|好用|好玩|便宜|划算|实惠|靠谱|值得|性价比|正宗|耐用|保暖|推荐|攻略|口碑|测评|评测|牌子|门票|票价|预约|报名|入口|官网|分数线|年薪|月薪|节目单|营业时间|开放时间|退票|退款|客服|优惠券|流程|手续费|运费/g

/**
 * A question asking where or how to buy something (哪里买, 在哪能买到, 怎么买, 去哪儿买), or where
 * to get a service done (去哪里办理, 在哪申请, 哪里领取): the verb, 买 for any buying.
 */
const WHERE_TO_BUY = /(?:哪里|哪儿|在哪|去哪|到哪|哪|怎么|如何)(?:能|可以|才能|去)?(买|购买|办理|申请|领取|兑换)/

/** 怎么, 如何 and the like before what is to be done (怎么申请, 要如何才能预约), its first word the verb. */
const HOW_TO = /(?:怎么|怎样|如何|咋)(?:才能|才|能|可以|去|来)?(\p{Script=Han}{2,6})/gu

/**
 * 要, 需要 or 得 and a verb of errands before 什么 (要办什么签证, 需要带什么), and the word a report telling of it writes.
 * Not 办 of an event held (说要办什么论坛), which is no errand.
 */
const MUST_DO = /(?:要|需要|得|应该|该)(办(?!什么(?:论坛|活动|展|会|节|赛|晚会|仪式))|准备|带|交|申请)什么/g
const MUST_DO_WORDS: Readonly<Record<string, string>> = { 办: '办理', 准备: '准备', 带: '携带', 交: '缴纳', 申请: '申请' }

/** What is done before 吗 (周一开门吗, 需要提前预约吗), its last word the verb. */
const DONE_OR_NOT = /(\p{Script=Han}{2,6}?)了?吗/gu

/**
 * The judgement words of a folded question (`JUDGEMENT`), an A-not-A question read as
 * its word (好不好吃: 好吃, 值不值得: 值得).
 * @example judgementWords('北大荒大米和五常大米哪个更好吃') // ['好吃']
 */
export function judgementWords(foldedQuestion: string): string[] {
  const plain = foldedQuestion.replace(/(\p{Script=Han})不(?=\1)/gu, '')
  const words = [...plain.matchAll(JUDGEMENT)].map((m) => m[0])
  // Where to buy it (天舟六号拼装模型哪里买) or get it done (契税优惠要去哪里办理): a report telling of it names
  // buying, or the doing.
  const buy = WHERE_TO_BUY.exec(plain)
  if (buy) words.push(buy[1]!.endsWith('买') ? '买' : buy[1]!)
  // How to do it (失业金怎么申请, 爱丽舍宫要怎么预约) or whether it is done (周一开门吗): a report
  // telling of it names the doing.
  const lexicon = getLexicon()
  const isVerb = (w: string | undefined): w is string => w !== undefined && w.length >= 2 && lexicon.pos(w)?.startsWith('v') === true
  for (const m of plain.matchAll(HOW_TO)) {
    const verb = segmenter().cut(m[1]!, true)[0]
    if (isVerb(verb)) words.push(verb)
  }
  // What a reader must do (去日本旅游要办什么签证, 需要准备什么材料): a report telling of it names the doing.
  for (const m of plain.matchAll(MUST_DO)) words.push(MUST_DO_WORDS[m[1]!]!)
  for (const m of plain.matchAll(DONE_OR_NOT)) {
    const verb = segmenter().cut(m[1]!, true).at(-1)
    if (isVerb(verb)) words.push(verb)
  }
  return [...new Set(words)]
}
