import { describe, expect, it } from 'vitest'
import {
  answerTest,
  askedVenue,
  countTest,
  newsYearTest,
  toldUnknown,
  unknownWords,
  valueTest,
  yearsTest,
} from '../../src/search/answer-fit.js'
import { sentenceSpans } from '../../src/text/sentences.js'
import { parseQuery } from '../../src/search/tokenize.js'
import {
  compoundParts,
  deedsAsked,
  focusWords,
  holdsAbbreviated,
  holdsCountryWritten,
  holdsNamed,
  holdsSpelledOut,
  holdsWholeWord,
  namedShare,
  saysVerbOtherwise,
  valueWords,
} from '../../src/search/word-evidence.js'
import { fold } from '../../src/text/script.js'

const focusOf = (q: string, afterOnly = false) => {
  const parsed = parseQuery(q)
  return [...focusWords(parsed.folded, parsed.words, afterOnly)].map((i) => parsed.words[i]!.text)
}

describe('focus words', () => {
  it('finds the word the question asks about, beside its question word', () => {
    expect(focusOf('天宫二号是在哪里回收的？')).toEqual(['回收'])
    expect(focusOf('探测器几点着陆火星？')).toEqual(['着陆'])
    expect(focusOf('李华在半决赛输给了谁？')).toEqual(['输给'])
  })

  it('finds the quantity asked for after 多长, 多久, 多大, 多高, 多远', () => {
    expect(focusOf('这支部队有多长的历史？')).toEqual(['历史'])
    expect(focusOf('新大桥有多高的桥塔？')).toEqual(['桥塔'])
  })

  it('finds the word after spoken 啥 as after 什么 (给了啥处分)', () => {
    expect(focusOf('李明最后给了啥处分', true)).toEqual(['处分'])
  })

  it('finds the post asked after 哪位, organisation and post together (军委副主席), not the verb after it', () => {
    expect(focusOf('会议上是哪位军委副主席讲话的？')).toEqual(['军委', '副主席'])
    expect(focusOf('探测器几点着陆月球背面？')).toEqual(['着陆'])
  })

  it('finds what a count is of after 多少 and its classifier (多少个技术难题)', () => {
    expect(focusOf('团队攻克了多少个技术难题？', true)).toEqual(['技术难题'])
  })

  it('gives only the words after the question word when asked to (the thing asked for, not the verb before it)', () => {
    expect(focusOf('丁薛祥参观了哪家芯片公司？', true)).toEqual(['芯片'])
    expect(focusOf('丁薛祥参观了哪家芯片公司？')).toEqual(['参观', '芯片'])
    expect(focusOf('李华在半决赛输给了谁？', true)).toEqual([])
  })

  it('does not take the subject before 是 for what is asked', () => {
    expect(focusOf('天宫二号是在哪里回收的？')).not.toContain('天宫')
  })
})

describe('whole words', () => {
  it('does not count a word found only inside a longer word', () => {
    expect(holdsWholeWord(fold('返回舱打开降落伞减速。'), '降落')).toBe(false)
    expect(holdsWholeWord(fold('返回舱打开降落伞，随后降落在草原上。'), '降落')).toBe(true)
  })

  it('finds a short name written out in full', () => {
    expect(holdsAbbreviated(fold('她在澳大利亚网球公开赛上夺冠。'), '澳网')).toBe(true)
    expect(holdsAbbreviated(fold('她在女子单打比赛中夺冠。'), '女单')).toBe(true)
    // Too far apart, or across punctuation: not the name.
    expect(holdsAbbreviated(fold('澳门的一家大型商场，网店也很多。'), '澳网')).toBe(false)
    expect(holdsNamed(fold('澳大利亚，网上购物'), '澳网')).toBe(false)
  })

  it('finds what the person asked did after 谁, or after 哪位 and who they are', () => {
    const deeds = (q: string) => deedsAsked(fold(q), parseQuery(q).words)
    expect(deeds('青禾论坛开幕式是谁主持的')).toEqual(['主持'])
    expect(deeds('赵青山会见总统时还有哪位领导参加了会见？')).toContain('参加')
    expect(deeds('哪位是青禾队的队长')).toEqual([])
    expect(deeds('林青山出访星河，陪同出访的都有谁').sort()).toEqual(['出访', '陪同'])
  })

  it('finds a longer short name spelled out, each character a few after the one before', () => {
    expect(holdsSpelledOut(fold('星河國際投資貿易洽談會今天開幕'), '投洽会')).toBe(true)
    expect(holdsSpelledOut(fold('投资促进会议今天洽谈合作'), '投洽会')).toBe(false)
    expect(holdsSpelledOut(fold('投资贸易，洽谈会'), '投洽会')).toBe(false)
  })

  it('weighs the asked-about word more when measuring how much of the question a text holds', () => {
    const parsed = parseQuery('天宫二号是在哪里回收的？')
    const focus = focusWords(parsed.folded, parsed.words)
    const withVerb = namedShare(parsed.words, focus, 2, fold('在东风着陆场回收'))
    const withSubject = namedShare(parsed.words, focus, 1, fold('在东风着陆场回收'))
    expect(withVerb).toBeGreaterThan(withSubject)
  })
})

describe('answer test', () => {
  it('takes a time of day, not a date, for 几点', () => {
    const fits = answerTest(fold('探测器几点着陆火星？'))!
    expect(fits(fold('今天（5月15日）7时18分，探测器着陆火星。'))).toBe(true)
    expect(fits(fold('今天（5月15日），探测器着陆火星。'))).toBe(false)
  })

  it('takes a named site for 哪里', () => {
    const fits = answerTest(fold('返回舱在哪里着陆？'))!
    expect(fits(fold('返回舱在东风着陆场成功着陆。'))).toBe(true)
    expect(fits(fold('返回舱成功着陆。'))).toBe(false)
  })

  it('has nothing to test when the question does not say what it asks for', () => {
    expect(answerTest(fold('新能源汽车 产量'))).toBeUndefined()
  })
})

describe('whole words, nouns', () => {
  it('still counts a noun inside a longer noun of its kind', () => {
    expect(holdsWholeWord(fold('联盟军在东部取得胜利。'), '联盟')).toBe(true)
  })

  it('does not take 在哪 before a classifier of things for a question about a place', () => {
    expect(answerTest(fold('这首歌收录在哪张专辑？'))).toBeUndefined()
  })
})

describe('compound words', () => {
  it('splits a compound into the dictionary words it is made of', () => {
    expect(compoundParts('产品产量')).toEqual(['产品', '产量'])
    expect(compoundParts('门票价格')).toEqual(['门票', '价格'])
    expect(compoundParts('老电影')).toEqual(['电影'])
    // jieba's longest piece (公交线) leaves 路 over: a shorter one covers the word.
    expect(compoundParts('公交线路')).toEqual(['公交', '线路'])
  })

  it('leaves a word that is no compound whole', () => {
    expect(compoundParts('妻子')).toEqual([])
    expect(compoundParts('增加值')).toEqual([])
  })
})

describe('the words whose value a question asks', () => {
  const valued = (q: string) => {
    const parsed = parseQuery(q)
    return valueWords(parsed.folded, parsed.words).map((i) => parsed.words[i]!.text)
  }

  it('are measures before 多少 that jieba calls verbs (身高, 收入), not what was done (超过多少)', () => {
    expect(valued('网球选手林青青身高多少？')).toEqual(['身高'])
    expect(valued('青禾县农民去年收入多少')).toEqual(['收入'])
    expect(valued('返程高峰那天人员流动量预计超过多少')).toEqual([])
  })

  it('takes no verb before 什么 for a value asked, though jieba calls it a noun (把新能源车比作什么)', () => {
    expect(valued('总理把智能网联新能源车比作什么')).toEqual([])
  })

  it('are the nouns before 是谁, 是多少, 是做什么 and after 多少', () => {
    expect(valued('航天员林青山的妻子是做什么工作的？')).toEqual(['妻子'])
    expect(valued('开幕式上的旗手是谁')).toEqual(['旗手'])
    expect(valued('她夺冠拿到了多少奖金？')).toEqual(['奖金'])
    expect(valued('那艘储油船的造价是多少？')).toEqual(['造价'])
    expect(valued('上诉后罚金减了多少？')).toEqual(['罚金'])
    expect(valued('全球销量卖了多少份？')).toEqual(['销量'])
    expect(valued('利润增长了多少？')).toEqual([])
  })

  it('takes no word before 是哪一天 or 是哪一年 for a value asked: the day is asked of it', () => {
    expect(valued('星河国债是哪一天首次超过34万亿美元的？')).toEqual([])
    expect(valued('青禾大桥是哪一年建成的？')).toEqual([])
  })

  it('takes no word naming the kind of place asked (老家, 家乡) for a value the report must name', () => {
    expect(valued('林青山老家是哪里的')).toEqual([])
    expect(valued('林青山的家乡在哪里？')).toEqual([])
  })

  it('are the head of the nouns after 多少 (患者 of 多少外国患者), not an adverb before 有多少', () => {
    expect(valued('累计给多少外国患者看过病？')).toEqual(['患者'])
    expect(valued('世园会里一共有多少个展馆？')).toEqual(['展馆'])
    expect(valued('一共建了多少所学校？')).toEqual(['学校'])
    expect(valued('武装部队称打死了对方什么人？')).toEqual([])
  })

  it('stop at the nouns after 多少 when the word after them is what was done (交流了)', () => {
    expect(valued('总理在午餐会上跟多少家跨国公司交流了')).toEqual(['跨国公司'])
  })

  it('are the keyword a question typed apart asks of (男主角 of 最佳男主角 是谁)', () => {
    expect(valued('星河电影节 最佳男主角 是谁')).toEqual(['男主角'])
  })

  it('are not a word qualifying the noun after 哪位 or 哪个 (央行 of 央行哪位副行长)', () => {
    expect(valued('宣讲团在青禾宣讲的是央行哪位副行长')).toEqual([])
    expect(valued('这次的旗手是哪位运动员')).toEqual(['旗手'])
  })

  it('are not the thing a count in a unit measures (制程 of 几纳米制程), which the other vocabulary calls otherwise (工艺)', () => {
    expect(valued('华芯科技的芯片用几纳米制程？')).toEqual([])
  })

  it('are the nouns before 有多大, 有多高 (库容 of 总库容有多大)', () => {
    expect(valued('青禾水库建成后总库容有多大？')).toEqual(['库容'])
    expect(valued('青禾古镇有多长的历史？')).toEqual([])
  })

  it('are what a measure measures (理赔 of 理赔金额), not the measure', () => {
    expect(valued('台风过后保险理赔金额是多少？')).toEqual(['理赔'])
  })

  it('are not the nouns naming a kind of answer, which an article gives without them', () => {
    expect(valued('这位议长的名字是什么？')).toEqual([])
    expect(valued('大会在哪个城市举办？')).toEqual([])
    expect(valued('那篇长篇通讯的标题是什么？')).toEqual([])
    expect(valued('团体全能决赛中国队总分是多少？')).toEqual([])
    expect(valued('站点数量目标是多少？')).toEqual([])
    expect(valued('外交官被逐的起因是哪起案件？')).toEqual([])
    expect(valued('中继星计划什么时候发射？')).toEqual([])
    expect(valued('飞船计划哪天返回？')).toEqual([])
    expect(valued('仓库大火是什么原因引起的？')).toEqual([])
    expect(valued('那个出口管制条例全名是什么？')).toEqual([])
  })

  it('are not a word telling where the reader heard it (据说, 听说)', () => {
    expect(valued('失踪的两名士兵据说是哪支部队的？')).toEqual([])
  })

  it('are not a word for a kind of person (选手, 运动员), whom a report names without it', () => {
    expect(valued('混合接力夺冠的中国选手是谁？')).toEqual([])
    expect(valued('打破纪录的运动员是谁？')).toEqual([])
    expect(valued('代表团团长是谁？')).toEqual(['团长'])
    expect(valued('有哪几位领导一同前往？')).toEqual([])
  })

  it('are not the word before a verb when a noun after 多少 says what is counted (机器 of 机器收了多少亩芝麻)', () => {
    expect(valued('青禾县今年用机器收了多少亩芝麻？')).not.toContain('机器')
    expect(valued('全球销量卖了多少份？')).toEqual(['销量'])
    expect(valued('青禾论坛部长级会议有多少人参会？')).toEqual([])
    expect(valued('青禾秋收有多少台收割机在作业？')).not.toContain('秋收')
  })

  it('are the nouns before 最低要多少 (注册资本 of 注册资本最低要多少钱)', () => {
    expect(valued('支付机构的注册资本最低要多少钱？')).toEqual(['注册资本'])
  })

  it('are not a scope (全国), the end of a date jieba joins to a verb (14日用), nor what the asked one did (长文 of 长文是哪家媒体播发的)', () => {
    expect(valued('截至12月底全国一共有多少家5A级景区？')).toEqual([])
    expect(valued('民兵武装1月14日用什么武器袭击了基地？')).toEqual([])
    expect(valued('这篇讲经济的长文是哪家媒体播发的？')).toEqual([])
    expect(valued('开幕式的旗手是哪位运动员？')).toEqual(['旗手'])
    expect(valued('主场活动预计有多少外宾出席？')).toEqual(['外宾'])
  })

  it('are not a noun whose name is asked, which the name ends in (执政党叫什么: 新民主党)', () => {
    expect(valued('希腊总理领导的执政党叫什么？')).toEqual([])
    expect(valued('会见的议长叫什么？')).toEqual(['议长'])
  })

  it('are what a total counts (进出口 of 进出口总值), not the total', () => {
    expect(valued('外贸进出口总值是多少？')).toEqual(['进出口'])
  })
})

describe('what a report says is not known yet', () => {
  const unknown = (text: string, words: string[]) => toldUnknown(fold(text), sentenceSpans(fold(text)), words)

  it('is a word every sentence naming it says is still under investigation or unclear', () => {
    expect(unknown('大火已被扑灭。起火原因正在调查中。', ['原因'])).toBe('原因')
    expect(unknown('目前槍擊事件的嫌疑人仍在搜捕中。', ['嫌疑人'])).toBe('嫌疑人')
    expect(unknown('嫌疑人作案动机尚不清楚。', ['嫌疑人', '动机'])).toBe('嫌疑人')
  })

  it('is not a word another sentence tells of, nor a cause another sentence gives', () => {
    expect(unknown('警方逮捕了嫌疑人张某。嫌疑人动机仍在调查中。', ['嫌疑人'])).toBeUndefined()
    expect(unknown('初步判断系线路老化所致，具体原因仍在调查中。', ['原因'])).toBeUndefined()
    expect(unknown('大火已被扑灭，上百栋房屋被毁。', ['原因'])).toBeUndefined()
  })

  it('are the asked words, and the words of a cause for a question asking why', () => {
    expect(unknownWords(fold('大火是什么原因引起的'), [])).toEqual(['原因', '起因', '缘由', '动机'])
    expect(unknownWords(fold('嫌疑人叫什么名字'), ['嫌疑人'])).toEqual(['嫌疑人'])
  })
})

describe('a question only a figure answers', () => {
  it('asks a sum of money, which a text without one cannot give', () => {
    const price = valueTest(fold('绿证交易一个多少钱？'))!
    expect(price(fold('绿证交易量同比增长一倍。'))).toBe(false)
    expect(price(fold('每个绿证成交均价为5.6元。'))).toBe(true)
    expect(valueTest(fold('青禾航展票价是多少'))?.(fold('门票每张八十元'))).toBe(true)
    expect(valueTest(fold('转移支付一共有多少钱'))?.(fold('转移支付超10万亿元'))).toBe(true)
    expect(valueTest(fold('德国被要求付多少赔偿'))?.(fold('赔款总额为1320亿金马克'))).toBe(true)
    expect(valueTest(fold('这套房子多少钱'))?.(fold('小区有3个单元'))).toBe(false)
    expect(valueTest(fold('青禾公司对华追加投资多少？'))?.(fold('表示愿继续扩大对华投资合作'))).toBe(false)
    expect(valueTest(fold('青禾大桥总投资是多少'))?.(fold('大桥总投资约46亿元'))).toBe(true)
    // (A fraction of a price is no sum: 价格是进口机的几分之一.)
    const share = valueTest(fold('青禾甘蓝收割机价格是进口机的几分之一'))!
    expect(share(fold('销售价格仅为同类进口机型的1/6'))).toBe(true)
    expect(share(fold('销售价格为12万元'))).toBe(false)
    // (A count in 个 of things named with a sum's noun is no sum: 投资项目清单涵盖了几个行业; 多少个亿 is.)
    expect(valueTest(fold('青禾第一批民间投资项目清单，涵盖了几个行业？'))).toBeUndefined()
    expect(valueTest(fold('青禾大桥总投资多少个亿'))?.(fold('大桥总投资约46亿元'))).toBe(true)
  })

  it('asks money for 多少块钱 or a price in 块, yuan or pieces for a bare 多少块, a count of pieces for 多少块 and a noun', () => {
    expect(valueTest(fold('青禾草莓一斤多少块？'))?.(fold('草莓每斤卖20元'))).toBe(true)
    expect(valueTest(fold('青禾草莓一斤多少块钱'))?.(fold('草莓每斤卖20元'))).toBe(true)
    expect(valueTest(fold('青禾渔光互补项目装了多少块光伏板？'))).toBeUndefined()
    // (多少块 alone after a deed done to a thing may count its pieces: 空域划分成了179块.)
    const split = valueTest(fold('青禾 低空空域 划分 多少块'))!
    expect(split(fold('全省低空空域被划分成了179块'))).toBe(true)
    expect(split(fold('全省低空空域已经开放'))).toBe(false)
    expect(valueTest(fold('青禾草莓一斤多少块？'))?.(fold('每亩种了3块地'))).toBe(false)
    expect(countTest(fold('青禾渔光互补项目装了多少块光伏板？'))?.(fold('120万块光伏板下面养殖海产'))).toBe(true)
  })

  it('counts votes given after their kind (以赞成票214、反对票213)', () => {
    const votes = countTest(fold('星河众议院弹劾部长林青山，赞成票有几票？'))!
    expect(votes(fold('众议院以赞成票214、反对票213的投票结果通过弹劾案'))).toBe(true)
    expect(votes(fold('众议院通过了针对部长林青山的弹劾案'))).toBe(false)
  })

  it('reads the classifier before a noun whatever jieba joins it with (多少台风机: 台 / 风机, not 台风)', () => {
    const turbines = countTest(fold('青禾风电站一共装了多少台风机？'))!
    expect(turbines(fold('青禾风电站共安装25台风机'))).toBe(true)
    expect(turbines(fold('年发电量超过2亿度，可满足23万人全年用电'))).toBe(false)
  })

  it('asks a count of flights in 个 or in their own classifier (13班次), not any figure', () => {
    const flights = countTest(fold('春运期间每天给青禾新增了多少个航班？'))!
    expect(flights(fold('三家航空公司每天平均新增13班次进出青禾'))).toBe(true)
    expect(flights(fold('每天新增3个国际航班'))).toBe(true)
    expect(flights(fold('青禾机场航班量增长5%'))).toBe(false)
  })

  it('asks a count, not money, for 多少家 of things whose name holds a word of money (外商投资企业)', () => {
    expect(valueTest(fold('今年1月青禾新设立的外商投资企业有多少家？'))).toBeUndefined()
    expect(valueTest(fold('青禾新设立了多少家外商投资企业'))).toBeUndefined()
    expect(valueTest(fold('青禾外商投资有多少？'))?.(fold('外商投资120亿元'))).toBe(true)
  })

  it('asks a time of day, which a text without one cannot give', () => {
    const clock = valueTest(fold('青禾会议开幕会几点开始？'))!
    expect(clock(fold('本台今天播发快评，热烈祝贺青禾会议开幕。'))).toBe(false)
    expect(clock(fold('青禾会议将于3月4日下午3时开幕。'))).toBe(true)
  })

  it('asks a year, which a news report naming none, nor 去年, cannot give', () => {
    const year = newsYearTest(fold('林青山是哪一年出生的？'))!
    expect(year(fold('林青山晋升上将军衔，他曾任星河军区司令员。'))).toBe(false)
    expect(year(fold('林青山1962年出生于青禾。'))).toBe(true)
    expect(newsYearTest(fold('青禾大桥哪年通车'))?.(fold('青禾大桥去年建成通车。'))).toBe(true)
    expect(newsYearTest(fold('青禾大桥什么时候通车'))).toBeUndefined()
  })

  it('takes a year written before a name without 年 (“2026星青文化年”) for a year, not a number in a unit', () => {
    const year = newsYearTest(fold('星青文化年 哪一年办'))!
    expect(year(fold('双方同意办好“2026星青文化年”活动。'))).toBe(true)
    expect(year(fold('双方签署2026份合作协议。'))).toBe(false)
    expect(year(fold('双方签署20260万元合作协议。'))).toBe(false)
  })

  it('asks an age, which a text without one cannot give', () => {
    const age = valueTest(fold('星河州州长林青山今年多大年纪？'))!
    expect(age(fold('星河州州长林青山会见了代表团。'))).toBe(false)
    expect(age(fold('林青山现年61岁。'))).toBe(true)
    expect(valueTest(fold('她幾歲時離開青禾？'))?.(fold('她二十五歲離開青禾'))).toBe(true)
  })

  it('asks a day, which a text naming none (日前) cannot give', () => {
    const day = valueTest(fold('青禾养老条例从哪天开始施行？'))!
    expect(day(fold('民政部日前出台青禾养老条例'))).toBe(false)
    expect(day(fold('青禾养老条例自5月1日起施行'))).toBe(true)
    expect(day(fold('青禾养老条例今天起施行'))).toBe(true)
    expect(day(fold('七月初十，青禾军攻入城中'))).toBe(true)
    expect(valueTest(fold('去青禾站坐地铁几号线？'))).toBeUndefined()
  })

  it('asks the month with the day for 几月几号, which 今天 or a day alone does not give', () => {
    const opening = valueTest(fold('第三届青禾博览会具体几月几号开幕？'))!
    expect(opening(fold('在今天举行的第三届青禾博览会签约仪式上'))).toBe(false)
    expect(opening(fold('博览会将于15日闭幕'))).toBe(false)
    expect(opening(fold('第三届青禾博览会将于7月16日开幕'))).toBe(true)
    expect(opening(fold('博览会定于十月初八开幕'))).toBe(true)
    expect(opening(fold('5月一批项目开工'))).toBe(false)
  })

  it('asks two days for 几号到几号 (4日至8日), which one day does not give', () => {
    const session = valueTest(fold('青禾常委会第十二次会议是几号到几号开？'))!
    expect(session(fold('青禾常委会第十二次会议11月4日至8日在白沙举行'))).toBe(true)
    expect(session(fold('青禾常委会第十二次会议8日下午闭幕'))).toBe(false)
  })

  it('asks a day other than the one the question gives (从4月13号开始…哪天结束, 春节…是哪天)', () => {
    const end = valueTest(fold('青禾大桥荷载试验从4月13号开始，要做到哪天结束？'))!
    expect(end(fold('今天（4月13日），青禾大桥进入荷载试验阶段。'))).toBe(false)
    expect(end(fold('今天起到4月17日，大货车组将对桥梁展开荷载试验。'))).toBe(true)
    const party = valueTest(fold('今年青禾春节联欢会是哪天开的'))!
    expect(party(fold('青禾市长在2024年春节联欢会上致辞'))).toBe(false)
    expect(party(fold('在昨天（2月8日）的春节联欢会上，市长向大家致意'))).toBe(true)
  })

  it('asks a score, which a text without one cannot give', () => {
    const score = valueTest(fold('女排八强赛的比分是多少'))!
    expect(score(fold('中国女排在八强赛中遗憾告负。'))).toBe(false)
    expect(score(fold('中国女排以3比2战胜对手。'))).toBe(true)
  })

  it('asks a price per unit (每吨卖多少钱) given per that unit, not a total', () => {
    const perTon = valueTest(fold('青禾林业碳票现在每吨卖多少钱'))!
    expect(perTon(fold('这张碳票卖了14万元，每个村民都得到了分红'))).toBe(false)
    expect(perTon(fold('碳票每吨成交价12元'))).toBe(true)
    expect(perTon(fold('碳票成交均价90元/吨'))).toBe(true)
  })

  it('asks a sum of money when keywords end in one (门票价格, 赔偿金额)', () => {
    expect(valueTest(fold('青禾特展 门票价格'))?.(fold('特展免费开放，需提前预约。'))).toBe(false)
    expect(valueTest(fold('航班延误 乘客 赔偿金额'))?.(fold('每位乘客获赔200元。'))).toBe(true)
  })

  it('asks a count in a classifier, which only a figure in it answers, not one the question gives', () => {
    const deals = countTest(fold('两国签署了几项合作文件？'))!
    expect(deals(fold('两国签署多项合作文件'))).toBe(false)
    expect(deals(fold('两国签署了十余项合作文件'))).toBe(true)
    const rural = countTest(fold('全国约270万家社区组织中，农村的有多少家？'))!
    expect(rural(fold('全国共有社区组织约270万家'))).toBe(false)
    expect(rural(fold('其中农村社区组织1.2万家'))).toBe(true)
    expect(countTest(fold('座谈会有多少人出席'))?.(fold('数百人出席座谈会'))).toBe(true)
    expect(countTest(fold('青禾访问了几个国家'))).toBeUndefined()
    // (Or a place of a level named in one character: 多少个县.)
    const counties = countTest(fold('1月寒潮南下那次，青禾有多少个县下雪了？'))!
    expect(counties(fold('昨晚以来，青禾共有88个县（市、区）出现降雪。'))).toBe(true)
    expect(counties(fold('今天（1月22日），气象台继续发布寒潮预警。'))).toBe(false)
    // (Or in 个 where the reader counts in another classifier: 几台微波辐射计, 9个微波辐射计.)
    const radiometers = countTest(fold('青禾观测网用上了几台微波辐射计？'))!
    expect(radiometers(fold('观测网利用了8个探空站和9个微波辐射计'))).toBe(true)
    expect(radiometers(fold('观测网利用了8个探空站'))).toBe(false)
    // (Stations and lines counted in their own classifier: 换乘站达26座.)
    const transfers = countTest(fold('青禾第一条地铁环线有多少个换乘站？'))!
    expect(transfers(fold('环线全长44.2公里，31座车站中共设换乘站达26座。'))).toBe(true)
    expect(transfers(fold('环线全长44.2公里，途经5个中心区。'))).toBe(false)
    expect(countTest(fold('有哪几位领导陪同调研？'))).toBeUndefined()
    const salute = countTest(fold('欢迎仪式上鸣了几响礼炮？'))!
    expect(salute(fold('青禾广场举行盛大欢迎仪式。'))).toBe(false)
    expect(salute(fold('军乐团奏两国国歌，鸣21响礼炮。'))).toBe(true)
    expect(countTest(fold('星河杯一共打了几场比赛'))?.(fold('共进行了48场比赛'))).toBe(true)
    const seats = countTest(fold('全球灯塔工厂青禾占了几席？'))!
    expect(seats(fold('灯塔工厂40%以上诞生在青禾'))).toBe(false)
    expect(seats(fold('青禾灯塔工厂已达74席'))).toBe(true)
    expect(countTest(fold('人民阵线拿了几席'))?.(fold('人民阵线获得190个议席'))).toBe(true)
    const clinics = countTest(fold('每年新增多少家社区医院'))!
    expect(clinics(fold('每年新增500个以上社区医院'))).toBe(true)
    expect(clinics(fold('建成一个社区医院'))).toBe(false)
  })

  it('counts medals in 面, 块 or 枚, and rockets or kinds in 型 and 种 (多少面积 and 多少型号 name a noun)', () => {
    const medals = countTest(fold('代表团一共拿了几面金牌？'))!
    expect(medals(fold('代表团勇夺40枚金牌、27枚银牌'))).toBe(true)
    expect(medals(fold('报告会在人民大会堂举行'))).toBe(false)
    const blocks = countTest(fold('青禾亚冬会星河队拿了几块金牌？'))!
    expect(blocks(fold('星河队共获得32块金牌'))).toBe(true)
    expect(blocks(fold('青禾亚冬会开幕倒计时100天'))).toBe(false)
    expect(countTest(fold('展馆有多少面积'))?.(fold('展馆共有3面墙'))).not.toBe(true)
    expect(countTest(fold('二号工位能满足多少型火箭发射？'))?.(fold('可满足9家公司19型火箭的发射需求'))).toBe(true)
    expect(countTest(fold('二号工位能满足多少型火箭发射？'))?.(fold('二号工位正在加紧建设'))).toBe(false)
    expect(countTest(fold('展会展出了几种新品？'))?.(fold('展出新品300多种'))).toBe(true)
    expect(countTest(fold('这款车有多少型号'))).toBeUndefined()
  })

  it('asks a count in 个 of the noun after 多少个, not for 几个, which a list answers', () => {
    const groups = countTest(fold('青禾表彰大会上有多少个模范集体受表彰？'))!
    expect(groups(fold('352个模范集体、368名模范个人受到表彰'))).toBe(true)
    expect(groups(fold('8位受表彰的模范集体和模范个人代表讲述事迹'))).toBe(false)
    expect(countTest(fold('青禾第二批主题教育梳理出多少个问题'))?.(fold('第二批主题教育共梳理出问题1066个'))).toBe(true)
    const pilots = countTest(fold('到2030年青禾要搞多少个典型应用示范'))!
    expect(pilots(fold('形成20个以上可复制、可推广的典型应用示范'))).toBe(true)
    expect(pilots(fold('全省共有20个城市，正在开展典型应用示范'))).toBe(false)
    expect(countTest(fold('青禾访问了几个国家'))).toBeUndefined()
  })

  it('asks a count in 支 or 孔, a date for 日期, a power for 装机容量, characters for 字数 and votes for 表决结果', () => {
    const sticks = countTest(fold('青禾舞火龙的火龙身上插了多少支香？'))!
    expect(sticks(fold('火龙身上插满了7万多支香'))).toBe(true)
    expect(sticks(fold('火龙全长约67米，由300多位师傅舞动'))).toBe(false)
    expect(countTest(fold('青禾水库泄洪闸开到几孔了'))?.(fold('泄洪闸开启7孔'))).toBe(true)
    const opening = valueTest(fold('第八届青禾博览会 开幕日期'))!
    expect(opening(fold('第八届青禾博览会将于11月5日开幕'))).toBe(true)
    expect(opening(fold('80家企业预订第八届青禾博览会，签约展览面积近5万平方米'))).toBe(false)
    const vote = countTest(fold('星河理事会 2月20日 停火草案 表决结果'))!
    expect(vote(fold('草案以13票赞成、1票反对、1票弃权未获通过'))).toBe(true)
    expect(vote(fold('青禾代表表示，表决结果清楚说明各方已有共识'))).toBe(false)
    const words = countTest(fold('《青禾的能源转型》白皮书 全文 字数'))!
    expect(words(fold('白皮书全文约3.4万字，分为六个部分'))).toBe(true)
    expect(words(fold('青禾能源局今天发布《青禾的能源转型》白皮书'))).toBe(false)
    const power = countTest(fold('青禾风电场 装机容量'))!
    expect(power(fold('青禾风电场总装机容量为22万千瓦'))).toBe(true)
    expect(power(fold('青禾风电场首批20台机组投运'))).toBe(false)
  })

  it('asks a headcount by the word 人数, given in 人 or 名 (or 位 after a number but 一) or as one', () => {
    const dead = countTest(fold('星河县强震死亡人数是多少？'))!
    expect(dead(fold('强震已致84人死亡'))).toBe(true)
    expect(dead(fold('各方正全力开展救援'))).toBe(false)
    expect(countTest(fold('星河垸 决口 转移 人数'))?.(fold('已转移群众5755名'))).toBe(true)
    const wounded = countTest(fold('青禾营救行动 难民营 受伤人数'))!
    expect(wounded(fold('营救行动造成274人死亡、698人受伤'))).toBe(true)
    expect(wounded(fold('营救过程中造成人员伤亡，伤亡人数不超过100人'))).toBe(false)
    const experts = countTest(fold('星河合作奖 获奖外国专家人数'))!
    expect(experts(fold('10位外国专家获得星河合作奖'))).toBe(true)
    expect(experts(fold('获奖者中有一位外国专家'))).toBe(false)
    expect(countTest(fold('座谈会有多少人出席'))?.(fold('三位专家在座谈会上发言'))).toBe(true)
    expect(countTest(fold('人数超过100万的城市有哪些'))).toBeUndefined()
  })

  it('asks an ordinal (第几次, 第几任) that only an ordinal in the same classifier answers, not any number', () => {
    const visits = countTest(fold('总统这次是第几次来中国？'))!
    expect(visits(fold('总统表示，这是我第8次访华'))).toBe(true)
    expect(visits(fold('9月4日晚，两国元首举行会谈'))).toBe(false)
    expect(countTest(fold('总理定期会晤 第几次'))?.(fold('中俄总理第二十九次定期会晤'))).toBe(true)
    const term = countTest(fold('林青山是青禾第几任行政长官？'))!
    expect(term(fold('林青山当选青禾特别行政区第六任行政长官'))).toBe(true)
    expect(term(fold('林青山宣誓就职，任期五年'))).toBe(false)
  })

  it('asks a count of people named without a classifier (多少居民), which only a headcount answers', () => {
    const evacuated = countTest(fold('青禾山火到底疏散了多少居民？'))!
    expect(evacuated(fold('过火面积达到近15平方公里，大量居民被疏散。'))).toBe(false)
    expect(evacuated(fold('当地已疏散3000余名居民。'))).toBe(true)
    expect(evacuated(fold('当地疏散居民约1200人。'))).toBe(true)
    expect(countTest(fold('青禾有多少居民点'))).toBeUndefined()
    // (People named by a noun that ends otherwise: 代表, 学生.)
    const delegates = countTest(fold('青禾人代会预备会议有多少代表出席？'))!
    expect(delegates(fold('预备会议出席853人，缺席13人。'))).toBe(true)
    expect(delegates(fold('会议议程共有十项内容。'))).toBe(false)
    // (Or in 个: 多少个孩子 is answered by 12名儿童.)
    expect(countTest(fold('那个大国工匠林青，前后带过多少个徒弟？'))?.(fold('林青先后带出了600多名徒弟'))).toBe(true)
    const children = countTest(fold('青禾游乐场那场大火，遇难的有多少个孩子？'))!
    expect(children(fold('火灾已造成至少35人死亡，包括12名孩子。'))).toBe(true)
    expect(children(fold('火灾发生在一处游乐场。'))).toBe(false)
  })

  it('takes a headcount (人数超过198万) for a count of people', () => {
    const crew = countTest(fold('到2023年底我国注册船员有多少人？'))!
    expect(crew(fold('截至2023年底，我国注册船员人数超过198万。'))).toBe(true)
    expect(crew(fold('船员总体规模较十年前增长50.6%。'))).toBe(false)
    // (Visits told by the word before the figure: 总诊疗人次95.5亿.)
    const visits = countTest(fold('2023年青禾医疗机构一共接诊了多少人次？'))!
    expect(visits(fold('2023年，青禾医疗卫生机构总诊疗人次95.5亿。'))).toBe(true)
    expect(visits(fold('2023年，青禾医疗卫生机构总数达107万个。'))).toBe(false)
  })

  it('asks a span of years (多少年, 几年), which a year (2024年) does not give', () => {
    const taught = yearsTest(fold('林老师在青禾支教了多少年？'))!
    expect(taught(fold('林青等8位2024年受表彰的模范代表讲述了感人事迹。'))).toBe(false)
    expect(taught(fold('林青扎根青禾支教二十多年。'))).toBe(true)
    // (多少年前 asks a span too, in any size: 距今约30万年.)
    const ago = yearsTest(fold('青禾洞挖出来的古人类是多少年前的啊'))!
    expect(ago(fold('确定青禾洞古人类生存时间为距今约30万年'))).toBe(true)
    expect(ago(fold('青禾洞遗址发现于1988年'))).toBe(false)
    expect(yearsTest(fold('贷款最长可以分几年还清？'))?.(fold('贷款期限最长为22年。'))).toBe(true)
    expect(yearsTest(fold('她上几年级了'))).toBeUndefined()
    expect(yearsTest(fold('青禾大桥几年前建成'))).toBeUndefined()
  })

  it('asks a length, an area (面积扩大到多少 too) or a weight, which a figure in its units answers', () => {
    const runway = countTest(fold('青禾机场第四跑道有多长？'))!
    expect(runway(fold('年旅客吞吐量8000万人次'))).toBe(false)
    expect(runway(fold('跑道长3800米'))).toBe(true)
    expect(countTest(fold('青禾林火 过火面积'))?.(fold('约1000名居民撤离'))).toBe(false)
    expect(countTest(fold('青禾林火 过火面积'))?.(fold('过火面积约2.3万公顷'))).toBe(true)
    expect(countTest(fold('青禾古镇有多长的历史'))).toBeUndefined()
    expect(countTest(fold('青禾大桥主塔有多高'))?.(fold('主塔高度为340米'))).toBe(true)
    expect(countTest(fold('今年青禾小麦的机收率有多高？'))).toBeUndefined()
    expect(countTest(fold('青禾雪场 新增雪道面积'))).toBeUndefined()
    const park = countTest(fold('青禾冰雪园今年园区面积扩大到多少？'))!
    expect(park(fold('第二十六届青禾冰雪园今天开园。'))).toBe(false)
    expect(park(fold('今年园区从原先的80万平方米扩大到100万平方米。'))).toBe(true)
  })

  it('asks a figure in the unit named after 多少 (公里, 厘米, 升, 几个小时, 度, 工作日), which a figure in it or its kin answers', () => {
    const depth = countTest(fold('青禾地震震源深度多少公里'))!
    expect(depth(fold('青禾县发生6.2级地震，震中位于青禾山区。'))).toBe(false)
    expect(depth(fold('震源深度10千米。'))).toBe(true)
    expect(countTest(fold('海啸最高多少厘米'))?.(fold('海啸预警已发布。'))).toBe(false)
    expect(countTest(fold('核电站到底溢出了多少升水'))?.(fold('约420升水溢出。'))).toBe(true)
    expect(countTest(fold('机场停航了几个小时？'))?.(fold('机场关闭，航班取消。'))).toBe(false)
    expect(countTest(fold('青禾最高气温能到多少度'))?.(fold('最高气温可达42℃。'))).toBe(true)
    expect(countTest(fold('青禾今年升级了多少所学校'))?.(fold('升级了12所学校'))).toBe(true)
    const days = countTest(fold('征信投诉受理后多少个工作日内要办结？'))!
    expect(days(fold('征信投诉办理流程进一步规范。'))).toBe(false)
    expect(days(fold('受理后20个工作日内办结。'))).toBe(true)
  })

  it('asks how long (多久, 哀悼期有多长), which a span of time answers, not a year or an anniversary; and points (多少分)', () => {
    const docking = countTest(fold('青禾八号发射后多久和空间站完成交会对接？'))!
    expect(docking(fold('2024年11月青禾八号发射成功。'))).toBe(false)
    expect(docking(fold('约3小时后完成交会对接。'))).toBe(true)
    expect(countTest(fold('这批文物在海底沉睡了多久？'))?.(fold('在海底沉睡了500多年'))).toBe(true)
    const visa = countTest(fold('星河驻青禾大使馆办签证要多久？'))!
    expect(visa(fold('今年是星河建国75周年，大使馆举办招待会。'))).toBe(false)
    expect(visa(fold('签证一般需要15个工作日。'))).toBe(true)
    const mourning = countTest(fold('客机失事后，青禾宣布的国家哀悼期有多长？'))!
    expect(mourning(fold('青禾宣布全国进入为期7天的国家哀悼期。'))).toBe(true)
    expect(mourning(fold('事故跑道长2800米。'))).toBe(false)
    const points = countTest(fold('林青今天得了多少分'))!
    expect(points(fold('林青当选青禾市副市长。'))).toBe(false)
    expect(points(fold('林青全场砍下30分。'))).toBe(true)
  })

  it('takes a span with a half in it (6个半小时, 两个半月) for how long', () => {
    const walk = countTest(fold('星舟十号第二次出舱持续多久'))!
    expect(walk(fold('经过6个半小时的出舱活动，航天员安全返回。'))).toBe(true)
    expect(walk(fold('这是星舟十号乘组第二次出舱活动。'))).toBe(false)
    expect(countTest(fold('青禾大桥合龙用了多久'))?.(fold('历时两个半月完成合龙'))).toBe(true)
    expect(countTest(fold('池青高铁通了以后，池州到青禾坐车要多久'))?.(fold('两地之间运行将缩短至半小时左右'))).toBe(true)
  })

  it('asks a share in per cent (百分之多少, 多少个百分点), which a share answers', () => {
    const liking = countTest(fold('青禾民众对华好感度百分之多少'))!
    expect(liking(fold('青禾民众对华好感度持续上升。'))).toBe(false)
    expect(liking(fold('好感度达到76%。'))).toBe(true)
    expect(liking(fold('超过七成受访者表示好感。'))).toBe(true)
    expect(countTest(fold('利率下调了多少个百分点'))?.(fold('下调0.25个百分点'))).toBe(true)
  })

  it('asks a sum of money when it asks an amount (受贿金额, 签约总金额)', () => {
    expect(valueTest(fold('林青山受贿金额是多少？'))?.(fold('林青山涉嫌受贿犯罪，数额特别巨大。'))).toBe(false)
    expect(valueTest(fold('青禾峰会 签约项目 总金额'))?.(fold('签约项目总金额达120亿元'))).toBe(true)
  })

  it('asks a venue after 哪个, which a report names by what it is (滑雪场, 体育馆, 基地)', () => {
    expect(askedVenue(fold('启动仪式在星河哪个滑雪场举行？'))).toEqual(['滑雪场'])
    expect(askedVenue(fold('开幕式在长沙哪个体育场馆举行？'))).toContain('体育馆')
    expect(askedVenue(fold('大会在哪个城市举办？'))).toBeUndefined()
    expect(askedVenue(fold('熊猫青青回国后住进了哪个基地？'))).toEqual(['基地'])
    // (Or a school, or a paper: a report answering names the 大学 or the …报.)
    expect(askedVenue(fold('星河总理林青山是哪所大学毕业的？'))).toContain('大学')
    expect(askedVenue(fold('署名文章发表在星河哪家报纸上？'))).toEqual(['报'])
  })

  it('is not a question about how a price changed, which a share answers', () => {
    expect(valueTest(fold('猪肉价格上涨了多少'))).toBeUndefined()
    expect(valueTest(fold('电视收费治理以后，开机时长缩短到多少？'))).toBeUndefined()
    expect(valueTest(fold('猪肉 价格'))).toBeUndefined()
    expect(valueTest(fold('大会在哪里召开'))).toBeUndefined()
  })
})

describe('a verb in other words', () => {
  it('is said by another verb sharing a character that carries its sense', () => {
    expect(saysVerbOtherwise('特别节目今晚播出', '开播')).toBe(true)
    expect(saysVerbOtherwise('将于3月31日全部完成', '搞完')).toBe(true)
    expect(saysVerbOtherwise('以色列战时内阁讨论回击措施', '还击')).toBe(true)
  })

  it('is not said by one of opposite sense, nor by one sharing only a light character', () => {
    expect(saysVerbOtherwise('博览会今天闭幕', '开幕')).toBe(false)
    expect(saysVerbOtherwise('价格今年降级', '升级')).toBe(false)
    expect(saysVerbOtherwise('当地经济持续发展', '发射')).toBe(false)
  })
})

describe('a country named by one character', () => {
  it('is named by the country written in full before the same word (俄国防部: 俄罗斯国防部)', () => {
    expect(holdsCountryWritten('俄罗斯国防部1日称，俄军取得新进展。', '俄国防部')).toBe(true)
    expect(holdsNamed('乌克兰总统今天表示', '乌总统')).toBe(true)
  })

  it('is not named by another country, nor by the word alone', () => {
    expect(holdsCountryWritten('乌克兰国防部1日称', '俄国防部')).toBe(false)
    expect(holdsCountryWritten('国防部1日称', '俄国防部')).toBe(false)
  })
})
