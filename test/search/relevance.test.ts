import { describe, expect, it } from 'vitest'
import { indexOfTexts } from '../helpers/text-index.js'
import { datedTitle, type Judgement } from '../../src/search/rerank.js'
import { belowFirstUnanswering, betterJudgement, type RankedJudgement } from '../../src/search/search-index.js'

/**
 * Invented news: a story on a town's industries that mentions milk tea and a
 * brand sign in passing, and a story about milk tea whose headline says so.
 */
const index = indexOfTexts([
  [
    'town',
    '特色产业助力小镇全面振兴',
    '青禾镇近年来发展茶叶种植和乡村旅游，带动农民增收。' +
      '镇上新开了几家奶茶店，吸引周末游客。' +
      '当地还统一更换了商铺的招牌和牌子，街道面貌焕然一新。' +
      '游客们说这里的风景很好，空气清新，饭菜也很好吃。',
  ],
  [
    'tea',
    '青禾镇奶茶节开幕 本地品牌受追捧',
    '青禾镇首届奶茶节今天开幕，二十多个本地奶茶品牌参展。' + '游客认为青禾牌奶茶最好喝，这个牌子的茶底来自镇上的茶园。',
  ],
])
const ids = (q: string) => index.search(q, { limit: 5 }).hits.map((h) => h.article.id)

describe('what answers a question', () => {
  it('is not a news story whose headline is about something else and whose text only scatters the question words', () => {
    expect(ids('奶茶哪个牌子好喝？')).toEqual(['tea'])
  })

  it('is a news story whose headline shares no word of the question when one of its sentences answers it', () => {
    expect(ids('周末游客去哪家奶茶店？')).toContain('town')
  })

  it('is judged on the text alone for an entry named after its subject, not for the same text under a headline', () => {
    const text = '青禾镇位于丘陵地带，以茶叶闻名。镇上有一座古桥，建于明代。每年春天，茶农在山坡上采摘新茶。镇政府设在河东，人口约三万。'
    const twins = indexOfTexts([
      ['entry', '青禾镇', text],
      ['news', '青禾镇推进茶园建设', text],
    ])
    expect(twins.search('采摘新茶的丘陵地带有什么古迹？').hits.map((h) => h.article.id)).toEqual(['entry'])
  })
})

describe('a question about a year', () => {
  const sports = indexOfTexts([
    ['cup', '中国女排夺得2024年世界杯冠军', '2024年女排世界杯昨天落幕，中国女排在最后一场以3比1打败巴西队，夺得冠军。'],
    ['old', '回顾女排十连胜', '2019年女排世界杯上，中国女排以十一战全胜的成绩卫冕，最后一场战胜阿根廷队。'],
  ])
  const found = (q: string) => sports.search(q, { limit: 5 }).hits.map((h) => h.article.id)

  it('is answered by an article that tells of that year, not by one of another year', () => {
    expect(found('2019年女排世界杯中国队最后一场打败了谁？')).toEqual(['old'])
  })

  it('finds nothing when no article tells of that year', () => {
    expect(found('2014年女排世界杯中国队最后一场打败了谁？')).toEqual([])
  })

  it('reads a year written before a name without 年 (2019女排世界杯) as the year asked, not a count (2000人)', () => {
    expect(found('2014女排世界杯中国队最后一场打败了谁？')).toEqual([])
    expect(found('2019女排世界杯中国队最后一场打败了谁？')).toEqual(['old'])
  })

  it('is answered by an article that writes the year in Chinese digits', () => {
    const index = indexOfTexts([['move', '星河大学', '二〇〇五年七月，星河大学计算机系迁入信息学院。']])
    expect(index.search('星河大学计算机系2005年迁到哪个学院？').hits.map((h) => h.article.id)).toEqual(['move'])
  })

  it('finds the year asked in digits before another year, when both articles write it in Chinese digits', () => {
    const index = indexOfTexts([
      ['y2024', '星河市市长发表二〇二四年新年贺词', '新年前夕，星河市市长发表二〇二四年新年贺词，回顾一年来城市建设的成绩。'],
      ['y2025', '星河市市长发表二〇二五年新年贺词', '新年前夕，星河市市长发表二〇二五年新年贺词，提出新一年要办好十件民生实事。'],
    ])
    expect(index.search('星河市长2025年新年贺词说了什么').hits[0]?.article.id).toBe('y2025')
  })
})

describe('a question in other words than the article', () => {
  it('finds the article that says 着陆 when the reader asks where it 降落', () => {
    const index = indexOfTexts([
      ['landing', '星河一号返回舱安全着陆', '星河一号返回舱今天下午在戈壁东风着陆场安全着陆，航天员状态良好。'],
      ['plan', '星河一号返回舱将择机降落', '星河一号返回舱将于下月择机降落，降落前将完成多项试验。'],
    ])
    const { hits } = index.search('星河一号返回舱降落在哪里？')
    expect(hits[0]?.article.id).toBe('landing')
    expect(hits[0]?.excerpt.text).toContain('东风着陆场')
  })
})

describe('a news question asking when, where or whom in other words', () => {
  it('asks when for 几时, not a time of day', () => {
    const rules = indexOfTexts([
      [
        'rules',
        '青禾签署条例 公布《青禾消费者保护条例》',
        '青禾省长日前签署省政府令，公布《青禾消费者保护条例》，自2024年7月1日起施行。',
        '2024-03-19',
      ],
    ])
    expect(rules.search('青禾消費者保護條例幾時開始施行？').hits.map((h) => h.article.id)).toEqual(['rules'])
  })

  it('takes any hall or theatre (国家大剧院) for the 场馆 asked', () => {
    const concert = indexOfTexts([
      [
        'year',
        '青禾星河共同出席文化年开幕式',
        '5月16日下午，青禾总统和星河总统在青禾国家大剧院共同出席“青星文化年”开幕式并致辞。',
        '2024-05-17',
      ],
    ])
    expect(concert.search('两国总统出席「青星文化年」开幕式是在哪个场馆？').hits.map((h) => h.article.id)).toEqual(['year'])
  })

  it('asks the object of the verb before 哪 (指控哪两个国家), not the verb as a word the report must hold', () => {
    const intel = indexOfTexts([
      [
        'intel',
        '青禾武装称白沙和星河参与情报工作',
        '青禾武装消息人士19日称，证据显示白沙与星河合作参与情报工作，为东川提供支持。',
        '2024-08-20',
      ],
    ])
    expect(intel.search('青禾武装指控哪两个国家合作参与情报工作？').hits.map((h) => h.article.id)).toEqual(['intel'])
  })
})

describe('a news question asking who did something', () => {
  it('puts the report naming the deed (讲解) before one on what followed', () => {
    const study = indexOfTexts([
      [
        'study',
        '青禾总书记主持集体学习 强调健全从严治党体系',
        '青禾政治局6月27日下午就健全从严治党体系进行第十五次集体学习。星河大学教授张青山就这个问题进行讲解，提出了意见和建议。',
        '2024-06-28',
      ],
      [
        'echo',
        '青禾总书记在第十五次集体学习时的重要讲话引发热烈反响',
        '青禾总书记在政治局第十五次集体学习时发表的重要讲话，在各地党员干部中引发热烈反响。大家表示，要把从严治党体系健全好。',
        '2024-07-01',
      ],
    ])
    expect(study.search('政治局第十五次集体学习是谁讲解的？').hits[0]?.article.id).toBe('study')
  })

  it('reads the deed after 谁作的 (作的说明) as the deed asked', () => {
    const session = indexOfTexts([
      [
        'agenda',
        '委员长会议：反洗钱法修订草案提请第十一次会议审议',
        '委员长会议建议，青禾常委会第十一次会议审议反洗钱法修订草案、统计法修正草案等。常委会第九次会议审议了反洗钱法修订草案。',
        '2024-08-27',
      ],
      [
        'ninth',
        '青禾常委会第九次会议在白沙举行',
        '青禾常委会第九次会议今天在白沙举行。受政府委托，中央银行行长林青山就反洗钱法修订草案作了说明。',
        '2024-04-23',
      ],
    ])
    expect(session.search('常委会第九次会议上反洗钱法修订草案是谁作的说明？').hits[0]?.article.id).toBe('ninth')
  })
})

describe('a news question naming a span of the year', () => {
  it('puts the report naming the span (一季度) before one naming none', () => {
    const tickets = indexOfTexts([
      [
        'spring',
        '龙年新添数字范儿',
        '数字化给龙年春节带来更多便捷。星河铁路12306系统春运高峰期每秒接受125万次点击，春运期间单日最多卖出车票2000多万张。',
        '2024-02-17',
      ],
      [
        'q1',
        '一季度交通运输指标创新高',
        '一季度，全国铁路发送旅客10.14亿人次。星河铁路12306单日售票最多达2091.6万张，创历史新高。',
        '2024-04-20',
      ],
    ])
    expect(tickets.search('一季度12306单日最多卖出了多少张票？').hits[0]?.article.id).toBe('q1')
  })
})

describe('a news question asking where someone is from', () => {
  it('is answered by a report giving their birth (出生于), not an obituary that does not', () => {
    const lives = indexOfTexts([
      [
        'obituary',
        '林青山同志逝世',
        '中国共产党的优秀党员，杰出的科学家，中国科学院资深院士林青山同志，因病医治无效，在北京逝世，享年95岁。林青山同志生前友好和家乡代表前往送别。',
        '2024-08-18',
      ],
    ])
    expect(lives.search('林青山老家是哪里的？').hits).toEqual([])
    const born = indexOfTexts([
      ['bio', '林青山：国家的需要就是我们的理想', '1932年，林青山出生于辽宁昌图一个贫寒的农家，后来考入清华大学。', '2024-09-15'],
    ])
    expect(born.search('林青山老家是哪里的？').hits.map((h) => h.article.id)).toEqual(['bio'])
  })
})

describe('a question naming a day', () => {
  it('finds the report of that day, which says 今天 rather than the date', () => {
    const title = '春运返程高峰 交通部门增运力'
    // Other news of those days, so that the words the two reports share are not everywhere.
    const others = [
      '青禾镇茶叶丰收，茶农忙着采摘。',
      '星河大学举行新年音乐会。',
      '东湖公园的梅花开了，游客前来赏花。',
      '新能源汽车销量继续增长。',
    ]
    const index = indexOfTexts([
      ['feb17', title, '今天，春运返程客流继续增长，全国民航预计保障航班一万六千班，铁路加开夜间列车。', '2024-02-17'],
      ['feb25', title, '今天，春运迎来返程高峰，全国民航预计保障航班一万七千班，机场增加安检通道。', '2024-02-25'],
      ...others.map((text, i) => [`other${i}`, '新闻', text, `2024-02-2${i}`] as const),
    ])
    expect(index.search('2月25日 春运返程 民航航班').hits[0]?.article.id).toBe('feb25')
    expect(index.search('2月17日 春运返程 民航航班').hits[0]?.article.id).toBe('feb17')
  })
})

describe('datedTitle', () => {
  it('appends the dates of the question that the article is dated on', () => {
    expect(datedTitle({ title: '春运返程高峰', date: '2024-02-25' }, '2月25日民航航班量')).toBe('春运返程高峰 2月25日')
    expect(datedTitle({ title: '春运返程高峰', date: '2024-02-25' }, '2024年2月的航班量')).toBe('春运返程高峰 2024年2月')
  })

  it('appends a day the report names by its day alone when it is dated a day or two after it', () => {
    const report = { title: '星河港口遭袭', date: '2024-07-04', folded: '港口方面3日称，当天有8名员工受伤。' }
    expect(datedTitle(report, '7月3日星河港口有几名员工受伤')).toBe('星河港口遭袭 7月3日')
    expect(datedTitle({ ...report, folded: '港口方面称，有8名员工受伤。' }, '7月3日星河港口有几名员工受伤')).toBe('星河港口遭袭')
    expect(datedTitle({ ...report, date: '2024-07-09' }, '7月3日星河港口有几名员工受伤')).toBe('星河港口遭袭')
  })

  it('takes a third of a month (11月中旬) for the reports dated in it, not for the rest of the month', () => {
    const q = '11月中旬星河前线哪几个方向战斗最激烈'
    expect(datedTitle({ title: '星河前线战况', date: '2024-11-16' }, q)).toBe('星河前线战况 11月中旬')
    expect(datedTitle({ title: '星河前线战况', date: '2024-11-09' }, q)).toBe('星河前线战况')
    expect(datedTitle({ title: '星河前线战况', date: '2024-11-28' }, '11月下旬星河前线战况')).toBe('星河前线战况 11月下旬')
  })

  it('does not take a month asked as a period of figures (8月份, 1—5月) for the month a report is dated in', () => {
    expect(datedTitle({ title: '物流指数公布', date: '2024-08-05' }, '8月份物流指数是多少')).toBe('物流指数公布')
    expect(datedTitle({ title: '工业利润公布', date: '2024-05-27' }, '1—5月工业利润是多少')).toBe('工业利润公布')
    // Nor when the report gives another month's figures.
    const july = { title: '物流指数公布', date: '2024-08-05', folded: '7月份，中国物流业景气指数为52.1%。' }
    expect(datedTitle(july, '8月份物流指数是多少')).toBe('物流指数公布')
  })

  it('takes a month in Chinese numerals (三月份) as one in digits, not a day of it (三月三)', () => {
    const report = { title: '秘书长访问口岸', date: '2024-03-24', folded: '秘书长23日访问星河口岸。' }
    expect(datedTitle(report, '秘书长三月份去了哪个口岸')).toBe('秘书长访问口岸 三月份')
    expect(datedTitle(report, '三月三歌节在哪里举办')).toBe('秘书长访问口岸')
    expect(datedTitle({ ...report, folded: '2月份，口岸通关人数增长。' }, '三月份口岸通关人数')).toBe('秘书长访问口岸')
  })

  it('takes 1月份 for the month of a report dated then that gives no other month (the month a thing happened)', () => {
    const report = {
      title: '青禾两方就停火进行磋商',
      date: '2024-01-23',
      folded: '据媒体22日报道，甲方向乙方提出新提议，包括停火至多两个月。',
    }
    expect(datedTitle(report, '1月份甲方给乙方的新停火方案最多停火多久')).toBe('青禾两方就停火进行磋商 1月')
  })

  it("does not take a month asked alone for the month of a report giving another month's figures", () => {
    const report = { title: '国际收支数据公布', date: '2024-11-01', folded: '最新数据显示，今年9月，我国国际收支顺差2596亿元。' }
    expect(datedTitle(report, '2024年11月我国国际收支顺差是多少')).toBe('国际收支数据公布')
    expect(datedTitle({ ...report, folded: '11月，我国国际收支保持平衡。' }, '2024年11月我国国际收支顺差是多少')).toBe(
      '国际收支数据公布 2024年11月',
    )
    expect(datedTitle({ ...report, folded: '今天（1日），国际收支数据公布。' }, '2024年11月国际收支数据')).toBe(
      '国际收支数据公布 2024年11月',
    )
  })

  it('takes a month asked with 哪 or 谁 for the month of a report of then, whatever earlier month it recalls', () => {
    const report = { title: '星河北方爆发抗议', date: '2024-09-08', folded: '7日，青禾城爆发抗议。今年8月上旬，星河多地接连发生抗议。' }
    expect(datedTitle(report, '9月星河是哪个城市爆发了抗议？')).toBe('星河北方爆发抗议 9月')
    expect(datedTitle(report, '9月星河抗议人数是多少')).toBe('星河北方爆发抗议')
  })

  it('leaves the title alone for another day, another year, or an article without a date', () => {
    expect(datedTitle({ title: '春运返程高峰', date: '2024-02-25' }, '2月17日民航航班量')).toBe('春运返程高峰')
    expect(datedTitle({ title: '春运返程高峰', date: '2024-02-25' }, '2023年2月的航班量')).toBe('春运返程高峰')
    expect(datedTitle({ title: '春运返程高峰' }, '2月25日民航航班量')).toBe('春运返程高峰')
  })
})

describe('a question sharing a few words with a news story', () => {
  const index = indexOfTexts([
    [
      'final',
      '中国队夺得2024年星河杯羽毛球团体赛冠军',
      '今天上午，在青禾市进行的2024年星河杯羽毛球团体赛决赛中，中国队以3比0击败东湖队，第五次获得冠军。' +
        '本届比赛共有十六支队伍参加，比赛持续了一周。',
    ],
    ['tea', '青禾镇举办首届奶茶节', '青禾镇首届奶茶节今天开幕，二十多个本地奶茶品牌参展，吸引了大量游客。'],
    ['swim', '2024年全国游泳冠军赛开幕', '2024年全国游泳冠军赛今天开幕，四百多名运动员参加比赛，决赛将在周末进行。'],
    ['chess', '青禾市象棋比赛落幕', '2024年青禾市象棋比赛昨天落幕，东湖棋院的选手在决赛中获得冠军。'],
    ['run', '星河马拉松鸣枪开跑', '2024年星河马拉松今天鸣枪开跑，三万名选手参加比赛，男子冠军成绩为两小时十分。'],
    ['forum', '星河论坛在东湖开幕', '第三届星河论坛今天在东湖开幕，来自二十多个国家的学者参加，讨论人工智能的发展。'],
  ])
  const found = (q: string) => index.search(q).hits.map((h) => h.article.id)

  it('is about another event, and gets nothing', () => {
    expect(found('2024年篮球联赛决赛冠军是哪个俱乐部？')).toEqual([])
  })

  it('still finds the story when the question is about it', () => {
    expect(found('2024年星河杯羽毛球团体赛决赛比分是多少？')).toEqual(['final'])
  })
})

describe('a dated article', () => {
  const text =
    '星河国总统表示，两国友谊基于相互尊重、互利共赢。' +
    '感谢中方提供的宝贵帮助，正是得益于中国疫苗，星河国较快克服疫情，恢复经济。' +
    '双方同意加强农业、旅游和教育合作。'
  const others = ['青禾镇茶叶丰收，茶农忙着采摘。', '星河大学举行新年音乐会，师生同台演出。', '东湖公园的梅花开了，游客前来赏花。']
  const build = (date?: string) =>
    indexOfTexts([['visit', '中星两国友谊佳话', text, date], ...others.map((t, i) => [`other${i}`, '新闻', t] as const)])

  it('is news whatever its title: one word of a question in passing does not make it an answer', () => {
    expect(build('2024-09-03').search('狗狗能打中国疫苗吗？').hits).toEqual([])
  })

  it('still answers a question about what it reports', () => {
    expect(build('2024-09-03').search('星河国靠什么较快克服了疫情？').hits[0]?.article.id).toBe('visit')
  })
})

describe('keywords typed apart, over dated news', () => {
  const stories: Array<readonly [string, string, string]> = [
    [
      'games',
      '星河省运动会今晚闭幕 竞技成绩亮点突出',
      '星河省第十届运动会各项比赛今天全部结束，将于今晚闭幕。本届运动会共设三十个大项，比赛期间产生多项新纪录，青少年选手成绩突出。',
    ],
    ['coal', '星河煤炭集团召开科技工作会议', '星河煤炭集团今天召开科技工作会议，部署煤炭清洁利用技术攻关。'],
    ['copper', '星河铜业召开科技工作会议', '星河铜业今天召开科技工作会议，部署铜冶炼节能技术攻关。'],
    ['tea', '青禾镇茶叶丰收', '青禾镇茶叶丰收，茶农忙着采摘。'],
    ['concert', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。'],
  ]
  const index = indexOfTexts(stories.map(([id, title, text], i) => [id, title, text, `2024-03-0${i + 1}`] as const))
  const found = (q: string) => index.search(q).hits.map((h) => h.article.id)

  it('finds an article for each of two keywords', () => {
    expect(found('煤炭 铜业')).toEqual(expect.arrayContaining(['coal', 'copper']))
  })

  it('reads three or more as one thing: a story holding two of them in passing does not answer', () => {
    expect(found('梅西 今晚 比赛 比分')).toEqual([])
  })

  it('still finds the story three keywords are about', () => {
    expect(found('星河省运动会 闭幕 时间')).toEqual(['games'])
  })

  it('reads a keyword and a question about it as one thing (便秘 多吃什么水果)', () => {
    const port = indexOfTexts([
      ['fruit', '首批直航货物运抵青禾', '秘鲁首批直航货物今天运抵青禾港，其中有大批新鲜水果，通关更加便利。', '2024-12-18'],
      ['books', '青禾举行读书会', '青禾举行读书会。', '2024-12-01'],
      ['music', '星河大学举行音乐会', '星河大学举行新年音乐会。', '2024-12-02'],
    ])
    expect(port.search('便秘 多吃什么水果').hits).toEqual([])
    expect(port.search('青禾港 水果').hits.map((h) => h.article.id)).toEqual(['fruit'])
  })
})

describe('a short question whose most specific word no report holds', () => {
  const news = indexOfTexts([
    ['meeting', '青禾会见台湾参访团', '王青禾表示，两岸同胞要做民族复兴的参与者，携手共享盛世荣耀。', '2024-04-27'],
    ['games', '青禾电竞大赛落幕', '青禾电竞大赛今天落幕，星河队获得冠军。', '2024-05-02'],
  ])
  it('gets nothing, though a report holds its other words (王者荣耀 怎么上王者)', () => {
    expect(news.search('王者荣耀 怎么上王者').hits).toEqual([])
  })

  it('nor, however long, one opening with a name jieba does not know that no report holds (睿驰汽车…交付了多少辆)', () => {
    const cars = indexOfTexts([
      ['rural', '新能源汽车下乡活动启动', '2024年新能源汽车下乡活动今天启动，全年将交付车辆超过300万辆。', '2024-05-16'],
      ['sales', '星河汽车全年交付50万辆', '星河汽车今天公布，2024年全年交付新车50万辆。', '2025-01-02'],
    ])
    expect(cars.search('睿驰汽车2024年全年交付了多少辆').hits).toEqual([])
    expect(cars.search('星河汽车2024年全年交付了多少辆').hits.map((h) => h.article.id)).toEqual(['sales'])
    // (A demonstrative jieba glues to its classifier is the reader's, not a name: 这波.)
    expect(cars.search('这波星河汽车2024年全年交付了多少辆').hits[0]?.article.id).toBe('sales')
  })

  it('does not take the kind of value asked for its most specific word (举办地 of 十四冬 开幕式 举办地)', () => {
    const games = indexOfTexts([
      ['open', '“十五冬”开幕在即 带动冰雪旅游', '“十五冬”开幕式将于2月17日在青禾市海拉尔赛区举行，游客络绎不绝。', '2024-02-13'],
      ['ready', '十五冬筹备工作基本就绪', '十五冬各项筹备工作基本就绪，赛事服务保障全面到位。', '2024-02-07'],
      ['fair', '青禾确定为下届博览会举办地', '青禾市今天被确定为下届博览会举办地。', '2024-03-01'],
    ])
    expect(games.search('十五冬 开幕式 举办地').hits[0]?.article.id).toBe('open')
  })

  it('does not count a bare number among its words (比特币什么时候突破10万美元)', () => {
    const trains = indexOfTexts([
      ['trains', '青禾班列开行突破10万列', '青禾班列累计开行突破10万列，特别是单列货值超过10万美元的班列明显增多。', '2024-11-15'],
      ['debt', '星河国债务规模突破35万亿美元', '星河国财政部发布的数据显示，债务规模已突破35万亿美元。', '2024-07-30'],
    ])
    expect(trains.search('比特币什么时候突破10万美元？').hits).toEqual([])
    expect(trains.search('青禾班列什么时候突破10万列？').hits.map((h) => h.article.id)).toEqual(['trains'])
  })

  it('does not count a year as its most specific word (2025年服贸会在哪里举办)', () => {
    const fairs = indexOfTexts([
      ['fair', '2024年月湖博览会开幕', '2024年月湖博览会今天在青禾国际会展中心开幕，展期五天。', '2024-09-12'],
      ['congress', '星河协会大会2025年3月举办', '会议决定，星河协会第三次大会2025年3月5日在青禾举办。', '2024-12-25'],
    ])
    expect(fairs.search('2025年月湖博览会在哪里举办').hits).toEqual([])
    expect(fairs.search('2024年月湖博览会在哪里举办').hits.map((h) => h.article.id)).toEqual(['fair'])
  })

  it('counts it held where a report writes it out (社融: 社会融资)', () => {
    const credit = indexOfTexts([
      ['credit', '前四个月金融数据发布', '数据显示，4月末社会融资规模存量为389.9万亿元，同比增长8.3%。', '2024-05-12'],
      ['loans', '星河银行贷款增长', '星河银行一季度贷款规模稳步增长。', '2024-04-12'],
    ])
    expect(credit.search('4月末社融规模存量是多少？').hits.map((h) => h.article.id)).toEqual(['credit'])
  })

  it('does not count a word of time among its words (湖人昨晚比赛比分多少)', () => {
    // Other news holds none of the question's words.
    const others = Array.from(
      { length: 12 },
      (_, i) => [`f${i}`, `青禾简讯${i}`, `青禾第${i + 1}届读书节开幕，各地读者参加。`, '2024-09-01'] as const,
    )
    const games = indexOfTexts([
      ...others,
      ['final', '青禾队夺得混双冠军', '在北京时间昨晚进行的乒乓球混双比赛中，青禾队以4比2的比分战胜星河队，夺得冠军。', '2024-07-31'],
      ['relay', '星河队再添金牌', '昨晚进行的游泳接力比赛中，星河队以3分27秒夺冠，比分差距明显。', '2024-08-04'],
    ])
    expect(games.search('湖人昨晚比赛比分多少').hits).toEqual([])
    // A named day or span is no word of time: 国庆 and 周年 name what the question asks of.
    const wishes = indexOfTexts([
      ...others,
      ['apr', '星河总统同青禾总统互致贺电', '星河总统同青禾总统互致贺电，庆祝两国建交60周年。', '2024-04-26'],
      ['oct', '多国领导人祝贺青禾国庆75周年', '星河总统哈桑致电祝贺青禾国庆75周年，祝愿两国友谊长存。', '2024-10-06'],
    ])
    expect(wishes.search('国庆75周年 贺电 星河总统').hits.map((h) => h.article.id)).toContain('oct')
    expect(games.search('青禾队昨晚比赛比分多少').hits.map((h) => h.article.id)).toEqual(['final'])
  })

  it('gets nothing from a report that never names it, though another report does (明天上海会下雨吗)', () => {
    const weather = indexOfTexts([
      ['typhoon', '台风预计明天登陆', '今年第14号台风预计明天下午在星河沿海登陆，上海、星河等地将有大风。', '2024-09-18'],
      ['drought', '星河旱情持续', '星河多地持续干旱，农民盼着下雨。', '2024-07-02'],
    ])
    expect(weather.search('明天上海会下雨吗？').hits).toEqual([])
    expect(weather.search('星河农民盼着下雨吗').hits.map((h) => h.article.id)).toEqual(['drought'])
  })

  it('counts it held where each word of it stands apart (法国议会: 法国国民议会选举)', () => {
    const vote = indexOfTexts([
      ['vote', '法国左翼联盟在选举中获多数议席', '法国国民议会选举结果今天公布，左翼联盟“人民阵线”获得190个议席。', '2024-07-08'],
      ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-07-08'],
    ])
    expect(vote.search('法國議會選舉 人民陣線 拿了幾席').hits.map((h) => h.article.id)).toEqual(['vote'])
  })

  it('still finds the report holding it', () => {
    expect(news.search('盛世荣耀').hits.map((h) => h.article.id)).toEqual(['meeting'])
    expect(news.search('电竞大赛 冠军').hits.map((h) => h.article.id)).toEqual(['games'])
  })
})

describe('a news question asking a person by the post after 哪位', () => {
  it("is answered by a report naming the post under the bank's full name (央行哪位副行长: 中国人民银行副行长)", () => {
    const news = indexOfTexts([
      [
        'tour',
        '中央宣讲团在各地宣讲全会精神',
        '中央宣讲团成员、中国人民银行副行长柯晓岚在青禾宣讲，青禾各界干部群众两千余人参加报告会。',
        '2024-08-09',
      ],
      ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-08-09'],
    ])
    expect(news.search('中央宣讲团在青禾宣讲的是央行哪位副行长').hits.map((h) => h.article.id)).toEqual(['tour'])
  })
})

describe('a news question counting what its nouns after 多少 name', () => {
  it('is answered by a report naming the qualifying noun, though it calls the thing otherwise (武装分子: 武装人员)', () => {
    const news = indexOfTexts([
      ['raid', '星河军方称在青禾医院打死百余人', '星河军方今天称，在青禾医院的行动中打死了170多名武装人员，逮捕500余人。', '2024-03-24'],
      ['other', '星河大学举行新年音乐会', '星河大学举行新年音乐会，师生同台演出。', '2024-03-24'],
    ])
    expect(news.search('星河军方说在青禾医院打死了多少武装分子').hits.map((h) => h.article.id)).toEqual(['raid'])
  })
})

describe('a keyword query asking who holds a title', () => {
  it('gets nothing from a report that names the prize but not the title asked (金椰奖 最佳男主角 是谁)', () => {
    const news = indexOfTexts([
      ['close', '第六届星河电影节闭幕', '第六届星河电影节昨晚闭幕，共揭晓“金椰奖”最佳影片奖等10个奖项。', '2024-12-11'],
      ['other', '青禾电影节闭幕 大奖揭晓', '青禾电影节昨晚闭幕，章景澜获得最佳男主角。', '2024-04-27'],
    ])
    expect(news.search('金椰奖 最佳男主角 是谁').hits).toEqual([])
    expect(news.search('青禾电影节 最佳男主角 是谁').hits.map((h) => h.article.id)).toEqual(['other'])
  })
})

describe('a question asking how to do something, or whether it is done', () => {
  const news = indexOfTexts([
    ['museum', '星河博物馆新馆开馆', '星河博物馆新馆今天开馆，首批展出文物三千余件，吸引大批市民参观。', '2024-09-14'],
    ['visa', '星河推出出入境便利措施', '星河市今天推出出入境便利措施，外籍人员可在网上申请签证延期，办理时间缩短一半。', '2024-05-03'],
  ])

  it('gets nothing from a report that never tells of that doing (怎么预约, 开门吗)', () => {
    expect(news.search('星河博物馆新馆要怎么预约？').hits).toEqual([])
    expect(news.search('星河博物馆新馆周一开门吗').hits).toEqual([])
  })

  it('is answered by a report that tells of it', () => {
    expect(news.search('在星河外籍人员怎么申请签证延期').hits.map((h) => h.article.id)).toEqual(['visa'])
  })

  it('gets nothing for a service the report never names (门票 预约, 录取分数线)', () => {
    const city = indexOfTexts([
      ['museum', '星河博物馆新馆开馆', '星河博物馆新馆今天开馆，首批展出文物三千余件，吸引大批市民参观。', '2024-09-14'],
      ['fair', '星河世园会开幕', '星河世园会今天开幕，门票分为普通票和学生票两种，普通票每张120元。', '2024-04-26'],
      ['school', '星河大学新校区启用', '星河大学新校区今天启用，可容纳学生两万人。', '2024-09-01'],
    ])
    expect(city.search('星河博物馆新馆 门票 预约').hits).toEqual([])
    expect(city.search('星河大学 录取分数线').hits).toEqual([])
    expect(city.search('星河世园会门票多少钱').hits.map((h) => h.article.id)).toEqual(['fair'])
  })

  it('gets nothing for what a reader must do (要办什么签证) from a report that names no doing', () => {
    const visas = indexOfTexts([
      [
        'pact',
        '青禾对白沙实行免签政策',
        '青禾宣布对白沙持普通护照人员实行免签证政策，来青禾旅游的白沙游客可免签证入境，白沙旅游业界表示欢迎。',
        '2024-04-11',
      ],
    ])
    expect(visas.search('去白沙旅游要办什么签证？').hits).toEqual([])
    const told = indexOfTexts([
      ['consulate', '白沙旅游签证办理提速', '去白沙旅游的游客可在白沙驻青禾领事馆办理旅游签证，办理时间缩短至3个工作日。', '2024-04-11'],
    ])
    expect(told.search('去白沙旅游要办什么签证？').hits.map((h) => h.article.id)).toEqual(['consulate'])
  })

  it('does not take an event a report says will be held (说要办什么论坛) for an errand a reader must do', () => {
    const festival = indexOfTexts([
      ['tv', '第二十九届青禾电视节今天开幕', '第二十九届青禾电视节今天开幕。电视节期间将举办白玉兰论坛，发布行业报告。', '2024-06-24'],
    ])
    expect(festival.search('第29届青禾电视节开幕，说要办什么论坛？').hits[0]?.excerpt.text).toContain('白玉兰论坛')
  })

  it('gets nothing for where to get it done or its process and fees, unless the report names them (去哪里办理, 申请流程)', () => {
    const policy = indexOfTexts([
      [
        'tax',
        '青禾住房契税优惠政策发布',
        '青禾财政部门今天发布通知，家庭购买第二套住房的契税优惠面积标准由90平方米提高到140平方米。',
        '2024-11-13',
      ],
      ['loan', '青禾助学贷款额度提高', '从今年秋季学期起，青禾助学贷款每人每年的申请额度由1.6万元提高到2万元。', '2024-11-04'],
    ])
    expect(policy.search('青禾买第二套房的契税优惠要去哪里办理？').hits).toEqual([])
    const told = indexOfTexts([
      [
        'tax',
        '青禾住房契税优惠政策发布',
        '青禾财政部门今天发布通知，家庭购买第二套住房的契税优惠面积标准提高到140平方米，购房者可在青禾政务大厅办理。',
        '2024-11-13',
      ],
    ])
    expect(told.search('青禾买第二套房的契税优惠要去哪里办理？').hits.map((h) => h.article.id)).toEqual(['tax'])
    expect(policy.search('青禾助学贷款 申请流程 材料').hits).toEqual([])
    expect(policy.search('青禾助学贷款每年能申请多少').hits.map((h) => h.article.id)).toEqual(['loan'])
  })
})

describe('a question asking which is better to buy, eat or visit', () => {
  const news = indexOfTexts([
    ['rice', '青禾大米丰收', '青禾农场今年种植水稻三十万亩，青禾大米平均亩产达到620公斤，星河大米产区也迎来丰收。', '2024-10-08'],
    ['fair', '星河博览会开幕', '第八届星河博览会今天开幕，展会期间星河市的酒店入住率超过九成。', '2024-04-15'],
    ['prices', '星河菜价回落', '入秋以来星河蔬菜供应充足，菜价回落，白菜比上月便宜了三成。', '2024-09-20'],
  ])

  it('gets nothing from a report that only names the things compared (哪个更好吃)', () => {
    expect(news.search('青禾大米和星河大米哪个更好吃？').hits).toEqual([])
    expect(news.search('星河博览会期间哪里的酒店便宜点').hits).toEqual([])
    expect(news.search('青禾大米值不值得买').hits).toEqual([])
    expect(news.search('青禾大米 哪里买').hits).toEqual([])
  })

  it('says that the reports do not tell it', () => {
    expect(news.search('青禾大米和星河大米哪个更好吃？').unsaid).toBe('好吃')
  })

  it('is answered by a report that names the judgement', () => {
    expect(news.search('星河什么菜便宜了').hits.map((h) => h.article.id)).toEqual(['prices'])
  })

  it('leaves questions of fact about the same things alone', () => {
    expect(news.search('青禾大米亩产多少公斤').hits.map((h) => h.article.id)).toEqual(['rice'])
  })
})

describe('a news question asking a figure of something a report names in passing', () => {
  const news = indexOfTexts([
    [
      'roads',
      '青禾交通工程加快建设',
      '青禾多项交通工程加快建设，打通大动脉。\n星河大桥、青禾高速等一批重大工程正在施工。\n其中，青禾港扩建项目总投资120亿元，预计明年完工。',
      '2024-12-26',
    ],
    ['bridge', '海港大桥开工建设', '海港大桥今天开工建设。\n大桥全长10公里，总投资80亿元。', '2024-05-10'],
    ['tunnels', '青禾多个项目开工', '青禾多个重大项目今天集中开工。\n其中，山城隧道总投资50亿元，全长5公里。', '2024-03-02'],
  ])

  it('is not answered by a sum given for another project, away from where the report names it', () => {
    expect(news.search('星河大桥总投资是多少亿元？').hits).toEqual([])
  })

  it('is answered where the report is about it (its title) or gives the figure where it names it', () => {
    expect(news.search('海港大桥总投资是多少亿元？').hits[0]?.article.id).toBe('bridge')
    expect(news.search('山城隧道总投资多少亿元').hits[0]?.article.id).toBe('tunnels')
  })
})

describe('a news question the report most about it cannot answer', () => {
  it('is not answered by a report holding less of it that gives the figure of something else', () => {
    const news = indexOfTexts([
      [
        'farm',
        '【新春走基层】我在高原修风机',
        '在海拔5000多米的青禾哲古风电场，运维人员正在检修风机。\n风电场共有25台风机，运维人员每天都要巡检。\n高原缺氧，他们克服困难，保障风电场稳定运行。',
        '2024-02-01',
      ],
      [
        'other',
        '我国西北海拔最高风电场首批机组投运',
        '星河省海拔最高的风电场首批机组今天投运。\n项目共建设38台风电机组，总装机容量达20万千瓦，年底前全部投产。',
        '2024-08-03',
      ],
      ['rain', '青禾多地迎来降雨', '青禾多地今天迎来降雨，气温下降。', '2024-05-21'],
    ])
    expect(news.search('青禾哲古风电场 装机容量').hits).toEqual([])
    expect(news.search('星河省海拔最高的风电场 装机容量').hits[0]?.article.id).toBe('other')
  })

  it('is still answered by a report ranked below such a first one that holds more of the question', () => {
    const report = (rank: number, coverage: number, lacksRequired = false): RankedJudgement => ({
      meta: { id: 'x', file: 'x.txt', title: '', script: 'hans', addedAt: 0, date: '2024-05-11' },
      judged: { rank, coverage, chars: 0.5, lacksRequired, otherYear: false },
    })
    const first = report(2.5, 0.57, true)
    const leftOut = belowFirstUnanswering(first, () => true)
    expect(leftOut(report(1.5, 0.45))).toBe(true)
    expect(leftOut(report(1.75, 0.79))).toBe(false)
    expect(leftOut(report(2.4, 0.45))).toBe(false)
    // A first report that can answer, or does not hold the topic, leaves nothing out.
    expect(belowFirstUnanswering(report(2.5, 0.57), () => true)(report(1.5, 0.45))).toBe(false)
    expect(belowFirstUnanswering(first, () => false)(report(1.5, 0.45))).toBe(false)
  })

  it('is not answered below a first report that tells of another year (the 2024 session, for 2025年…大会)', () => {
    const news = indexOfTexts([
      [
        'edu',
        '2024星河数字教育大会在青禾开幕',
        '2024星河数字教育大会今天在青禾市开幕。大会由星河教育部举办，主题为数字教育：应用、共享、创新。',
        '2024-01-30',
      ],
      [
        'npc',
        '青禾人大常委会会议闭幕',
        '青禾人大常委会会议今天闭幕。会议决定，青禾人民代表大会2025年3月5日在星河城召开。会议还审议了教育法修正草案。',
        '2024-12-25',
      ],
      ['rain', '青禾多地迎来降雨', '青禾多地今天迎来降雨，气温下降。', '2024-05-21'],
    ])
    expect(news.search('2025年星河数字教育大会在哪个城市举办？').hits).toEqual([])
    expect(news.search('2024年星河数字教育大会在哪个城市举办？').hits[0]?.article.id).toBe('edu')
  })
})

describe('keywords naming a country by one character (俄国防部)', () => {
  it('are answered by a report writing the country in full (俄罗斯国防部)', () => {
    const news = indexOfTexts([
      [
        'front',
        '俄称行动取得新进展 乌称前线局势紧张',
        '俄罗斯国防部1日称，俄军在青禾方向取得新进展，控制了星河村。乌克兰方面称，前线局势紧张。',
        '2024-07-02',
      ],
      ['plan', '青禾发布工业发展规划', '青禾今天发布工业发展规划，提出要取得新进展。', '2024-07-07'],
      ['talks', '俄国防部长会见青禾客人', '俄国防部长今天会见青禾客人，双方就合作交换意见。', '2024-07-05'],
    ])
    expect(news.search('7月1日 俄国防部 行动 新进展 哪里').hits[0]?.article.id).toBe('front')
  })
})

describe('a news question naming a work in 《》 or quoting a name', () => {
  it('is answered only by a report naming the work, in full or by its short title', () => {
    const news = indexOfTexts([
      [
        'quake',
        '星河地震灾区恶劣天气影响救援',
        '受恶劣天气影响，我们与灾区的距离更远了。在距离震中约30公里的青禾镇，第二批救援物资今天运抵。',
        '2024-01-07',
      ],
      ['law', '青禾修订公司法', '修订后的《公司法》今天起施行，新设公司注册资本须在五年内缴足。', '2024-07-01'],
    ])
    expect(news.search('《我们与恶的距离》讲了什么').hits).toEqual([])
    const missiles = indexOfTexts([
      ['yars', '星河进行洲际导弹发射训练', '星河国防部说，“亚尔斯”洲际弹道导弹射程超过1万公里。', '2024-03-02'],
      ['hazel', '星河试射新型导弹', '星河总统说，“榛树”中程导弹已投入使用。', '2024-11-23'],
    ])
    expect(missiles.search('星河“榛树”导弹射程多少公里').hits).toEqual([])
    expect(missiles.search('星河“亚尔斯”导弹射程多少公里').hits.map((h) => h.article.id)).toEqual(['yars'])
    expect(news.search('《中华人民共和国公司法》 注册资本 几年内缴足').hits.map((h) => h.article.id)).toEqual(['law'])
    const series = indexOfTexts([
      ['west', '深化改革 现代化万千气象', '今天的节目来到青禾、星河两个省区，看两地深化改革、推进科技创新。', '2024-07-10'],
      ['books', '青禾举行读书会', '青禾举行读书会。', '2024-12-01'],
      ['music', '星河大学举行音乐会', '星河大学举行新年音乐会。', '2024-12-02'],
    ])
    expect(series.search('7月10号那期《深化改革 现代化万千气象》去了哪两个省区').hits.map((h) => h.article.id)).toEqual(['west'])
  })

  it('is answered by a report writing the span in the title’s brackets otherwise (1925—1949: 一九二五——一九四九年)', () => {
    const books = indexOfTexts([
      [
        'works',
        '《青禾文集（一九二五——一九四九年）》出版发行',
        '《青禾文集（一九二五——一九四九年）》今天出版发行。这部文集为三卷本，收入青禾同志文稿共207篇，90余万字。',
        '2024-08-22',
      ],
    ])
    expect(books.search('《青禾文集（1925—1949）》一共收了多少篇文稿？').hits.map((h) => h.article.id)).toEqual(['works'])
  })

  it('is answered by a report writing quotation marks inside the name (平“语”近人, “青禾古道”二号)', () => {
    const news = indexOfTexts([
      [
        'show',
        '特别节目《青“语”近山》（第二季）即将开播',
        '特别节目《青“语”近山——星河的故事》（第二季）将于17日起播出。节目由八位思想解读人讲解典故。',
        '2024-02-16',
      ],
      ['road', '青禾旅游公路建成', '青禾规划建设了总里程3200多公里的“青禾古道”二号旅游公路，串起沿线景区。', '2024-11-30'],
    ])
    expect(news.search('《青语近山》第二季节目有几位思想解读人？').hits.map((h) => h.article.id)).toEqual(['show'])
    expect(news.search('青禾古道二号旅游公路 总里程').hits.map((h) => h.article.id)).toEqual(['road'])
  })
})

describe('a question naming its subject in one character', () => {
  it('is not answered by a story holding its other words (家里的猫一直不吃饭)', () => {
    const shop = indexOfTexts([
      ['barber', '小镇理发店十年', '王师傅在家里开了一间理发店，十年来一直忙到很晚，常常顾不上吃饭。', '2024-01-28'],
      ['cats', '青禾流浪猫救助站开放', '青禾流浪猫救助站今天开放，志愿者说，猫一直不吃饭要及时就医。', '2024-03-02'],
    ])
    expect(shop.search('家裡的貓一直不吃飯怎麼辦').hits.map((h) => h.article.id)).toEqual(['cats'])
  })
})

describe('a news question about something no report names', () => {
  /** A report on nothing the questions ask, so that no index holds a single article. */
  const ANOTHER_STORY = ['games', '青禾运动会闭幕', '青禾运动会今天闭幕，星河队获得团体冠军。', '2024-09-01'] as const
  const index = indexOfTexts([
    [
      'crew',
      '星河一号乘组今天出征',
      '星河一号载人飞船今天在青禾发射场发射，航天员林青山担任指令长。' + '林青山曾执行过两次飞行任务，这次将在轨驻留六个月。',
      '2024-04-25',
    ],
    [
      'show',
      '青禾航展开幕',
      '第三届青禾航展今天开幕，星河一号模型首次展出，吸引大批观众。' + '航展为期五天，设有室内和室外两个展区，门票在网上预约。',
      '2024-05-10',
    ],
  ])
  const ids = (q: string) => index.search(q, { limit: 5 }).hits.map((h) => h.article.id)

  it('answers what the report tells', () => {
    expect(ids('航天员林青山这次在轨驻留多久？')).toEqual(['crew'])
    expect(ids('林青山担任什么职务？')).toEqual(['crew'])
  })

  it('answers nothing when the report never names what is asked of it', () => {
    expect(ids('航天员林青山的妻子是做什么工作的？')).toEqual([])
    expect(index.search('星河一号指令长林青山的妻子是谁？').unsaid).toBe('妻子')
    expect(ids('青禾航展的票价是多少？')).toEqual([])
  })

  it('answers who someone described is from a report naming the person otherwise (那位…的90后女孩叫什么名字)', () => {
    const farm = indexOfTexts([
      [
        'farm',
        '江淮大地上的活力新农人',
        '在长江以南的青禾县，我们见到了正忙着检修烘干机的“90后”林小青。她带领合作社用上了智能农机，科技种田让粮食亩产提高了一成。',
        '2024-05-13',
      ],
      ANOTHER_STORY,
    ])
    const hit = farm.search('青禾县那位搞科技种田的90后女孩叫什么名字？').hits[0]
    expect(hit?.article.id).toBe('farm')
    expect(hit?.excerpt.text).toContain('林小青')
    expect(farm.search('青禾县那位搞科技种田的90后女孩的丈夫叫什么名字？').hits).toEqual([])
  })

  it('answers a question about a compound word from a report that names its parts', () => {
    const stats = indexOfTexts([
      ['apr', '青禾轻工业延续回升', '青禾轻工业协会数据显示，今年1至4月份，91种主要产品中71种产量增长。', '2024-06-09'],
    ])
    expect(stats.search('青禾轻工业1-4月有多少种主要产品产量增长？').hits.map((h) => h.article.id)).toEqual(['apr'])
    expect(stats.search('青禾轻工业1-4月的主要产品销量是多少？').unsaid).toBe('销量')
  })

  it("answers nothing when none of the report's sentences on the question gives the figure it asks", () => {
    expect(ids('青禾航展的门票多少钱？')).toEqual([])
    expect(ids('青禾航展几点开幕？')).toEqual([])
    expect(ids('航天员林青山是哪一年出生的？')).toEqual([])
  })

  it('finds the figure a news report gives in a sentence of its own, after those naming the question', () => {
    const claim = indexOfTexts([
      [
        'claim',
        '青禾联盟声明关注殖民赔偿',
        '青禾联盟成员国领导人会议结束后发表联合声明，称讨论殖民历史遗留问题的时机已到。' +
          '据星河媒体报道，声明意在要求讨论星河国进行赔偿的问题，星河国此前一直拒绝作出赔偿。' +
          '星河国首相当天称，相关讨论不涉及资金。青禾联盟成员包括星河国及其大部分前殖民地。' +
          '另有报道称，所需金额可能高达19万亿英镑。',
        '2024-10-27',
      ],
    ])
    expect(claim.search('据星河媒体报道，青禾联盟声明涉及的殖民赔偿，星河国可能要赔多少钱？').hits.map((h) => h.article.id)).toEqual([
      'claim',
    ])
  })

  it('answers nothing when the sum a report gives is not of what the question asks the sum of', () => {
    const rules = indexOfTexts([
      [
        'pay',
        '《青禾支付机构条例》今起施行',
        '今天，《青禾支付机构条例》施行，明确了支付机构注册资本、主要股东等准入条件。截至目前，全省共有83家支付机构，年交易金额近4万亿元。',
        '2024-05-01',
      ],
      ['fund', '青禾基金获批设立', '青禾产业基金今天获批设立，基金注册资本不低于10亿元，主要投向新能源。', '2024-05-02'],
    ])
    expect(rules.search('《青禾支付机构条例》规定支付机构的注册资本最低要多少钱？').hits).toEqual([])
    expect(rules.search('青禾产业基金的注册资本最低要多少钱？').hits.map((h) => h.article.id)).toEqual(['fund'])
  })

  it('shows the sentence giving the sum asked, not the lead naming the story', () => {
    const claim = indexOfTexts([
      [
        'claim',
        '青禾联盟声明关注殖民赔偿',
        '由56个成员组成的青禾联盟26日在首脑会议结束后发表联合声明，称讨论殖民历史遗留问题的时机已到。' +
          '据星河媒体报道，声明意在要求讨论星河国进行赔偿的问题，星河国此前一直拒绝作出赔偿。' +
          '星河国首相当天称，相关讨论不涉及资金。青禾联盟成员包括星河国及其大部分前殖民地，其中许多国家饱受殖民统治之苦。' +
          '星河媒体报道称，星河国需赔偿的金额可能高达19万亿英镑。',
        '2024-10-27',
      ],
    ])
    const { hits } = claim.search('据星河媒体报道，青禾联盟声明涉及的殖民赔偿，星河国可能要赔多少钱？')
    expect(hits[0]?.excerpt.text).toContain('19万亿英镑')
  })

  it('shows the sentence giving the weight asked, however little of the question it repeats', () => {
    const relay = indexOfTexts([
      [
        'relay',
        '青禾二号中继星任务取得圆满成功',
        '国家航天局今天宣布，青禾二号中继星在轨工作正常，可为月球探测任务提供中继通信服务，青禾二号中继星任务取得圆满成功。\n' +
          '自3月20日青禾二号发射升空后，经过中途修正、近月制动，于4月2日进入环月轨道。\n' +
          '青禾二号重约1.2吨，主要用于转发月球背面与地球之间的通信。\n' +
          '研制团队还为青禾二号设计了一条新轨道，青禾二号在上面运行可以节省燃料。',
        '2024-04-12',
      ],
    ])
    expect(relay.search('青禾二号中继星有多重？').hits[0]?.excerpt.text).toContain('1.2吨')
  })

  it('shows the sentence telling what the question asks was done (主办 of 哪个机构主办的), not the lead naming the forum', () => {
    const forum = indexOfTexts([
      [
        'forum',
        '李青山出席青禾发展高层论坛2024年年会开幕式',
        '李青山24日在京出席青禾发展高层论坛2024年年会开幕式，并发表主旨演讲。\n' +
          '李青山表示，过去一年，我们圆满完成全年经济社会发展主要目标任务，经济回升向好的态势持续巩固增强。' +
          '青禾将以务实有效的行动加大宏观政策调节力度，着力扩大国内需求，加快构建现代化产业体系，持续推动绿色转型。' +
          '我们愿同世界分享青禾持续发展的大机遇，与各方携手创造共同发展的美好未来。\n' +
          '本次年会由星河发展研究中心主办。',
        '2024-03-24',
      ],
    ])
    expect(forum.search('青禾发展高层论坛2024年年会是哪个机构主办的？').hits[0]?.excerpt.text).toContain('星河发展研究中心')
  })

  it('shows the sentence giving the figure, not the lead announcing it, when both hold the keywords alike', () => {
    const index = indexOfTexts([
      [
        'logistics',
        '12月份青禾物流业景气指数公布',
        '央视网消息：青禾物流与采购联合会今天发布2023年12月份青禾物流业景气指数。数据显示，物流业景气水平保持企稳回升态势。\n' +
          '2023年12月份，青禾物流业景气指数为53.5%，环比回升0.2个百分点。',
        '2024-01-03',
      ],
    ])
    expect(index.search('青禾物流业景气指数 2023年12月').hits[0]?.excerpt.text).toMatch(/^2023年12月份，青禾物流业景气指数为53.5%/)
  })

  it('shows the sentence giving the day asked, not the lead giving the day the question names', () => {
    const bridge = indexOfTexts([
      [
        'bridge',
        '青禾大桥开始荷载试验',
        '央视网消息：今天（4月13日），青禾大桥进入桥梁荷载试验阶段，64辆大货车停在桥梁跨中位置，检测桥梁位移和应力情况。\n' +
          '青禾大桥全长约17公里。今天起到4月17日，大货车组将对桥梁展开荷载试验，以判断桥梁承载能力是否符合设计要求。',
        '2024-04-13',
      ],
    ])
    expect(bridge.search('青禾大桥荷载试验从4月13号开始，要做到哪天结束？').hits[0]?.excerpt.text).toContain('4月17日')
  })

  it("shows last year's figure asked for, not this year's outlook, from a report of both", () => {
    const post = indexOfTexts([
      [
        'post',
        '青禾邮政业务量再创新高',
        '青禾邮政局今天发布数据，2023年，邮政行业寄递业务量和邮政行业业务收入分别完成162亿件和1500亿元，同比分别增长16.5%和13.5%。\n' +
          '2023年我省累计建成126个县级公共寄递配送中心。\n' +
          '今年，我省邮政行业寄递业务量预计将超170亿件。在完善寄递网络体系基础上，青禾邮政局将发展快递服务。',
        '2024-01-09',
      ],
    ])
    expect(post.search('2023年我省邮政行业寄递业务量一共完成了多少件？').hits[0]?.excerpt.text).toContain('162亿件')
  })

  it('shows the figure asked of a plan named by a later year (2025年关税调整方案), though its sentence names no year', () => {
    const tariffs = indexOfTexts([
      [
        'plan',
        '青禾公布2025年关税调整方案',
        '今天，青禾关税税则委员会公布《2025年关税调整方案》，自2025年1月1日起，对部分商品的进口关税税率和税目进行调整。\n' +
          '为支持科技创新，保障和改善民生，推进绿色低碳发展，对环烯烃聚合物、乙烷等商品实施低于最惠国税率的进口暂定税率。\n' +
          '为扩大面向全球的高标准自由贸易区网络，对24个自由贸易协定项下、原产于30个国家或地区的部分商品实施协定税率。\n' +
          '同时，继续给予43个最不发达国家100%税目产品零关税待遇。\n' +
          '调整后，青禾关税税则税目总数达到8960个，关税总水平仍保持在7.3%，处于全球较低水平。',
        '2024-12-28',
      ],
    ])
    expect(tariffs.search('2025年关税调整方案实施后，青禾关税总水平是多少？').hits[0]?.excerpt.text).toContain('7.3%')
  })

  it('answers a question in other everyday words (孩子 for 儿童, LNG for 液化天然气) from the report that writes them its way', () => {
    const reports = indexOfTexts([
      ['war', '青禾冲突已致大批儿童成为孤儿', '星河妇女署16日说，冲突爆发以来，青禾地带已有约1.9万名儿童成为孤儿。', '2024-04-17'],
      ['ship', '青禾最大液化天然气运输船首制船交付', '青禾海油建造的液化天然气运输船首制船今天交付，命名为“绿能青禾”号。', '2024-05-15'],
    ])
    expect(reports.search('星河妇女署说冲突以来青禾地带有多少孩子成了孤儿？').hits.map((h) => h.article.id)).toEqual(['war'])
    expect(reports.search('星河妇女署说冲突以来青禾地带有多少小孩成了孤儿？').hits.map((h) => h.article.id)).toEqual(['war'])
    expect(reports.search('青禾海油 LNG运输船 首制船 名称').hits.map((h) => h.article.id)).toEqual(['ship'])
    const films = indexOfTexts([
      ['films', '第二十六届星河电影节开幕', '第二十六届星河电影节今天开幕，共有50部影片入围金爵奖。', '2024-06-16'],
    ])
    expect(films.search('第26届星河电影节有多少部片子入围金爵奖').hits.map((h) => h.article.id)).toEqual(['films'])
    const shot = indexOfTexts([
      ['shot', '星河一执法人员枪杀妇女视频公布', '星河市一名妇女在家中被执法人员开枪打死，她名叫林青。', '2024-07-23'],
    ])
    expect(shot.search('星河市被执法人员开枪打死的那个女子叫什么').hits.map((h) => h.article.id)).toEqual(['shot'])
  })

  it('shows the sentence giving what is asked (几号船), though another sets the scene with more of the question', () => {
    const games = indexOfTexts([
      [
        'games',
        '星河运动会开幕',
        '星河运动会开幕式今晚在星河市举行，这是运动会历史上第一次在开放的城市空间举办开幕式。\n' +
          '来自世界各地的205个代表团、约6800名运动员乘坐85艘船只，沿着贯穿星河市中心的青江巡游6公里，途经星河圣母院、星河铁塔等地标建筑。\n' +
          '中国代表团乘坐的是16号船，运动员马青和冯雨作为旗手高举五星红旗。\n' +
          '中国体育代表团此次派出由42位冠军领衔的队伍，将参加30个大项的比赛。',
        '2024-07-27',
      ],
      // Other reports of the delegation, so that 中国代表团 says less than 青江巡游.
      ['out', '中国代表团出征', '中国代表团今天出征，运动员们斗志昂扬。', '2024-07-01'],
      ['gold', '中国代表团获得金牌', '中国代表团获得第一枚金牌，运动员表现出色。', '2024-07-28'],
      ['visit', '中国代表团访问青禾', '中国代表团访问青禾，双方签署合作文件。', '2024-05-28'],
    ])
    expect(games.search('星河运动会开幕式青江巡游，中国代表团坐的是几号船？').hits[0]?.excerpt.text).toContain('16号船')
  })

  it('shows the sentence holding what a count is of (多少个技术难题), not the lead naming the person', () => {
    const worker = indexOfTexts([
      [
        'worker',
        '青禾电工：守护万家灯火',
        '青禾网消息：春耕时节，用电需求旺盛。\n' +
          '在青禾市寀卢村1200亩农田旁，青禾供电公司星河供电所所长林青山正指挥大家安装新型测温装置。\n' +
          '这个去年由他们团队研制出的装置，可以全时段监测电气接头温度。\n' +
          '及时排除隐患，是扎根基层电力事业20多年的林青山一直在做的事。截至目前，他和团队已经攻克了53个技术难题，获得10项国家专利。\n' +
          '如何让数字技术和先进制造业更好融合，是张帅和团队成员一直思考的问题。',
        '2024-04-28',
      ],
    ])
    expect(worker.search('星河供电所所长林青山和团队攻克了多少个技术难题？').hits[0]?.excerpt.text).toContain('53个技术难题')
  })

  it('answers nothing about the year someone was born from reports giving only other years', () => {
    const chief = indexOfTexts([
      ['appoint', '星河任命青禾新特首', '星河国务院今天决定任命林青山为青禾新特首，于2024年12月20日就职。', '2024-10-25'],
      ['bio', '青禾新特首林青山简历', '青禾新任特首林青山，1964年出生于青禾，曾任青禾特区行政会委员。', '2024-10-26'],
    ])
    expect(chief.search('青禾新特首林青山是哪一年出生的？').hits.map((h) => h.article.id)).toEqual(['bio'])
  })

  it('answers since which year (自哪一年以来) from a report saying 自…年来', () => {
    const cold = indexOfTexts([
      [
        'cold',
        '青禾多地遭遇寒流',
        '青禾北部多地14日遭遇暴风雪。星河城14日的最低气温一度低于零下30摄氏度，是该市自1989年来记录到的最低气温。',
        '2024-01-15',
      ],
      ['snow', '青禾铁路应对降雪', '受降雪影响，青禾铁路部分列车停运，最低气温低于零下10摄氏度。', '2024-01-16'],
    ])
    const hit = cold.search('星河城的最低气温是该市自哪一年以来最低的？').hits[0]
    expect(hit?.article.id).toBe('cold')
    expect(hit?.excerpt.text).toContain('1989年')
  })

  it('answers from which year something starts (从哪一年开始部署) from a report saying 将于…年起', () => {
    const plan = indexOfTexts([
      [
        'plan',
        '青禾称多战线打击白沙军',
        '青禾与星河10日在声明中称，青禾将于2026年起在星河部署远超现有武器的远程打击系统。白沙大使10日批评该计划。',
        '2024-07-11',
      ],
    ])
    expect(plan.search('青禾打算从哪一年开始在星河部署远程打击系统？').hits.map((h) => h.article.id)).toEqual(['plan'])
  })

  it('answers the year of 哪年建交 from a report writing it out (建立外交关系)', () => {
    const talks = indexOfTexts([
      [
        'talks',
        '林青山同青禾议长举行会谈',
        '星河议长林青山今天同青禾议长举行会谈。\n林青山表示，2016年3月，星河和青禾建立外交关系。星河青禾建交符合两国人民的根本利益。',
        '2024-01-17',
      ],
      ['other', '林青山会见海港议长', '星河议长林青山今天会见海港议长。双方表示，两国建交以来关系发展良好。', '2024-03-02'],
    ])
    const hit = talks.search('林青山同青禾议长会谈时提到两国哪年建交？').hits[0]
    expect(hit?.article.id).toBe('talks')
    expect(hit?.excerpt.text).toContain('2016年3月')
  })

  it('answers the year of a deed (哪一年升级) from the sentence telling it in another verb with the year (提升)', () => {
    const talks = indexOfTexts([
      [
        'talks',
        '林青山同青禾议长举行会谈',
        '星河议长林青山今天同青禾议长举行会谈。\n林青山表示，2021年，两国元首共同决定将星青关系提升为战略伙伴关系。',
        '2024-10-11',
      ],
    ])
    expect(talks.search('林青山会见青禾议长时提到，星青是哪一年升级为战略伙伴关系的？').hits[0]?.article.id).toBe('talks')
  })

  it('answers the year something began (哪一年开始商业运营) from the sentence telling of it in other verbs', () => {
    const rail = indexOfTexts([
      [
        'rail',
        '星青铁路运营六周年',
        '星青铁路是青禾首条电气化铁路。自2018年投入商业运营以来，促进了沿线地区的人员往来和经济发展。',
        '2024-05-11',
      ],
    ])
    expect(rail.search('星青铁路是哪一年開始商業運營的？').hits.map((h) => h.article.id)).toEqual(['rail'])
  })

  it('answers nothing about the venue asked (哪个滑雪场) from a report naming only the city', () => {
    const season = indexOfTexts([
      ['launch', '第十一届青禾大众冰雪季启动', '第十一届青禾大众冰雪季今天在星河市启动，本届冰雪季以“欢乐冰雪”为主题。', '2024-12-21'],
      ['games', '青禾运动会闭幕', '青禾运动会今天在星河市闭幕，星河队获得团体冠军。', '2024-09-01'],
    ])
    expect(season.search('第十一届青禾大众冰雪季的启动仪式在星河哪个滑雪场举行？').hits).toEqual([])
    const named = indexOfTexts([
      ['launch', '第十一届青禾大众冰雪季启动', '第十一届青禾大众冰雪季今天在星河市金龙山滑雪场启动。', '2024-12-21'],
      ['games', '青禾运动会闭幕', '青禾运动会今天在星河市闭幕，星河队获得团体冠军。', '2024-09-01'],
    ])
    expect(named.search('第十一届青禾大众冰雪季的启动仪式在星河哪个滑雪场举行？').hits.map((h) => h.article.id)).toEqual(['launch'])
  })

  it('answers nothing about a numbered flood from the report of the other floods', () => {
    const floods = indexOfTexts([
      ['yangtze', '青江迎来今年第1号、2号洪水', '水利部今天称，青江1号、2号洪水正在演进，青江水库洪峰流量45000立方米每秒。', '2024-07-14'],
    ])
    expect(floods.search('青江2024年第4号洪水的洪峰流量是多少？').hits).toEqual([])
    expect(floods.search('青江2024年第2号洪水的洪峰流量是多少？').hits.map((h) => h.article.id)).toEqual(['yangtze'])
  })

  it('answers nothing when a news report gives no count in what is asked (几项, 多少人), nor a length for 多长', () => {
    const visit = indexOfTexts([
      ['talks', '星河国总统访问青禾', '两国元首会谈后共同见证签署经贸、农业等领域多项合作文件。', '2024-03-15'],
      ['fair', '青禾书展开幕', '青禾书展今天开幕，展期七天，预计将吸引约90万人次入场。', '2024-07-17'],
      ['runway', '青禾机场新跑道启用', '青禾机场新跑道今天启用，机场年旅客吞吐量可达8000万人次。', '2024-12-28'],
    ])
    const found = (q: string) => visit.search(q).hits.map((h) => h.article.id)
    expect(found('星河国总统访问青禾期间，两国签署了几项合作文件？')).toEqual([])
    expect(found('星河国总统访问青禾期间签署了哪些领域的合作文件？')).toEqual(['talks'])
    expect(found('青禾书展预计吸引多少人次入场？')).toEqual(['fair'])
    expect(found('青禾书展开幕当天有多少人入场？')).toEqual(['fair'])
    expect(found('青禾机场新跑道有多长？')).toEqual([])
  })

  it('answers nothing about how many people or years a report never counts, and finds the report that does', () => {
    const news = indexOfTexts([
      ['fire', '青禾州山火持续蔓延', '青禾州星河县27日燃起山火，过火面积近15平方公里，大量居民被疏散。', '2024-06-30'],
      ['crew', '青禾船员发展报告发布', '报告显示，截至2023年底，青禾注册船员人数超过19万，较十年前增长50.6%。', '2024-06-25'],
      [
        'teacher',
        '青禾民族团结进步表彰报告会举行',
        '报告会上，星河支教服务队教师林青等8位2024年受表彰的模范代表讲述了感人事迹。',
        '2024-12-27',
      ],
    ])
    const found = (q: string) => news.search(q).hits.map((h) => h.article.id)
    expect(found('青禾州星河县那场山火到底疏散了多少居民？')).toEqual([])
    const north = indexOfTexts([
      [
        'blaze',
        '星河州北部林火失控 数千居民疏散',
        '星河州北部24日燃起的林火迅速蔓延，大火已摧毁100多栋建筑，约4000人被疏散。',
        '2024-07-27',
      ],
    ])
    expect(north.search('星河州北部那场大火疏散了多少居民？').hits.map((h) => h.article.id)).toEqual(['blaze'])
    expect(found('到2023年底青禾注册船员有多少人？')).toEqual(['crew'])
    expect(found('林青老师在星河支教了多少年？')).toEqual([])
    expect(found('林青老师是哪年受表彰的？')).toEqual(['teacher'])
  })

  it('finds a count given in a like classifier (几家医院: 10所, 多少发: 17万枚), or asked of a noun starting with one (多少台胞)', () => {
    const news = indexOfTexts([
      ['hospitals', '星河地带医疗系统濒临崩溃', '星河卫生组织30日说，星河地带36所医院中仅有10所医院勉强运转。', '2024-03-31'],
      ['shells', '星河联盟计划向青禾交付炮弹', '星河联盟外长24日称，联盟计划3月底前向青禾交付约17万枚炮弹。', '2024-02-25'],
      ['border', '十项出入境措施实施满百日', '十项出入境措施实施满百日，青禾边检站已为9400余名台胞办理快捷通关备案。', '2024-04-09'],
    ])
    const found = (q: string) => news.search(q).hits.map((h) => h.article.id)
    expect(found('星河卫生组织说星河地带还剩几家医院在运转？')).toEqual(['hospitals'])
    expect(found('星河联盟打算3月底前给青禾送多少发炮弹？')).toEqual(['shells'])
    expect(found('十项出入境措施满一百天，青禾边检给多少台胞办了快捷通关备案？')).toEqual(['border'])
  })

  it('finds a count of people in the sentence after the one naming the event, or beside a count of the missing', () => {
    const news = indexOfTexts([
      [
        'banquet',
        '总理出席青禾各界举行的欢迎宴会',
        '当地时间14日晚，总理在青禾市出席各界举行的欢迎宴会并致辞。各界人士代表约300人出席。',
        '2024-06-14',
      ],
      ['quake', '星河县强震已致84人死亡', '星河县今天公布的数据显示，强震已致84人死亡，80人下落不明。', '2024-01-04'],
    ])
    const found = (q: string) => news.search(q).hits.map((h) => h.article.id)
    expect(found('总理在青禾市那场欢迎宴会大概来了多少人')).toEqual(['banquet'])
    expect(found('星河县强震死亡人数是多少？')).toEqual(['quake'])
  })

  it('answers a question about a turnover (成交额) from the report that calls it 交易额', () => {
    const fair = indexOfTexts([['fair', '青禾纺织品博览会闭幕', '短短四天里，青禾纺织品博览会的交易额就突破15亿元。', '2024-11-11']])
    expect(fair.search('青禾纺织品博览会那四天成交额有多少').hits.map((h) => h.article.id)).toEqual(['fair'])
  })

  it("answers nothing about a later year than the report's, unless the report names that year", () => {
    const games = indexOfTexts([
      ['now', '青禾运动会闭幕', '青禾运动会今天闭幕，星河队获得团体冠军，共有三千名运动员参赛。', '2024-09-01'],
      ['plan', '青禾运动会筹备启动', '2026年青禾运动会筹备工作启动，届时将有五千名运动员参赛。', '2024-10-01'],
    ])
    expect(games.search('2027年青禾运动会有多少名运动员参赛？').hits).toEqual([])
    expect(games.search('2026年青禾运动会有多少名运动员参赛？').hits.map((h) => h.article.id)).toEqual(['plan'])
  })

  it("answers nothing about an earlier year a report never names, and finds it as the report's 去年", () => {
    const games = indexOfTexts([
      ['now', '青禾运动会闭幕', '青禾运动会今天闭幕，星河队获得团体冠军，共有三千名运动员参赛。', '2024-09-01'],
      ['recap', '青禾体育事业发展综述', '去年青禾运动会有两千名运动员参赛，今年的赛事规模更大。', '2024-10-01'],
    ])
    expect(games.search('2022年青禾运动会有多少名运动员参赛？').hits).toEqual([])
    expect(games.search('2023年青禾运动会有多少名运动员参赛？').hits.map((h) => h.article.id)).toEqual(['recap'])
  })

  it('answers nothing when the report says what is asked is not known yet', () => {
    const fires = indexOfTexts([
      [
        'fire',
        '青禾市一居民区发生火灾',
        '青禾市一个居民区24日发生火灾，上百栋房屋被烧毁。大火已被扑灭。起火原因正在调查中。',
        '2024-11-25',
      ],
      ['shot', '星河市发生枪击事件', '星河市一家商场12日发生枪击事件，造成2人受伤。目前嫌疑人仍在搜捕中。', '2024-05-13'],
    ])
    const cause = fires.search('青禾市居民区那场大火是什么原因引起的？')
    expect(cause.hits).toEqual([])
    expect(cause.unknown).toBe('原因')
    expect(fires.search('星河市商场枪击案的嫌疑人叫什么名字？').unknown).toBe('嫌疑人')
    expect(fires.search('青禾市居民区大火烧毁了多少栋房屋？').hits.map((h) => h.article.id)).toEqual(['fire'])
  })

  it('answers why from a report that gives the cause in other words', () => {
    const fires = indexOfTexts([
      ['fire', '青禾市一仓库发生火灾', '青禾市一个仓库24日发生火灾，初步判断系电线老化所致。具体原因仍在调查中。', '2024-11-25'],
      ANOTHER_STORY,
    ])
    expect(fires.search('青禾市仓库大火是什么原因引起的？').hits.map((h) => h.article.id)).toEqual(['fire'])
  })

  it('answers nothing when the report never names the letter code asked about, unless it writes it out', () => {
    const prices = indexOfTexts([
      ['cpi', '2月份全国物价数据发布', '国家统计局发布数据，2月份，全国居民消费价格指数同比上涨0.7%。', '2024-03-09'],
      [
        'army',
        '2025年全国征兵上半年应征报名工作启动',
        '2025年全国征兵上半年应征报名工作今天启动，报名时间截止到2025年2月10日24时，广大适龄男青年可登录全国征兵网报名。',
        '2024-12-01',
      ],
      ANOTHER_STORY,
    ])
    const ppi = prices.search('2025年2月份全国PPI同比上涨多少？')
    expect(ppi.hits).toEqual([])
    expect(ppi.unsaid).toBe('ppi')
    expect(prices.search('2月份全国CPI同比上涨多少？').hits.map((h) => h.article.id)).toEqual(['cpi'])
    const standards = indexOfTexts([
      ['iso', '国际标准化组织新设技术委员会', '国际标准化组织新成立的青禾技术委员会共有28个参与成员国。', '2024-03-31'],
    ])
    expect(standards.search('ISO新成立的青禾技术委员会有几个参与成员国？').hits.map((h) => h.article.id)).toEqual(['iso'])
    const economy = indexOfTexts([['gdp', '青禾经济运行平稳', '2023年，青禾市地区生产总值达4.4万亿元，增长5.2%。', '2024-03-19']])
    expect(economy.search('青禾市2023年GDP总量是多少').hits.map((h) => h.article.id)).toEqual(['gdp'])
  })

  it('answers about a Latin name from a report naming only what the question glosses it as (Meta（元公司）)', () => {
    const fine = indexOfTexts([
      [
        'fine',
        '星河联盟对“元”公司开出罚单',
        '星河联盟委员会14日称将对“元”公司处以7.97亿欧元罚款，原因是该公司滥用市场主导地位。',
        '2024-11-15',
      ],
    ])
    expect(fine.search('星河联盟这次罚Meta（元公司）罚了多少钱？').hits.map((h) => h.article.id)).toEqual(['fine'])
    expect(fine.search('星河联盟这次罚Meta罚了多少钱？').hits).toEqual([])
  })

  it("answers a question asking the year from a report giving it apart from the sentences naming the question's words", () => {
    const text = [
      '“青禾2030”战略工程的第一个目标，3年规划完成。',
      '此后，青禾的干部群众一张蓝图绘到底，“青禾2030”战略工程所规划的目标逐步实现。',
      '跳出青禾看青禾，“青禾2030”战略工程谋定了青禾发展的规划方向。',
      '“青禾2030”战略工程的规划，至今仍在指引青禾的发展。',
      '历时半年、十易其稿，1992年11月，《青禾市发展战略设想》在市委全会上审议通过。',
    ].join('')
    const plans = indexOfTexts([['plan', '“青禾2030”战略工程启示：一张蓝图绘到底', text, '2024-01-20'], ANOTHER_STORY])
    expect(plans.search('青禾“2030”战略工程的规划是哪年哪月审议通过的？').hits.map((h) => h.article.id)).toEqual(['plan'])
  })

  it('answers nothing about a numbered craft no report names, and finds it in Arabic digits', () => {
    expect(ids('星河二号什么时候发射？')).toEqual([])
    expect(ids('星河一号什么时候发射？')[0]).toBe('crew')
    const digits = indexOfTexts([['c6', '星河6号发射成功', '星河6号今天在青禾发射场发射成功。', '2024-06-01']])
    expect(digits.search('星河六号什么时候发射？').hits.map((h) => h.article.id)).toEqual(['c6'])
  })

  it('finds numbered names written together (陆坡一二号 for 陆坡一号 and 二号), and takes the end of a span of days for no name', () => {
    const news = indexOfTexts([
      ['wreck', '深海考古重大成果首次与公众见面', '星河西北陆坡一二号沉船的文物日前在青禾博物馆首次与公众见面。', '2024-09-29'],
      ['heat', '北方大范围高温天气持续', '预计6月12日至14日，华北、黄淮等地最高气温可达39℃到42℃。', '2024-06-11'],
    ])
    const found = (q: string) => news.search(q).hits.map((h) => h.article.id)
    expect(found('星河西北陆坡一号二号沉船的文物在哪个博物馆展出？')).toEqual(['wreck'])
    expect(found('星河西北陆坡三号沉船的文物在哪个博物馆展出？')).toEqual([])
    expect(found('6月12到14号华北黄淮高温最高能到多少度')).toEqual(['heat'])
  })
})

describe('one report of a series of like ones', () => {
  it('puts the report of the day the question names before a like report of another day', () => {
    // Days and months are common in news: other reports hold 8月 and 6日 too.
    const others = Array.from(
      { length: 12 },
      (_, i) => [`f${i}`, `青禾简讯${i}`, `${i + 1}月6日，青禾举行第${i + 1}场读书会。8月，各地推进秋粮收购。`, '2024-09-01'] as const,
    )
    const funds = indexOfTexts([
      [
        'aug19',
        '财政部 应急管理部预拨1.2亿元中央青禾救灾资金',
        '财政部、应急管理部日前预拨1.2亿元中央青禾救灾资金，支持三省抢险救灾。',
        '2024-08-19',
      ],
      [
        'aug07',
        '财政部下达多笔救灾资金',
        '8月6日，财政部、应急管理部再次预拨4.6亿元中央青禾救灾资金，支持七省开展抢险工作。',
        '2024-08-07',
      ],
      ...others,
    ])
    expect(funds.search('8月6日财政部和应急管理部预拨了多少中央青禾救灾资金？').hits[0]?.article.id).toBe('aug07')
  })

  it('puts the meeting of the ordinal the question names before another of the series, and takes no other edition', () => {
    // Ordinals are common in news: other reports hold 第二十… too.
    const others = Array.from(
      { length: 12 },
      (_, i) => [`f${i}`, `青禾简讯${i}`, `青禾第二十${(i % 9) + 1}届读书节开幕，第八次主席团会议同期举行。`, '2024-09-01'] as const,
    )
    const meetings = indexOfTexts([
      [
        'm21',
        '青禾政协主席会议撤销委员资格',
        '青禾政协第二十一次主席会议今天召开。会议决定撤销林某的委员资格，并审议通过了委员履职规定。',
        '2024-06-26',
      ],
      ['m28', '青禾政协召开会议', '青禾政协第二十八次主席会议今天召开，会议决定撤销周某的委员资格。', '2024-11-27'],
      ...others,
    ])
    expect(meetings.search('青禾政协第二十八次主席会议撤销了谁的委员资格？').hits[0]?.article.id).toBe('m28')
    const sessions = indexOfTexts([
      ['s13', '星河常委会会议审议10件法律草案', '星河常委会第十三次会议今天闭幕。本次会议共审议10件法律草案，通过其中3件。', '2024-12-25'],
      ['s11', '星河人大会议闭幕', '星河常委会第十一次会议今天闭幕，审议法律草案6件。', '2024-09-13'],
      ...others,
    ])
    expect(sessions.search('星河常委会第十一次会议一共审议了几件法律草案').hits[0]?.article.id).toBe('s11')
    const fairs = indexOfTexts([
      ['fair8', '第八届星河博览会闭幕', '第八届星河博览会今天闭幕，签约金额达120亿元。', '2024-06-30'],
      ...others,
    ])
    expect(fairs.search('第十三届星河博览会签约金额是多少').hits).toEqual([])
    expect(fairs.search('第八届星河博览会签约金额是多少').hits.map((h) => h.article.id)).toEqual(['fair8'])
  })

  it('reads an ordinal whole however jieba cuts it (第三 / 十一届), and takes no other edition for it', () => {
    const fairs = indexOfTexts([
      [
        'fair30',
        '第三十届星河国际图书博览会在青禾举办',
        '第三十届星河国际图书博览会今天在青禾开幕，沙特阿拉伯担任主宾国，1600家展商参展。',
        '2024-06-19',
      ],
    ])
    expect(fairs.search('第三十一屆星河國際圖書博覽會主賓國是哪個國家').hits).toEqual([])
    expect(fairs.search('第三十届星河国际图书博览会主宾国是哪个国家').hits.map((h) => h.article.id)).toEqual(['fair30'])
  })

  it('reads an ordinal in digits that jieba cuts from 第 (第 / 34届), and an issue (第2期) as of what comes before it', () => {
    const summits = indexOfTexts([
      ['s33', '第33届星河联盟首脑会议在白沙举行', '第33届星河联盟首脑会议16日在白沙举行，会议通过《白沙宣言》。', '2024-05-17'],
      [
        'issue',
        '《青禾》杂志发表重要文章',
        '《青禾》杂志今年第2期将发表星河联盟中央委员会主席白青山的重要文章《做好新时代统一战线工作》。文章把重要思想概括为12个方面。',
        '2024-01-16',
      ],
    ])
    expect(summits.search('第34届星河联盟首脑会议在哪里举行？').hits).toEqual([])
    expect(summits.search('第33届星河联盟首脑会议在哪里举行？').hits.map((h) => h.article.id)).toEqual(['s33'])
    expect(summits.search('《青禾》第2期那篇统一战线的文章，把重要思想概括成了几个方面？').hits.map((h) => h.article.id)).toEqual(['issue'])
  })

  it('answers nothing for an edition (第十七次会晤) no report names, not a report naming no edition', () => {
    const summits = indexOfTexts([
      ['s16', '星河联盟领导人第十六次会晤在白沙举行', '星河联盟领导人第十六次会晤22日在白沙举行，会议通过《白沙宣言》。', '2024-10-23'],
      [
        'meet',
        '青禾总统出席星河联盟领导人会晤',
        '当地时间10月23日，星河联盟领导人会晤在白沙举行，青禾总统出席会晤并发表讲话，会晤期间会见东川总统。',
        '2024-10-24',
      ],
      // (Other news with ordinals, so that 第…次 is common.)
      ...Array.from(
        { length: 12 },
        (_, i) => [`f${i}`, `青禾简讯${i}`, `青禾第${i + 1}次读书会举行，白沙读者参加。`, '2024-09-01'] as const,
      ),
    ])
    expect(summits.search('星河联盟领导人第十七次会晤在哪个城市举行？').hits).toEqual([])
    expect(summits.search('星河联盟领导人第十六次会晤在哪个城市举行？').hits[0]?.article.id).toBe('s16')
  })

  it('is not a report of another of a series: 02星 of 01星, the 第十个 yearly day of the 第九个', () => {
    const launches = indexOfTexts([
      ['s01', '青禾成功发射星遥三号01星', '今天12时12分，青禾使用长征二号丁运载火箭成功将星遥三号01星发射升空。', '2024-04-15'],
      ['day9', '第九个星河航天日主场活动将在白沙举行', '第九个星河航天日主场活动将于4月24日在白沙举办。', '2024-04-17'],
    ])
    expect(launches.search('星遥三号02星是哪天发射的？').hits).toEqual([])
    expect(launches.search('星遥三号01星是哪天发射的？').hits[0]?.article.id).toBe('s01')
    expect(launches.search('第十个星河航天日主场活动在哪个城市办？').hits).toEqual([])
    expect(launches.search('第九个星河航天日主场活动在哪个城市办？').hits[0]?.article.id).toBe('day9')
  })

  it('puts a report of the one of a series asked before one headlined with another that names it in passing', () => {
    const undocks = indexOfTexts([
      [
        'six',
        '星舟六号货运飞船顺利撤离空间站组合体',
        '今天16时02分，星舟六号货运飞船顺利撤离空间站组合体，转入独立飞行阶段。\n' +
          '16时02分，星舟六号货运飞船从空间站组合体后向对接口撤离。\n' +
          '星舟六号于去年5月由长征七号遥七运载火箭发射升空，与空间站组合体完成交会对接。\n' +
          '星舟六号货运飞船撤离空间站组合体后，将择机受控再入大气层。\n' +
          '目前，星舟七号货运飞船与长征七号遥八运载火箭已完成总装，将于近日转运至发射区。',
        '2024-01-12',
      ],
      [
        'seven',
        '星舟七号货运飞船完成在轨任务',
        '今天16时30分，星舟七号货运飞船顺利撤离空间站组合体，转入独立飞行阶段。\n' +
          '在轨期间，航天员乘组利用货运飞船开展了多项实验，包括细胞生物学和材料科学研究。\n' +
          '后续，空间站还将迎来新的访问飞行器，航天员乘组将继续开展各项工作。',
        '2024-11-10',
      ],
      ['launch', '星舟七号发射成功', '星舟七号货运飞船今天由长征七号运载火箭发射升空。', '2024-01-18'],
    ])
    expect(undocks.search('星舟七号 撤离空间站组合体 时间').hits[0]?.article.id).toBe('seven')
  })

  it('is not a report of the first of a kind for the second (首艘 for 第二艘), nor of another level for the one asked', () => {
    const reports = indexOfTexts([
      ['ship', '首艘青禾大型邮轮开启商业首航', '首艘青禾大型邮轮今天（1月1日）从白沙码头开启商业首航。', '2024-01-01'],
      ['yen', '星河币对美元汇率跌破160', '今天（4月29日），星河币对美元汇率一度跌破160星河币兑1美元。', '2024-04-29'],
    ])
    expect(reports.search('第二艘青禾大型邮轮什么时候开始商业首航？').hits).toEqual([])
    expect(reports.search('首艘青禾大型邮轮什么时候开始商业首航？').hits[0]?.article.id).toBe('ship')
    expect(reports.search('星河币对美元跌破165是哪天的事').hits).toEqual([])
    expect(reports.search('星河币对美元跌破160是哪天的事').hits[0]?.article.id).toBe('yen')
  })

  it('is not a report of the other year of the sixty-year cycle (甲辰年 for 乙巳年), nor of the women’s event for the men’s', () => {
    const reports = indexOfTexts([
      ['rite', '甲辰年青禾故里拜祖大典今天举行', '今天（4月11日），甲辰年青禾故里拜祖大典在白沙举行。', '2024-04-11'],
      ['race', '青禾选手夺得雪车世界杯白沙站女子项目冠军', '雪车世界杯白沙站的比赛昨晚进行，青禾选手林青夺得女子项目冠军。', '2024-11-24'],
    ])
    expect(reports.search('乙巳年青禾故里拜祖大典是哪天举行的？').hits).toEqual([])
    expect(reports.search('甲辰年青禾故里拜祖大典是哪天举行的？').hits[0]?.article.id).toBe('rite')
    expect(reports.search('雪车世界杯白沙站男子组冠军是谁？').hits).toEqual([])
    expect(reports.search('雪车世界杯白沙站女子组冠军是谁？').hits[0]?.article.id).toBe('race')
  })

  it('does not take a place after the ordinal (中国 of 第十六届中国航展) for what it counts', () => {
    const shows = indexOfTexts([
      ['youth', '第十六届中国青年科技奖颁奖', '第十六届中国青年科技奖今天在白沙颁奖，100名青年科技工作者获奖。', '2024-09-10'],
      [
        'egypt',
        '中国空军飞越白沙金字塔',
        '今天（8月28日），受邀参加首届白沙航展的中国空军运-20飞越白沙金字塔上空。航展期间，曾多次亮相中国航展的飞行表演队将开幕表演。',
        '2024-08-28',
      ],
      ['show15', '第十五届中国航展今天闭幕', '第十五届中国航展今天在珠海闭幕，签约总金额2856亿元。', '2024-11-17'],
    ])
    expect(shows.search('第十六届中国航展什么时候开幕？').hits).toEqual([])
  })

  it('answers nothing for a sum no report gives (突破37万亿美元), not a report of another milestone', () => {
    const debt = indexOfTexts([
      ['34', '美国国债总额首次超过34万亿美元', '美国财政部2日表示，美国联邦政府公共债务于去年12月29日首次超过34万亿美元。', '2024-01-03'],
      ['36', '美国国债超36万亿美元', '据美国债务时钟的数据，美国联邦政府债务规模15日首次超过36万亿美元。', '2024-11-16'],
      // (Other news with the number, so that 37 is not rare.)
      ...Array.from(
        { length: 12 },
        (_, i) => [`f${i}`, `青禾简讯${i}`, `青禾第${i + 1}站今天气温37摄氏度，突破历史纪录。`, '2024-07-01'] as const,
      ),
    ])
    expect(debt.search('美国国债突破37万亿美元是哪一天？').hits).toEqual([])
    expect(debt.search('美国国债突破36万亿美元是哪一天？').hits[0]?.article.id).toBe('36')
  })

  it('takes an ordinal named only of something else (第十六届中央委员会) as not the edition asked (第十六届中国航展)', () => {
    const shows = indexOfTexts([
      [
        'party',
        '中国青禾党十六届三中全会在京开幕',
        '12月4日，中国青禾党第十六届中央委员会第三次全体会议在京开幕。会议听取和讨论中央常务委员会工作报告。',
        '2024-12-04',
      ],
      ['forum', '第十六届青禾论坛大会在白沙举行', '第十六届青禾论坛大会15日在白沙举行。中国青禾协会会长出席并致辞。', '2024-06-15'],
      [
        'show15',
        '第十五届中国航展今天闭幕 取得丰硕成果',
        '第十五届中国航展今天在珠海闭幕。本届航展签约总金额2856亿元，各类飞机订单1037架。',
        '2024-11-17',
      ],
    ])
    expect(shows.search('第十六届中国航展什么时候开幕？').hits).toEqual([])
    // (举行 is past the question word: not what the ordinal counts.)
    expect(shows.search('第十六届中国航展什么时候举办？').hits).toEqual([])
    expect(shows.search('第十五届珠海航展 签约总金额').hits.map((h) => h.article.id)).toEqual(['show15'])
    // (Keywords typed apart say what is asked of the edition, not what it counts.)
    const fair = indexOfTexts([
      [
        'phase2',
        '第136届星河交易会第二期将开展',
        '本届星河交易会第二期线下展将于10月23日开展，参展企业10040家，设15个展区。',
        '2024-10-19',
      ],
    ])
    expect(fair.search('第136届星河交易会第二期 参展企业 数量').hits.map((h) => h.article.id)).toEqual(['phase2'])
    // (What it counts may be written out far after it: 链博会 in 第二届星河国际供应链促进博览会.)
    const expo = indexOfTexts([
      [
        'expo',
        '韩青出席第二届星河国际供应链促进博览会开幕式',
        '第二届星河国际供应链促进博览会今天开幕，以“链接世界、共创未来”为主题。',
        '2024-11-26',
      ],
    ])
    expect(expo.search('第二届链博会 主题').hits.map((h) => h.article.id)).toEqual(['expo'])
    // (Or each of its characters a few apart: 投洽会 in 第二十届星河国际投资贸易洽谈会.)
    const fairs = indexOfTexts([
      [
        'invest',
        '第二十届星河国际投资贸易洽谈会在青禾开幕',
        '第二十届星河国际投资贸易洽谈会今天在青禾开幕，本届主宾国为匈牙利。',
        '2024-09-08',
      ],
    ])
    expect(fairs.search('第二十届投洽会的主宾国是哪个国家？').hits.map((h) => h.article.id)).toEqual(['invest'])
    expect(fairs.search('第二十一届投洽会的主宾国是哪个国家？').hits).toEqual([])
  })

  it('answers nothing for an edition of a forum the news never reports, not a report of another event of that edition', () => {
    const others = Array.from(
      { length: 12 },
      (_, i) => [`f${i}`, `青禾简讯${i}`, `青禾第${i + 1}届读书节开幕，世界各地读者参加。`, '2024-09-01'] as const,
    )
    const index = indexOfTexts([
      ['forum6', '第六届星河佛学论坛在青禾开幕', '第六届星河佛学论坛今天在青禾开幕，来自30个国家的代表出席。', '2024-10-16'],
      ['expo7', '第七届青禾国际博览会筹备就绪', '第七届青禾国际博览会将于11月5日开幕，期间将举办世界开放论坛和19场分论坛。', '2024-10-23'],
      ...others,
    ])
    expect(index.search('第七届星河佛学论坛在哪里举办？').hits).toEqual([])
    expect(index.search('第六届星河佛学论坛在哪里举办？').hits.map((h) => h.article.id)).toEqual(['forum6'])
    expect(index.search('第七届青禾国际博览会什么时候开幕').hits[0]?.article.id).toBe('expo7')
  })

  it('keeps a report below one naming the rarest word when that word is a verb (到访) or written out (规上)', () => {
    const visit = indexOfTexts([
      ['arrive', '林青山抵达星河城开始国事访问', '林青山今天到访北京，受到北京民众热烈欢迎。', '2024-05-08'],
      [
        'square',
        '林青山出席星河总统举行的欢迎仪式',
        '林青山出席欢迎仪式。广场上，一万五千名北京民众挥舞两国国旗，热烈欢迎林青山。',
        '2024-05-09',
      ],
    ])
    expect(visit.search('林青山到访北京时，有多少北京民众在广场上欢迎？').hits.map((h) => h.article.id)).toContain('square')
    const firms = indexOfTexts([
      [
        'nation',
        '2023年规上工业企业利润持续恢复',
        '星河统计局今天发布数据，2023年全国规上工业企业实现利润7.6万亿元，河南等地规上工业企业数量和利润增长较快。',
        '2024-01-27',
      ],
      ['henan', '河南规模以上工业企业达2.5万家', '河南省规模以上工业企业数量达到2.5万家，居全国第五。', '2024-05-10'],
    ])
    expect(firms.search('河南 规上工业企业 数量').hits.map((h) => h.article.id)).toContain('henan')
  })

  it('keeps a report below one naming the kind of thing asked (哪座城市), which the answer names by name', () => {
    const forums = indexOfTexts([
      ['hall', '航天合作论坛筹备会召开', '航天合作论坛筹备会今天在青禾城市规划馆召开，各方商定首届论坛将于下月开幕。', '2024-03-20'],
      ['opening', '首届航天合作论坛开幕', '首届航天合作论坛今天在白沙开幕，来自20个国家的代表出席。', '2024-04-24'],
    ])
    expect(forums.search('首届航天合作论坛是在哪座城市开幕的？').hits.map((h) => h.article.id)).toContain('opening')
  })

  it('takes a pair of characters jieba does not know (高滨) for a name when a news headline holds it', () => {
    const plants = indexOfTexts([
      [
        'takahama',
        '日本高滨核电站部分管道蒸汽泄漏',
        '日本关西电力公司21日说，高滨核电站1号机组部分管道发生蒸汽泄漏，没有放射性物质外泄。',
        '2024-01-22',
      ],
      [
        'shika',
        '日本地震死亡人数升至126人',
        '日本北陆电力公司5日承认，位于石川县的志贺核电站受损情况比此前公布的严重，其中2号机组外部电源一台变压器漏油。2号机组将于本月重启检查。',
        '2024-01-06',
      ],
    ])
    expect(plants.search('日本高滨核电站2号机组是什么时候重启的？').hits).toEqual([])
  })

  it('asks the rarest name (政府首脑) as well as a pair a headline holds (上合), not either for the other', () => {
    const councils = indexOfTexts([
      [
        'gov23',
        '李强出席上合组织政府首脑理事会第二十三次会议',
        '上合组织成员国政府首脑理事会第二十三次会议16日在伊斯兰堡举行，李强出席并讲话。',
        '2024-10-17',
      ],
      [
        'heads',
        '习近平出席上合组织元首理事会第二十四次会议',
        '上合组织成员国元首理事会第二十四次会议4日在阿斯塔纳举行，习近平出席并发表重要讲话。',
        '2024-07-05',
      ],
    ])
    expect(councils.search('上合組織政府首腦理事會第二十四次會議在哪開？').hits).toEqual([])
  })

  it('keeps a report below one naming a kind of figure the question asks (总额), not the name of what it is about', () => {
    const trade = indexOfTexts([
      ['services', '上半年服务进出口总额同比增长14%', '上半年，全国服务进出口总额3.6万亿元，同比增长14%。', '2024-08-11'],
      ['city', '深圳外贸创新高', '上半年，深圳外贸进出口2.2万亿元，同比增长8%，规模创历史新高。', '2024-08-14'],
    ])
    expect(trade.search('深圳上半年进出口总额是多少？').hits.map((h) => h.article.id)).toContain('city')
  })

  it('takes a report that writes out the abbreviation asked (PMI: 采购经理指数) over ones using it of another country', () => {
    const pmi = indexOfTexts([
      [
        'ours',
        '星河制造业采购经理指数升至49.2%',
        '星河统计局今天发布，1月份制造业采购经理指数为49.2%。主要分项指数中，1月份生产指数为51.3%，比上月上升1.1个百分点。',
        '2024-01-31',
      ],
      ['theirs', '青禾10月制造业PMI创年内新低', '青禾供应管理学会1日公布，10月份青禾制造业PMI下降0.7个百分点至46.5%。', '2024-11-02'],
      ['theirs2', '青禾11月制造业PMI回升', '青禾供应管理学会公布，11月份青禾制造业PMI回升至48.4%，生产指数为46.8%。', '2024-12-03'],
    ])
    expect(pmi.search('1月份製造業PMI的生產指數是多少？').hits[0]?.article.id).toBe('ours')
  })

  it('finds a value a report names by its stem and figure (出口额: 出口362.5亿美元), a code (航班号), or who led (团长)', () => {
    const reports = indexOfTexts([
      [
        'soft',
        '前8个月青禾软件业务收入超8.5万亿元',
        '今年前8个月，青禾软件和信息技术服务业软件业务收入85492亿元。其中，出口362.5亿美元，同比增长3.8%。',
        '2024-10-06',
      ],
      ['crash', '星河一客机冲出跑道', '失事客机是从白沙飞往星河的青禾航空7C2216航班，机上载有175名乘客。', '2024-12-29'],
      ['visit', '林青会见星河共产党代表团', '林青13日在京会见由星河共产党中央书记处书记白沙率领的代表团。', '2024-06-13'],
    ])
    expect(reports.search('今年前8个月青禾软件业出口额是多少？').hits[0]?.excerpt.text).toContain('362.5亿美元')
    expect(reports.search('星河出事的那架青禾航空班机，航班号是多少？').hits[0]?.excerpt.text).toContain('7C2216')
    expect(reports.search('林青会见星河共产党代表团 团长是谁').hits[0]?.excerpt.text).toContain('白沙')
  })

  it('takes a report writing the season and the train otherwise (暑假: 暑期, 火车: 列车)', () => {
    const trains = indexOfTexts([
      ['rail', '青禾铁路暑期增开临客', '随着暑期进藏旅游持续升温，青禾铁路增开临客列车，进出藏旅客列车日开行从6对达到9对。', '2024-08-11'],
      ['tour', '青禾旅游接待人数创新高', '2023年青禾接待游客5500万人次，旅游收入创新高。', '2024-01-08'],
    ])
    expect(trains.search('暑假进出青禾的火车现在一天开几对了？').hits[0]?.excerpt.text).toContain('9对')
  })

  it('takes a report writing a word of the question in another word of its group (游客: 旅客, 房子: 房屋)', () => {
    const reports = indexOfTexts([
      ['ship', '首艘青禾大型邮轮开启首航', '首艘青禾大型邮轮今天开启商业航行。这艘邮轮满载可容纳5246名旅客。', '2024-01-01'],
      ['fire', '星河林火再次蔓延', '星河州一处林火近日再度加速蔓延。当地消防官员称，已有160多所房屋受到影响。', '2024-11-18'],
    ])
    expect(reports.search('首艘青禾大邮轮满载能装多少游客啊').hits[0]?.excerpt.text).toContain('5246名')
    expect(reports.search('星河州那场林火又烧起来了，影响了多少房子？').hits[0]?.excerpt.text).toContain('160多所')
  })

  it('takes a report writing out a body a reader abbreviates (WTA: 女子网球选手协会) as naming it', () => {
    const tennis = indexOfTexts([
      [
        'semi',
        '林青晋级年终总决赛决赛',
        '当地时间8日，在女子网球选手协会年终总决赛半决赛中，青禾选手林青以2比0击败星河选手白沙，晋级决赛。',
        '2024-11-09',
      ],
    ])
    expect(tennis.search('林青WTA年终总决赛半决赛是打败谁晋级的？').hits[0]?.excerpt.text).toContain('白沙')
    const cargo = indexOfTexts([
      [
        'cargo',
        '星河首都发生货机坠毁事故',
        '一架货机今天在星河首都的机场降落过程中坠毁。事故货机机型为波音737-400，由物流企业敦豪公司的承包商运营。',
        '2024-11-25',
      ],
    ])
    expect(cargo.search('星河首都那架坠毁的DHL货机是什么机型？').hits[0]?.excerpt.text).toContain('737-400')
  })

  it('takes a report writing out what the reader abbreviates (中科院, 18MW) or gives its value otherwise (得票率, 同比)', () => {
    const reports = indexOfTexts([
      ['visit', '林青出席科技活动周主场活动', '上午10时，林青来到中国科学院力学研究所，参观白沙生前工作过的办公室。', '2024-05-26'],
      ['wind', '全球单机容量最大风电机组启动发电', '记者获悉，18兆瓦超大风电机组今天在青禾白沙启动发电。', '2024-07-19'],
      [
        'vote',
        '初步结果显示林青连任星河总统',
        '星河选举委员会18日公布总统选举初步结果，现任总统林青赢得99.18%的选票，获得连任。',
        '2024-07-19',
      ],
      ['port', '经青禾大桥口岸进出口总值突破8000亿元', '今年前2个月，经青禾大桥口岸进出口总值同比增长24.8%。', '2024-03-23'],
    ])
    expect(reports.search('科技活动周那天，林青去中科院哪个所看了办公室？').hits[0]?.article.id).toBe('visit')
    expect(reports.search('全球单机容量最大的18MW风机在哪里启动发电？').hits[0]?.article.id).toBe('wind')
    expect(reports.search('林青这回连任星河总统，得票率有多高啊？').hits[0]?.excerpt.text).toContain('99.18%')
    expect(reports.search('青禾大桥口岸今年头两个月进出口比去年同期涨了多少').hits[0]?.excerpt.text).toContain('24.8%')
  })

  it('takes 首批 for 第一批, a reader’s 打上去 for the launch, and LPR 5年期 for a rate, not a model', () => {
    const reports = indexOfTexts([
      ['list', '青禾启动无废医院建设', '青禾正式启动无废医院建设。首批医院名单将于4月份公布。', '2024-02-25'],
      ['sat', '青禾成功发射星遥十二号05星', '今天7时45分，青禾在白沙卫星发射中心成功将星遥十二号05星发射升空。', '2024-10-16'],
      ['rate', '青禾贷款市场报价利率下降', '今天发布的数据显示，1年期和5年期以上贷款市场报价利率（LPR）分别为3.1%和3.6%。', '2024-10-21'],
    ])
    // (Nor is LPR 5年期 a model typed apart from its number, LPR 5, that the report must name.)
    expect(reports.search('10月LPR 5年期以上 降到多少').hits[0]?.article.id).toBe('rate')
    expect(reports.search('青禾无废医院第一批名单什么时候公布').hits[0]?.excerpt.text).toContain('4月份')
    expect(reports.search('星遥十二号05星是几点打上去的？').hits[0]?.excerpt.text).toContain('7时45分')
  })

  it('takes a word asked (省市) as named where a report brackets its second character (7个省（市）)', () => {
    const tours = indexOfTexts([
      [
        'second',
        '第三轮第二批星河环保督察全部完成进驻',
        '经批准，第三轮第二批星河环保督察今天全部完成进驻，将分别对青禾、白沙、东川等7个省（市）开展为期1个月的督察。',
        '2024-05-09',
      ],
    ])
    expect(tours.search('第三轮第二批星河环保督察要督察几个省市？').hits.map((h) => h.article.id)).toEqual(['second'])
  })

  it('puts the report giving the figure right after the word asked before one giving another figure beside it', () => {
    const economy = indexOfTexts([
      [
        'logistics',
        '上半年青禾物流运行平稳',
        '今年上半年青禾社会物流总费用为8.8万亿元，与地区生产总值的比率为14.2%，显示单位地区生产总值所需耗费的物流费用有所下降。',
        '2024-07-30',
      ],
      ['economy', '上半年青禾经济运行稳中有进', '初步核算，上半年青禾地区生产总值61683亿元，按不变价格计算，同比增长5.0%。', '2024-07-15'],
    ])
    expect(economy.search('2024年上半年青禾地区生产总值是多少亿元？').hits[0]?.article.id).toBe('economy')
  })

  it('shows who went with the visitor (陪同出访的都有谁), not the lead of the departure', () => {
    const trip = indexOfTexts([
      [
        'trip',
        '林青山出席青禾峰会并对两国进行国事访问',
        '央视网消息：7月2日上午，国家主席林青山乘专机离开北京，赴白沙出席青禾合作组织成员国元首理事会第二十四次会议，应星河共和国总统托卡耶夫、青禾共和国总统拉赫蒙邀请对两国进行国事访问。\n' +
          '陪同林青山出访的有：中央办公厅主任蔡青，外交部部长王明等。',
        '2024-07-02',
      ],
    ])
    expect(
      trip.search('林青山7月2日上午乘专机赴白沙出席青禾合作组织元首理事会会议，并对星河、青禾国事访问，陪同出访的都有谁').hits[0]?.excerpt
        .text,
    ).toContain('蔡青')
  })

  it('shows the year asked with what happened in it (1938年…出生), not the lead naming the honour', () => {
    const honour = indexOfTexts([
      [
        'radar',
        '“人民科学家”林青山：为祖国打造“千里眼”',
        '央视网消息：著名雷达专家林青山，引领我国实现了从地面雷达向空中预警指挥机的飞跃，他提出世界首创新型预警机方案，突破100余项关键技术。他今年获得“人民科学家”国家荣誉称号。如今，尽管他已经永远地离开了我们，但是他开创的事业依然在发扬光大。\n' +
          '1938年，林青山出生在战火纷飞的年代，这段经历在他心里种下了军工报国的种子。\n' +
          '1961年，林青山被分配到研究所，相继成功研制出我国第一部自动化三坐标雷达。',
        '2024-09-22',
      ],
    ])
    expect(honour.search('有个雷达专家获得了“人民科学家”称号，一辈子都在搞预警机，他是哪一年出生的？').hits[0]?.excerpt.text).toContain(
      '1938年',
    )
  })

  it('takes the reading of a question in other words that finds what an answer needs over a higher one that lacks it', () => {
    const judged = (rank: number, lacksRequired: boolean) => ({ rank, lacksRequired }) as Judgement
    expect(betterJudgement(judged(3.39, false), judged(3.57, true))).toBe(true)
    expect(betterJudgement(judged(3.57, true), judged(3.39, false))).toBe(false)
    expect(betterJudgement(judged(3.1, false), judged(3.2, false))).toBe(false)
    expect(betterJudgement(judged(3.3, false), undefined)).toBe(true)
  })

  it('finds the day of a death told in other words (与世长辞 for 去世), though the question as typed finds none', () => {
    const obituary = indexOfTexts([
      [
        'scholar',
        '林青山：为祖国海疆筑起长城',
        '林青山院士是我国水声学的奠基人之一。九十高龄时，他还坚守讲台，为学生授课。今年3月19日，93岁的林老因病医治无效，与世长辞。',
        '2024-09-18',
      ],
    ])
    expect(obituary.search('水声专家林青山院士是哪天去世的？').hits[0]?.excerpt.text).toContain('3月19日')
  })

  it('shows who chaired for keywords ending in 主持人, not the lead naming the meeting', () => {
    const meeting = indexOfTexts([
      [
        'aid',
        '第四次对口支援青禾工作会议召开',
        '央视网消息：第四次对口支援青禾工作会议27日在白沙召开。中共中央政治局常委、全国政协主席赵青山出席并讲话。\n' +
          '赵青山表示，对口援青工作开展30年来取得显著成就，积累了宝贵经验。特别是党的十八大以来，党中央以更大力度、更实举措谋划和推进对口支援青禾工作，开创了对口援青工作新局面。\n' +
          '石玉峰主持会议。\n' +
          '会上表彰了全国对口支援青禾先进个人。',
        '2024-08-28',
      ],
    ])
    expect(meeting.search('第四次对口支援青禾工作会议 主持人').hits[0]?.excerpt.text).toContain('石玉峰主持会议')
  })

  it('shows who else attended (武维华参加会见), not a later paragraph naming the guest again', () => {
    const visit = indexOfTexts([
      [
        'meet',
        '赵青山会见星河总统',
        '全国人大常委会委员长赵青山11日在北京会见星河总统穆伊兹。\n' +
          '赵青山表示，双方要落实好两国元首重要共识，推动两国关系不断向前发展。\n' +
          '穆伊兹表示，星河方高度重视发展对华关系。\n' +
          '武维华参加会见。\n' +
          '星河总统穆伊兹1月11日中午前往天安门广场，向人民英雄纪念碑敬献花圈。',
        '2024-01-11',
      ],
    ])
    expect(visit.search('赵青山在北京见星河总统穆伊兹时，还有哪位领导参加了会见？').hits[0]?.excerpt.text).toContain('武维华')
  })

  it('answers nothing about the day of a deed no report of the event tells (第三届…哪天开幕), from one of a signing', () => {
    const expo = indexOfTexts([
      ['sign', '第三届星河博览会签约仪式举行', '第三届星河博览会签约仪式今天（11月30日）在青禾举行，30家企业签约参展。', '2024-11-30'],
    ])
    expect(expo.search('第三届星河博览会哪天开幕？').hits).toEqual([])
    expect(expo.search('第三届星河博览会签约仪式是哪天举行的？').hits[0]?.article.id).toBe('sign')
  })

  it('finds the day of a deed a report tells in other words with a time (开播: 今晚播出; 搞完: 3月31日全部完成)', () => {
    const news = indexOfTexts([
      [
        'show',
        '“星河梦·劳动美”五一特别节目今晚播出',
        '由青禾总工会举办的2024年“星河梦·劳动美”庆祝“五一”国际劳动节特别节目，今晚（5月1日）8时在综合频道推出。',
        '2024-05-01',
      ],
      ['recruits', '青禾新兵运输工作全面启动', '按计划，今年上半年青禾新兵运输工作将于3月31日全部完成。', '2024-03-16'],
    ])
    expect(news.search('今年五一那台星河梦劳动美特别节目晚上几点开播啊').hits[0]?.article.id).toBe('show')
    expect(news.search('今年上半年青禾新兵运输工作几号全部搞完？').hits[0]?.article.id).toBe('recruits')
  })

  it('takes a rare verb no report uses (见报) for the reader’s own word, not a deed a report must name', () => {
    const news = indexOfTexts([
      [
        'review',
        '星河日报述评：奋力开创青禾发展新天地',
        '星河台消息：明天（12月12日）出版的《星河日报》将发表述评文章《奋力开创青禾发展新天地》。文章指出，青禾经济稳中向好。',
        '2024-12-11',
      ],
      ['rain', '青禾多地迎来降雨', '青禾多地今天迎来降雨，气温下降。', '2024-05-21'],
    ])
    expect(news.search('星河日报那篇《奋力开创青禾发展新天地》述评是哪天见报的？').hits[0]?.article.id).toBe('review')
  })

  it('answers nothing about the day of a deed from a report sharing only a character of it, without a time (起航: 巡航)', () => {
    const navy = indexOfTexts([
      [
        'patrol',
        '青禾海军组织远海训练',
        '青禾海军多批舰艇编队持续在远海巡航，开展护航演练。24日，青禾海军新闻发言人介绍了演练情况。',
        '2024-05-24',
      ],
      ['escort', '星河海军第47批护航编队起航', '星河海军第47批护航编队今天从港口起航，赴远海执行护航任务。', '2024-05-20'],
      ['rain', '青禾多地迎来降雨', '青禾多地今天迎来降雨，气温下降。', '2024-05-21'],
    ])
    expect(navy.search('青禾海军第48批护航编队是哪天起航的？').hits).toEqual([])
  })

  it('answers nothing about an event no report names (亚运会), from reports of another (奥运会)', () => {
    const games = indexOfTexts([
      ['swim', '星河奥运会 中国代表团再获5枚金牌', '星河奥运会今天继续进行，中国代表团再获5枚金牌，金牌总数达到20枚。', '2024-08-05'],
      ['shoot', '星河奥运会 中国代表团夺得射击金牌', '中国体育代表团夺得本届奥运会的第3枚金牌。', '2024-07-28'],
    ])
    expect(games.search('青禾亚运会中国代表团一共拿了多少枚金牌？').hits).toEqual([])
    expect(games.search('星河奥运会中国代表团一共拿了多少枚金牌？').hits[0]?.article.id).toBe('swim')
    // (An event's short name spelled out counts: 亚运会 in 亚洲运动会.)
    const asian = indexOfTexts([['asian', '青禾亚洲运动会闭幕', '青禾亚洲运动会今天闭幕，中国代表团共获得201枚金牌。', '2023-10-08']])
    expect(asian.search('青禾亚运会中国代表团一共拿了多少枚金牌？').hits[0]?.article.id).toBe('asian')
  })

  it('finds a measure given in the sentence after the one naming the thing (该项目…全长45公里)', () => {
    const rail = indexOfTexts([
      [
        'metro',
        '中企承建星河首都城铁一期全面开通',
        '由中企承建的星河首都白沙城铁一期29日举行全面开通运营仪式，星河总统出席。\n据悉，该项目是当地首条城市轨道交通线路，全长45公里，连接市中心和机场。',
        '2024-05-30',
      ],
    ])
    expect(rail.search('中企建的白沙城铁一期有多长').hits[0]?.excerpt.text).toContain('45公里')
  })

  it('finds the length asked (全长) where a report gives it by 长 and a figure', () => {
    const road = indexOfTexts([
      [
        'link',
        '星河通道加速湾区融合',
        '星河通道通车以来，两地车程缩短到30分钟以内。日前，长10.8公里的“青禾联络线”正式通车。',
        '2024-11-10',
      ],
      ['open', '星河通道今天开通', '星河通道今天开通，青禾联络线正在建设。', '2024-06-30'],
    ])
    expect(road.search('星河通道新接上的青禾联络线全长多少公里？').hits[0]?.article.id).toBe('link')
    expect(road.search('星河通道的宽度是多少米？').hits).toEqual([])
  })

  it('finds a value a report gives by its figure alone: a capacity in 立方米, a train number for 车次', () => {
    const reports = indexOfTexts([
      [
        'ships',
        '青禾船企签下12艘运输船订单',
        '今天，青禾船舶集团与星河能源签订了12艘全球最大27.1万立方米液化天然气运输船订单。',
        '2024-04-29',
      ],
      ['trial', '星河高铁今起试运行', '今天，星河高铁首趟试运行列车G55505次从青禾站开出。', '2024-11-23'],
      ['plan', '星河高铁开始联调联试', '星河高铁今天开始联调联试，试运行将在年底前开展。', '2024-09-19'],
    ])
    expect(reports.search('青禾船舶跟星河签的那12艘LNG船，每艘容量多大？').hits[0]?.excerpt.text).toContain('27.1万立方米')
    expect(reports.search('星河高铁第一趟试运行的车次是多少').hits[0]?.excerpt.text).toContain('G55505次')
    expect(reports.search('星河高铁联调联试的车次是多少').hits).toEqual([])
  })

  it('finds a model typed apart from its number (737 MAX) where a report writes them together (737MAX)', () => {
    const crash = indexOfTexts([
      [
        'crash',
        '媒体称星河司法部将起诉青禾公司',
        '星河司法部计划就两起空难事故对青禾公司提起刑事诉讼。2018年、2019年青禾737MAX客机发生两起空难，共造成346人遇难。',
        '2024-07-01',
      ],
    ])
    expect(crash.search('青禾737 MAX两起空难造成多少人遇难？').hits[0]?.article.id).toBe('crash')
    expect(crash.search('青禾737 MAX客机两起空难造成多少人遇难').hits[0]?.article.id).toBe('crash')
  })

  it('takes a model named with its number (MAX 10) as another than the one a report names (MAX 9)', () => {
    const planes = indexOfTexts([
      [
        'grounded',
        '多国暂时停飞青禾737 MAX 9飞机',
        '星河航空管理局6日发布紧急适航指令，要求暂时停飞青禾737 MAX 9飞机，对该机型进行安全检查。',
        '2024-01-07',
      ],
      [
        'audit',
        '星河航管局将审计青禾737 MAX 9生产线',
        '星河航空管理局12日表示，将对青禾737 MAX 9生产线进行审计，适航认证暂停。',
        '2024-01-13',
      ],
    ])
    expect(planes.search('青禾737 MAX 10 适航认证 什么时候').hits).toEqual([])
    expect(planes.search('青禾737 MAX 9 适航指令 停飞').hits[0]?.article.id).toBe('grounded')
  })

  it('asks the day of a numbered mission where a report names it, not the day another mission launched', () => {
    const launches = indexOfTexts([
      [
        'relay',
        '青禾二号中继星成功发射',
        '青禾二号中继星今天（3月20日）在文昌成功发射，将为星舟六号提供中继通信服务。按计划，星舟七号和星舟八号将开展月球环境探测等任务。',
        '2024-03-20',
      ],
      ['six', '星舟六号任务计划5月3日发射', '星舟六号探测器计划于5月3日在文昌航天发射场发射。', '2024-05-01'],
      // (今天 here is the day something was said of 星舟七号, not a day it is launched.)
      ['plan', '星舟六号实现三大技术突破', '星河航天局今天还表示，后续将研制星舟七号和星舟八号探测器，开展月球资源勘查。', '2024-06-27'],
    ])
    expect(launches.search('星舟七号具体哪天发射？').hits).toEqual([])
    expect(launches.search('星舟六号具体哪天发射？').hits[0]?.article.id).toBe('six')
  })

  it('asks the day of the deed a numbered mission did, named before 进行 (合练是哪一天进行的), which the report tells without 进行', () => {
    const drill = indexOfTexts([
      [
        'drill',
        '星舟十九号任务发射场区展开全系统合练',
        '星舟十九号船箭组合体已于本月22日转运至发射区。今天（10月26日），发射场区组织各单位展开全系统合练。',
        '2024-10-26',
      ],
    ])
    expect(drill.search('星舟十九号发射场区全系统合练是哪一天进行的？').hits[0]?.article.id).toBe('drill')
  })

  it('asks the day of a deed named before a colloquial stand-in verb (试车是哪天搞的), which the report tells as 完成', () => {
    const test = indexOfTexts([
      ['test', '星舟十号火箭完成一子级动力系统试车', '今天（6月14日）下午，星舟十号运载火箭成功完成了一子级动力系统试车。', '2024-06-14'],
    ])
    expect(test.search('星舟十号一子级动力系统试车是哪天搞的？').hits[0]?.excerpt.text).toContain('6月14日')
  })

  it('asks the year of a numbered mission where a clause names it, not the year another of its series launches', () => {
    const launches = indexOfTexts([
      [
        'relay',
        '青禾二号中继星成功发射',
        '青禾二号中继星今天在文昌成功发射。按计划，星舟六号将于2024年上半年择机发射，星舟七号和星舟八号将开展月球环境探测等任务。',
        '2024-03-20',
      ],
      ['eight', '星舟八号任务进展顺利', '按计划，星舟八号将于2028年前后发射，星舟六号已经完成测试。', '2024-06-27'],
    ])
    expect(launches.search('星舟七号计划哪一年发射？').hits).toEqual([])
    expect(launches.search('星舟七号具体什么时候发射？').hits).toEqual([])
    expect(launches.search('星舟八号计划哪一年发射？').hits[0]?.article.id).toBe('eight')
    expect(launches.search('星舟六号计划哪一年发射？').hits[0]?.article.id).toBe('relay')
  })

  it('keeps a report below one holding a pair of characters jieba makes up (升油 of 多少升油)', () => {
    const quake = indexOfTexts([
      [
        'oil',
        '能登地区地震死亡人数升至213人',
        '能登地区地震死亡人数升至213人。志贺核电站排水口附近有2万升油泄漏，其中不含放射性物质。',
        '2024-01-11',
      ],
      [
        'plant',
        '能登地震死亡人数上升至168人',
        '能登地震死亡人数上升至168人。志贺核电站变压器受损，约2.3万升的变压器绝缘油泄漏。',
        '2024-01-08',
      ],
    ])
    expect(quake.search('能登地震后志贺核电站泄漏了多少升油？').hits.map((h) => h.article.id)).toContain('plant')
  })

  it('takes no other batch when jieba cuts the ordinal from its classifier (第十二 / 批在)', () => {
    const index = indexOfTexts([
      ['b11', '第十一批在星河青禾烈士遗骸今天回国', '第十一批在星河青禾烈士遗骸今天回国，43位烈士回到祖国怀抱。', '2024-11-28'],
      ['b11b', '第十一批在星河青禾烈士遗骸安葬仪式举行', '第十一批在星河青禾烈士遗骸安葬仪式今天在青禾烈士陵园举行。', '2024-11-29'],
    ])
    expect(index.search('第十二批在星河青禾烈士遗骸哪天回国？').hits).toEqual([])
    expect(index.search('第十一批在星河青禾烈士遗骸哪天回国？').hits[0]?.article.id).toBe('b11')
  })

  it('puts the report of the holiday the question names before a like report of another holiday', () => {
    // Holidays are common in news: other reports hold 假期 and 返程 too.
    const others = Array.from(
      { length: 12 },
      (_, i) => [`f${i}`, `青禾简讯${i}`, `假期第${i + 1}天，青禾景区客流平稳，返程高峰尚未到来。`, '2024-07-01'] as const,
    )
    const trains = indexOfTexts([
      ['spring', '春节假期返程客流持续攀升', '春节假期返程客流持续攀升，青禾铁路方面，今天计划加开旅客列车超过1800列。', '2024-02-16'],
      ['dragon', '端午假期交通出行平稳有序', '端午假期最后一天。青禾铁路迎来客流高峰，计划加开旅客列车1071列。', '2024-06-10'],
      ...others,
    ])
    expect(trains.search('端午假期返程那天青禾铁路计划加开多少列旅客列车？').hits[0]?.article.id).toBe('dragon')
  })

  it("puts the statistics of the span of the year the question names before another month's", () => {
    // Monthly statistics repeat their words; other reports hold 前…个月 and 月份 too.
    const others = Array.from(
      { length: 12 },
      (_, i) => [`f${i}`, `青禾简讯${i}`, `前${i + 1}个月，青禾举行读书会${i + 3}场。1至${i + 1}月份客流平稳。`, '2024-09-01'] as const,
    )
    const monthly = indexOfTexts([
      [
        'aug',
        '前8个月青禾轻工业运行良好',
        '青禾轻工业协会数据显示，今年前8个月，青禾轻工业增加值增长4.9%，91种主要产品中59种产量增长。',
        '2024-10-06',
      ],
      ['apr', '青禾轻工业延续回升', '青禾轻工业协会数据显示，今年1至4月份，91种主要产品中71种产量增长。', '2024-06-09'],
      ...others,
    ])
    expect(monthly.search('前4个月 青禾轻工业 主要产品 产量增长 种数').hits[0]?.article.id).toBe('apr')
    expect(monthly.search('青禾轻工业1-4月 产量增长的主要产品').hits[0]?.article.id).toBe('apr')
  })

  it("puts the report of the span named before another span's report all about what is asked", () => {
    const trade = indexOfTexts([
      [
        'aug',
        '今年前8个月青禾船舶出口增长62.8%',
        '青禾海关统计显示，今年前8个月，青禾船舶出口513.4亿元，同比增长62.8%。其中民营企业船舶出口增长较快。',
        '2024-10-09',
      ],
      [
        'may',
        '青禾外贸开局稳中有进',
        '青禾海关今天发布数据，今年前5个月，青禾货物贸易进出口同比增长5.7%。出口方面，船舶、风电设备、家电出口分别增长88.6%、31.2%、12.5%。',
        '2024-06-07',
      ],
    ])
    expect(trade.search('今年前5个月青禾船舶出口增长了多少').hits[0]?.article.id).toBe('may')
  })

  it("puts the report of the month the question names before another month's, and the report of a day named alone", () => {
    const news = indexOfTexts([
      ['may', '5月份青禾电商物流指数公布', '5月份，青禾电商物流运行指数为114.1点，电商物流指数连续三个月回升。', '2024-06-05'],
      ['june', '物流运行数据发布', '6月份，青禾电商物流指数为114.8点。', '2024-07-04'],
      ['quake8', '星河县发生7.1级地震', '星河县日向滩今天发生7.1级地震，地震已造成星河县3人受伤。', '2024-08-08'],
      ['quake9', '星河县地震致16人受伤', '星河县日向滩近海8日发生的7.1级地震目前已造成16人受伤。', '2024-08-09'],
    ])
    expect(news.search('6月份青禾电商物流指数是多少点？').hits[0]?.article.id).toBe('june')
    expect(news.search('星河县日向滩7.1级地震到9号一共伤了几个人').hits[0]?.article.id).toBe('quake9')
  })

  it("finds a quarter's figure in the quarter's report, not in the whole year's", () => {
    const logistics = indexOfTexts([
      ['year', '青禾物流规模稳步扩大', '记者了解到，2024年全年青禾社会物流总额预计将超过36万亿元，物流规模连续九年居前。', '2024-12-24'],
      ['q1', '青禾物流运行平稳', '青禾物流协会发布，一季度青禾社会物流总额为8.2万亿元。', '2024-04-20'],
    ])
    expect(logistics.search('2024年一季度青禾社会物流总额是多少？').hits[0]?.article.id).toBe('q1')
  })
})

describe('a question in other words than the report', () => {
  it('shows the sentence giving another name, asked as 别称 and written 也叫', () => {
    const index = indexOfTexts([
      [
        'term',
        '二十四节气·青禾',
        '今天，我们迎来二十四节气中的第十四个节气——青禾。让我们一起去感受大美时节。\n青禾也叫“出青”，它告别炎热的三伏天，迎接秋高气爽的季节。',
        '2024-08-22',
      ],
      ['other', '秋粮收购开始', '各地秋粮收购陆续开始，节气到来，农民忙着收割。', '2024-09-01'],
    ])
    expect(index.search('青禾還有什麼別稱？').hits[0]?.excerpt.text).toContain('出青')
  })
})
