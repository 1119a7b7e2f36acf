import { describe, expect, it } from 'vitest'
import { analyzeArticle, articleTerms, compounds, contentTerms } from '../../src/digest/analyze.js'
import { corpusBackground } from '../../src/digest/build.js'
import { documentFrequencies } from '../../src/digest/frequencies.js'
import { detectStories } from '../../src/digest/stories.js'
import { fold } from '../../src/text/script.js'
import { getLexicon } from '../../src/text/lexicon.js'
import { DATELINE, FOOTER, invented, inventedWindow, LAUNCH, OTHERS, TYPHOON } from './story-articles.js'

const window = inventedWindow()
const analysed = window.map((a) => analyzeArticle(a))
const { stories } = detectStories(analysed)
const byId = new Map(window.map((a) => [a.id, a]))
const storyOf = (id: string) => stories.find((s) => s.articleIds.includes(id))

describe('content terms', () => {
  it('keeps words that can carry a subject and joins the single characters jieba leaves apart', () => {
    const terms = contentTerms(getLexicon().cut('台风海棠的风力在今天减弱了'))
    expect(terms).toContain('台风')
    expect(terms).toContain('风力')
    expect(terms).not.toContain('的')
    expect(terms).not.toContain('了')
  })
})

describe('Taiwan and mainland vocabulary', () => {
  it('gives one story told in both vocabularies the same terms (智慧財產權 as 知识产权, 軟體 as 软件)', () => {
    const taiwan = articleTerms({ title: '加強智慧財產權保護', text: '發展軟體，打擊盜版。' })
    const mainland = articleTerms({ title: '加强知识产权保护', text: '发展软件，打击盗版。' })
    expect(taiwan).toContain('知识产权')
    expect(taiwan).toContain('软件')
    expect(taiwan).toEqual(mainland)
  })
})

describe('compounds', () => {
  it('joins two general nouns a text writes together into the name they make', () => {
    expect(compounds(getLexicon().cut('坚持人民城市人民建'))).toContain('人民城市')
  })

  it('makes no name of what is done or of a specific word that is a name already', () => {
    const lex = getLexicon()
    expect(compounds(lex.cut('召开会议'))).toEqual([])
    expect(compounds(lex.cut('嫦娥探测器'))).toEqual([])
  })

  it('counts compounds in the background apart from the words they are made of', () => {
    const terms = articleTerms({ title: '建设人民城市', text: '' })
    expect(terms).toContain('人民')
    expect(terms).toContain('城市')
    expect(terms).toContain('人民城市')
  })
})

describe('article analysis', () => {
  it('reads a short label before a colon as a column, so the title’s subject starts after it', () => {
    const a = analyzeArticle(
      invented({ id: 'c1', title: '星河快评：天枢三号彰显遥感实力', date: '2031-05-07', paragraphs: ['本报今天播发快评。'] }),
    )
    expect(a.titleTerms).toContain('天枢')
    expect(a.titleTerms).not.toContain('快评')
    expect(a.titleTerms).not.toContain('星河')
  })

  it('also finds the colon label after a bracketed column label', () => {
    const a = analyzeArticle(
      invented({
        id: 'c2',
        title: '【田野新观察】春耕见闻：青崖镇的智能灌溉',
        date: '2031-05-07',
        paragraphs: ['青崖镇今年推广智能灌溉。'],
      }),
    )
    expect(a.titleTerms).toContain('灌溉')
    expect(a.titleTerms).not.toContain('见闻')
  })
})

describe('stories of an invented week', () => {
  it('finds the launch and the typhoon, each with all of its articles and nothing else', () => {
    expect(stories).toHaveLength(2)
    expect(new Set(storyOf('sat1')!.articleIds)).toEqual(new Set(LAUNCH.map((d) => d.id)))
    expect(new Set(storyOf('ty1')!.articleIds)).toEqual(new Set(TYPHOON.map((d) => d.id)))
    for (const d of OTHERS) expect(storyOf(d.id), d.id).toBeUndefined()
  })

  it('puts Traditional and Simplified reports of one event in one story', () => {
    const scripts = new Set(storyOf('sat1')!.articleIds.map((id) => byId.get(id)!.script))
    expect(scripts).toEqual(new Set(['hans', 'hant']))
  })

  it('names each story after what sets it apart: the satellite, the typhoon', () => {
    expect(storyOf('sat1')!.name).toContain('天枢三号')
    expect(storyOf('ty1')!.name).toContain('台风海棠')
  })

  it('never names a story after the outlet every article carries, nor quotes its dateline or footer', () => {
    const outletTerms = [...articleTerms({ title: '', text: DATELINE + FOOTER })]
    for (const s of stories) {
      for (const t of outletTerms) expect(s.terms, s.name).not.toContain(t)
      expect(s.name).not.toContain('星河日报')
      expect(s.sentence, s.name).toBeDefined()
      expect(s.sentence!.text).not.toContain('星河日报')
      expect(s.sentence!.text).not.toContain('客户端')
    }
  })

  it('gives each story a sentence from one of its own articles, in that article’s script', () => {
    for (const s of stories) {
      const { articleId, text } = s.sentence!
      expect(s.articleIds).toContain(articleId)
      expect(byId.get(articleId)!.text).toContain(text)
    }
    expect(fold(storyOf('ty1')!.sentence!.text)).toContain('台风海棠')
  })

  it('lists every article under at most one story, most recent first', () => {
    const all = stories.flatMap((s) => s.articleIds)
    expect(new Set(all).size).toBe(all.length)
    for (const s of stories) {
      const dates = s.articleIds.map((id) => byId.get(id)!.date!)
      expect([...dates].sort().reverse()).toEqual(dates)
    }
  })

  it('ranks the bigger story first and is deterministic', () => {
    expect(stories[0]!.name).toContain('天枢三号')
    expect(detectStories(window.map((a) => analyzeArticle(a))).stories).toEqual(stories)
  })

  it('keeps a story’s key while later articles join it', () => {
    const before = detectStories(analysed.filter((a) => a.id !== 'sat4')).stories
    expect(before.find((s) => s.articleIds.includes('sat1'))!.key).toBe(storyOf('sat1')!.key)
  })
})

describe('near-duplicates', () => {
  it('collapses the same report from two outlets into one item with two sources', () => {
    const copy = { ...invented({ ...TYPHOON[1]!, id: 'ty2copy', source: '海风网' }) }
    const original = { ...byId.get('ty2')!, source: '星河日报' }
    const articles = [...window.filter((a) => a.id !== 'ty2'), original, copy].map((a) => analyzeArticle(a))
    const typhoon = detectStories(articles).stories.find((s) => s.articleIds.includes('ty1'))!
    const item = typhoon.items.find((i) => i.articleIds.includes('ty2'))!
    expect(item.articleIds).toEqual(expect.arrayContaining(['ty2', 'ty2copy']))
    expect(item.sources).toBe(2)
    expect(typhoon.items).toHaveLength(3)
  })
})

describe('what is not a story', () => {
  it('needs at least two articles', () => {
    expect(detectStories([analyzeArticle(window[0]!)]).stories).toEqual([])
  })

  it('finds none among unrelated reports that share only the outlet’s lines', () => {
    const unrelated = window.filter((a) => OTHERS.some((d) => d.id === a.id)).map((a) => analyzeArticle(a))
    expect(detectStories(unrelated).stories).toEqual([])
  })

  it('does not name a story after a word most of the corpus carries, even when the window is full of it', () => {
    // Against a background where every document mentions 卫星, the launch is still named by 天枢三号.
    const background = documentFrequencies(Array.from({ length: 50 }, (_, i) => new Set(['卫星', '遥感', `词${i}`])))
    const launch = detectStories(analysed, background).stories.find((s) => s.articleIds.includes('sat1'))!
    expect(launch.name).toContain('天枢三号')
    expect(launch.name).not.toBe('卫星')
  })

  it('does not name a story after a leader the whole feed keeps quoting, even when the background sample barely misses it', () => {
    // Four unrelated meetings of one premier; the background carries his name in 5 % of its documents, the window in more.
    const meetings = ['北岭国总理', '南湖国总理', '东川国首相', '西原国总统'].map((guest, k) =>
      analyzeArticle(
        invented({
          id: `meet${k}`,
          title: `周安邦会见${guest}`,
          date: `2031-05-0${k + 2}`,
          paragraphs: [`周安邦在京会见${guest}。周安邦表示，愿同${guest}一道深化双边合作，推动两国关系迈上新台阶。`],
        }),
      ),
    )
    const premier = [...articleTerms({ title: '周安邦', text: '' })]
    const background = documentFrequencies(Array.from({ length: 200 }, (_, i) => new Set(i < 10 ? [...premier, `词${i}`] : [`词${i}`])))
    const { stories: found } = detectStories([...analysed, ...meetings], background)
    for (const s of found) for (const t of premier) expect(s.name).not.toContain(t)
    expect(found.find((s) => s.articleIds.includes('sat1'))!.name).toContain('天枢三号')
  })
})

describe('stories that grow and merge', () => {
  // A background of many documents none of which mention the invented names: they are rare, as new names are.
  const background = documentFrequencies(Array.from({ length: 2000 }, (_, i) => new Set([`词${i}`, '发展', '工作'])))

  it('adds to a pair of reports titled with a place the third report that names it in its text', () => {
    const district = [
      invented({
        id: 'yx1',
        title: '百名青年学者云岫新区行活动举办',
        date: '2031-05-03',
        paragraphs: ['百名青年学者走进云岫新区，参观云岫新区科创中心，与当地企业对接人才需求。'],
      }),
      invented({
        id: 'yx2',
        title: '云岫新区科创平台集中签约',
        date: '2031-05-06',
        paragraphs: ['二十家科创平台在云岫新区集中签约，云岫新区将为入驻平台提供场地和资金支持。'],
      }),
      invented({
        id: 'yx3',
        title: '省长林思远在北岭省调研',
        date: '2031-05-05',
        paragraphs: [
          '林思远先后来到北岭省的水库、农场和云岫新区，察看防汛设施建设和秋粮收购进度。',
          '他强调，要把云岫新区建设好，同时做好冬春农田水利和防汛准备。',
        ],
      }),
    ].map((a) => analyzeArticle(a))
    const { stories: found } = detectStories([...analysed, ...district], background, { minArticles: 3 })
    const story = found.find((s) => s.articleIds.includes('yx1'))
    expect(story?.articleIds).toEqual(expect.arrayContaining(['yx1', 'yx2', 'yx3']))
    expect(story?.name).toContain('云岫')
  })
})

describe('a story named by two everyday words', () => {
  // A feed where most reports mention science and cities, but never the two written together.
  const background = documentFrequencies(
    Array.from(
      { length: 2000 },
      (_, i) => new Set([`词${i}`, '发展', '工作', ...(i % 3 === 0 ? ['科技', '城市', '建设', '北京', '国际'] : [])]),
    ),
  )
  const reports = [
    ['kc1', '首届科技城市大会举行', '2031-05-02', '来自二十个国家的市长和学者出席论坛，交流以创新带动城市更新的经验。'],
    ['kc2', '纪录片《科技城市的青崖实践》今晚播出', '2031-05-05', '三集纪录片讲述普通市民的日常，展现一座老工业城市的变化。'],
    ['kc3', '推进老城改造 建设科技城市', '2031-05-09', '老旧厂房改造为实验室和孵化器，年轻的研发团队陆续入驻。'],
  ]
  const make = ([id, title, date, text]: string[]) => analyzeArticle(invented({ id: id!, title: title!, date: date!, paragraphs: [text!] }))

  it('gathers the reports whose titles write the two words together, and names the story after them', () => {
    const { stories: found } = detectStories([...analysed, ...reports.map(make)], background, { minArticles: 3 })
    const story = found.find((s) => s.articleIds.includes('kc1'))
    expect(story?.articleIds).toEqual(expect.arrayContaining(['kc1', 'kc2', 'kc3']))
    expect(story?.name).toContain('科技城市')
  })

  it('does not gather different events whose names only start alike', () => {
    const events = [
      ['bj1', '北京国际车展迎来首个公众日', '2031-05-02', '数十款新车首次亮相，观众排队试驾。'],
      ['bj2', '北京国际电影节闭幕', '2031-05-05', '十部影片获得奖项，最佳影片由一部青年导演的作品摘得。'],
      ['bj3', '北京国际马拉松鸣枪开跑', '2031-05-09', '三万名跑者从广场出发，沿长安街向西奔跑。'],
    ]
    const { stories: found } = detectStories([...analysed, ...events.map(make)], background, { minArticles: 3 })
    expect(found.find((s) => s.articleIds.includes('bj1'))).toBeUndefined()
  })

  it('leaves alone reports that only use the two words apart', () => {
    const apart = reports.map(([id, title, date, text]) => make([id!, title!.replace('科技城市', '科技与城市'), date!, text!]))
    const { stories: found } = detectStories([...analysed, ...apart], background, { minArticles: 3 })
    expect(found.find((s) => s.articleIds.includes('kc1'))).toBeUndefined()
  })
})

describe('a side story of a state visit', () => {
  const background = documentFrequencies(Array.from({ length: 2000 }, (_, i) => new Set([`词${i}`, '发展', '工作'])))
  const visit = [
    ['v1', '林思远将对北岭国进行国事访问', '2031-05-01', '外交部发言人宣布，应北岭国总统邀请，林思远将于5月5日至7日对北岭国进行国事访问。'],
    ['v2', '北岭国各界热切期待林思远访问', '2031-05-03', '北岭国各界人士表示，期待林思远此次访问推动两国在能源、航天等领域的合作。'],
    ['v3', '林思远抵达北岭国开始国事访问', '2031-05-05', '林思远乘专机抵达北岭国首都，开始对北岭国的国事访问，北岭国总统到机场迎接。'],
    ['v4', '林思远同北岭国总统举行会谈', '2031-05-06', '林思远同北岭国总统举行会谈，双方同意把两国关系提升为全面战略伙伴关系。'],
  ]
  const films = [
    ['f1', '星河影像周北岭国展映开幕', '2031-05-03', '星河影像周在北岭国首都开幕，十部国产纪录片和动画片将在北岭国五座城市巡回放映。'],
    ['f2', '星河影像周北岭国站放映科幻电影', '2031-05-05', '星河影像周北岭国站今天放映三部国产科幻电影，北岭国观众排起长队购票观影。'],
    ['f3', '星河影像周东川国站启动', '2031-04-28', '星河影像周东川国站在东川国首都启动，展映纪录片和动画片，吸引大批观众观影。'],
  ]
  const make = ([id, title, date, text]: string[]) => analyzeArticle(invented({ id: id!, title: title!, date: date!, paragraphs: [text!] }))

  it('puts the screenings in the visited country, in the week of the visit, under the visit', () => {
    const { stories: found } = detectStories([...analysed, ...visit.map(make), ...films.map(make)], background, { minArticles: 3 })
    const story = found.find((s) => s.articleIds.includes('v1'))
    expect(story?.articleIds).toEqual(expect.arrayContaining(['v1', 'v2', 'v3', 'v4', 'f1', 'f2']))
    expect(found.filter((s) => s.articleIds.some((id) => id.startsWith('f')))).toHaveLength(1)
  })
})

describe('the corpus background', () => {
  it('is the same whichever order the corpus was loaded in, so a restart gives the same digest', () => {
    const corpus = inventedWindow()
    const reversed = [...corpus].reverse()
    // A sample smaller than the corpus, as on a real feed: which articles it takes must not depend on order.
    const max = Math.max(2, Math.floor(corpus.length / 3))
    const a = corpusBackground(corpus, max)
    const b = corpusBackground(reversed, max)
    expect(b.docs).toBe(a.docs)
    expect([...b.df].sort()).toEqual([...a.df].sort())
  })
})
