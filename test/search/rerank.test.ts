import { describe, expect, it } from 'vitest'
import { sentenceSpans } from '../../src/text/sentences.js'
import {
  charEvidence,
  holidaysNamed,
  judge,
  periodsNamed,
  tellsEarlierDay,
  type Candidate,
  type QueryModel,
} from '../../src/search/rerank.js'
import { fold } from '../../src/text/script.js'
import { parseQuery } from '../../src/search/tokenize.js'

/** A query model where every term weighs the same, or as given. */
function model(question: string, weightOf: (term: string) => number = () => 1): QueryModel {
  const parsed = parseQuery(question)
  const weights = new Map(parsed.terms.map((t) => [t, weightOf(t)] as [string, number]))
  return { parsed, weights, totalWeight: [...weights.values()].reduce((a, b) => a + b, 0) }
}

function candidate(text: string, bm25 = 1): Candidate {
  return { text, folded: fold(text), sentences: sentenceSpans(text), bm25 }
}

const rankOf = (q: QueryModel, text: string, bm25 = 1) => judge(q, candidate(text, bm25))?.rank ?? -Infinity

describe('question frame', () => {
  it('ranks the article about the subject above one that only shares the question frame', () => {
    // 個朝 in 整個朝鮮 matches the 个朝 of 哪一个朝代; it must not outweigh the name asked about.
    const q = model('玄奘是哪一個朝代的人?', (t) => (t === '个朝' ? 5 : t === '玄奘' ? 4 : 1))
    const frameOnly = '高麗歷經多代君主，國土大體上涵蓋整個朝鮮半島，是一個重要的朝代。'
    const subject = '唐代高僧玄奘曾到訪印度，促進了與印度文化的交流。'
    expect(rankOf(q, subject)).toBeGreaterThan(rankOf(q, frameOnly))
  })
})

describe('names', () => {
  it('ranks the article naming the person asked about above another ceremony that never names them', () => {
    const q = model('马克龙的就职典礼在哪里举行？')
    const named = '马克龙今天在爱丽舍宫宣誓就职，典礼在宫内举行。'
    const nameless = '青禾市新一届市政府就职典礼今天在市体育馆举行。'
    expect(rankOf(q, named)).toBeGreaterThan(rankOf(q, nameless))
  })
})

describe('spans of the year', () => {
  it('reads the span from January that statistics are given for, however news writes it', () => {
    expect([...periodsNamed(fold('今年前4个月'))]).toEqual([4])
    expect([...periodsNamed(fold('1至10月份，前十个月，前两个月'))]).toEqual([10, 2])
    expect([...periodsNamed(fold('一季度、上半年和前三季度'))]).toEqual([3, 6, 9])
    expect([...periodsNamed(fold('2024年全年社会物流总额'))]).toEqual([12])
    expect([...periodsNamed(fold('今年头两个月网上零售额'))]).toEqual([2])
    expect([...periodsNamed(fold('1至7月全国铁路固定资产投资'))]).toEqual([7])
  })

  it('reads no span in a day, a single month or another quarter', () => {
    expect([...periodsNamed(fold('10月1日，8月份，第二季度，4个月前'))]).toEqual([])
  })
})

describe('holidays', () => {
  it('reads the holidays a question names, with the words news calls each by', () => {
    expect(holidaysNamed(fold('端午假期返程'))).toEqual([['端午节', '端午']])
    expect(holidaysNamed(fold('國慶假期'))).toEqual([['国庆节', '国庆']])
    expect(holidaysNamed(fold('8月份铁路客流'))).toEqual([])
  })
})

describe('character evidence', () => {
  it('gives credit to a paraphrase that keeps the characters of the question', () => {
    // Both hold 第三代蓝甲虫; only the second says how it came about (誕生, not 产生): it shares 生.
    const q = model('第三代藍甲蟲是怎麼產生的？')
    const bare = '海梅後來成為第三代藍甲蟲，住在艾爾帕索。'
    const paraphrase = '海梅後來成為第三代藍甲蟲，由此誕生新的英雄。'
    expect(rankOf(q, paraphrase)).toBeGreaterThan(rankOf(q, bare))
  })

  it('counts characters of one sentence, or of two adjacent sentences, never of the whole article scattered', () => {
    const chars = new Map([
      ['研', 1],
      ['发', 1],
      ['投', 1],
      ['入', 1],
    ])
    const score = (text: string) => charEvidence(fold(text), sentenceSpans(text), chars, 4)
    expect(score('研發投入增加。')).toBe(1)
    // Split over two adjacent sentences: full credit for the pair, half for the best single sentence.
    expect(score('研發很重要。投入增加。')).toBeCloseTo(0.75)
    // The same characters far apart count only as much as the best sentence or pair holds.
    expect(score('研究開始。天氣很好。發展很快。投票結束。加入我們。')).toBeCloseTo(0.375)
  })
})

describe('letter codes', () => {
  it('counts a letter code of the question among its characters, found as a whole', () => {
    const q = model('NBA總決賽在哪裡舉行？')
    const chars = (text: string) => judge(q, candidate(text))!.chars
    expect(chars('NBA總決賽在波士頓舉行。')).toBe(1)
    expect(chars('總決賽在波士頓舉行。')).toBeLessThan(1)
    expect(chars('WNBA總決賽在波士頓舉行。')).toBeLessThan(1)
  })

  it('counts a code in one sentence or in a pair of adjacent ones, as it counts a character', () => {
    const chars = new Map([
      ['5g', 1],
      ['基', 1],
      ['站', 1],
    ])
    const score = (text: string) => charEvidence(fold(text), sentenceSpans(text), chars, 3)
    expect(score('5G基站開通。')).toBe(1)
    expect(score('基站開通。5G上線。')).toBeCloseTo((2 / 3 + 1) / 2)
    expect(score('15G基站開通。')).toBeCloseTo(2 / 3)
  })
})

describe('judging', () => {
  it('drops an article that holds too little of the query', () => {
    const q = model('黄河流域生态保护和高质量发展')
    expect(judge(q, candidate('今天的天氣很好，我們去公園散步，看到很多人在跳舞。'))).toBeUndefined()
  })

  it('gives a kept article an excerpt holding its best sentence', () => {
    const q = model('中国铜业的会议在哪里召开？')
    const judged = judge(q, candidate('中国铜业召开2024年科技工作会议。会议在昆明召开。'))
    expect(judged?.excerpt.text).toContain('昆明')
  })
})

describe('title', () => {
  it('ranks the article whose title names what the question asks about above one with the same text under another title', () => {
    const q = model('東德的人士信仰什麼宗教？')
    const text = '東德地區多數人信仰新教，宗教活動受到限制。'
    const titled = judge(q, { ...candidate(text), title: fold('东德') })!.rank
    const untitled = judge(q, { ...candidate(text), title: fold('香港人口') })!.rank
    expect(titled).toBeGreaterThan(untitled)
  })

  it('counts the query words a title names even where the text does not repeat them', () => {
    // A paragraph under the title 德国 speaks of 當地居民 without naming 德国 again.
    const q = model('德國的居民信仰什麼宗教？')
    const text = '當地居民多信仰新教，宗教自由受到保障。'
    const titled = judge(q, { ...candidate(text), title: fold('德国') })!
    const other = judge(q, { ...candidate(text), title: fold('香港人口') })!
    expect(titled.parts['title']).toBeGreaterThan(0)
    expect(titled.parts['titleWords']).toBeGreaterThan(0)
    expect(titled.rank).toBeGreaterThan(other.rank)
  })
})

describe('what the question asks', () => {
  it('ranks the article whose sentence gives a time of day above one that repeats the words without one, for 几点', () => {
    const q = model('火星探测器是几点着陆火星的？')
    const timed = '今天（5月15日）7时18分，火星探测器成功着陆火星乌托邦平原。'
    const untimed = '今天（5月17日），国家航天局发布了火星探测器着陆火星后拍摄的影像。'
    expect(rankOf(q, timed)).toBeGreaterThan(rankOf(q, untimed))
  })

  it('ranks the article that holds the word asked about above one that only names the subject', () => {
    const q = model('天宫二号是在哪里回收的？')
    const recovered = '今天上午，我国在东风着陆场成功回收天宫二号返回舱。'
    const mentioned = '天宫二号载荷交付仪式在北京举行，天宫二号是一颗试验卫星。'
    expect(rankOf(q, recovered)).toBeGreaterThan(rankOf(q, mentioned))
  })

  it('leans to the article whose title names what is asked, written out in full (澳网: 澳大利亚网球公开赛)', () => {
    const q = model('李华在澳网女单决赛输给了谁？')
    const text = '澳大利亚网球公开赛女子单打决赛今天进行，李华不敌赵敏，获得亚军。'
    const titled = judge(q, { ...candidate(text), title: fold('李华获得澳大利亚网球公开赛女单亚军') })!.rank
    const other = judge(q, { ...candidate(text), title: fold('今日体育简讯') })!.rank
    expect(titled).toBeGreaterThan(other)
  })
})

describe('recaps', () => {
  it('tells a sentence about an earlier day from one about the day itself', () => {
    expect(tellsEarlierDay(fold('24日，两国签署联合公报，正式建交。'), '2024-03-29')).toBe(true)
    expect(tellsEarlierDay(fold('今天（3月24日），两国签署联合公报。'), '2024-03-24')).toBe(false)
    expect(tellsEarlierDay(fold('2号机组预计明年投产。'), '2024-03-29')).toBe(false)
  })

  it('ranks the article that reported a fact on its day above a later one that recounts it', () => {
    const q = model('甲国是乙国的第几个建交国？')
    const text = (lead: string) => `${lead}甲国成为乙国第50个建交国。`
    const onTheDay = judge(q, { ...candidate(text('今天（3月24日），两国签署联合公报。')), date: '2024-03-24' })!.rank
    const recounted = judge(q, {
      ...candidate('使馆今天复馆。24日，两国签署联合公报，甲国成为乙国第50个建交国。'),
      date: '2024-03-29',
    })!.rank
    expect(onTheDay).toBeGreaterThan(recounted)
  })
})

describe('the thing a count asks of', () => {
  it('is named in a report by the head of its compound alone (多少条公交线路: 200余条线路)', () => {
    const q = model('青禾市有多少条公交线路停驶或者绕行？')
    const report = '受降雪影响，青禾市有200余条线路采取停驶、绕行等措施。'
    expect(judge(q, { ...candidate(report), date: '2024-02-21' })!.lacksRequired).toBe(false)
    // A report that names no line at all still does not answer.
    const other = '受降雪影响，青禾市有200余个航班取消，部分道路停驶绕行。'
    expect(judge(q, { ...candidate(other), date: '2024-02-21' })!.lacksRequired).toBe(true)
  })
})

describe('keywords typed apart', () => {
  it('ranks the report holding every keyword above one whose headline holds all but one', () => {
    const q = model('青禾 台风 恢复 市县')
    const everyKeyword = judge(q, {
      ...candidate('青禾台风过后，灾后重建有序推进。目前全省已有12个市县全面恢复正常生产生活秩序。'),
      title: fold('青禾灾后重建有序推进'),
      date: '2024-09-15',
    })!.rank
    const allButOne = judge(q, {
      ...candidate('经过20多天抢修，青禾受台风影响的87个乡镇今天全部恢复供电。'),
      title: fold('青禾受台风影响用户今天全部恢复供电'),
      date: '2024-09-28',
    })!.rank
    expect(everyKeyword).toBeGreaterThan(allButOne)
  })

  it('ranks the talks above the reception of the same visit when 会谈 is typed', () => {
    const q = model('柯晓岚 章景澜 会谈 建交 周年')
    const talks = judge(q, {
      ...candidate(
        '柯晓岚在星河宫同星河国总理章景澜举行会谈。柯晓岚表示，两国关系保持良好发展势头。双方签署了经贸、教育等领域合作文件。今年是两国建交50周年。',
        0.8,
      ),
      title: fold('柯晓岚同星河国总理章景澜举行会谈'),
      date: '2024-06-19',
    })!.rank
    // The reception's report holds every keyword but 会谈, and more of the others.
    const reception = judge(q, {
      ...candidate(
        '柯晓岚同星河国总理章景澜共同出席庆祝两国建交50周年招待会并发表主旨演讲，两国各界人士约500人参加。柯晓岚表示，建交50周年来两国关系不断发展。',
      ),
      title: fold('柯晓岚同章景澜共同出席庆祝两国建交50周年招待会'),
      date: '2024-06-20',
    })!.rank
    expect(talks).toBeGreaterThan(reception)
  })
})
