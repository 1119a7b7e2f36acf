import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/corpus/read-article.js'
import { fold } from '../../src/text/script.js'
import { findTerms, numberedNames, parseQuery, tokensWithPositions } from '../../src/search/tokenize.js'
import { wordCoverage } from '../../src/search/coverage.js'

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds')
const seedTexts = readdirSync(seedsDir)
  .sort()
  .map((file) => {
    const r = readArticle({ id: file, file, bytes: readFileSync(join(seedsDir, file)) })
    if (!r.ok) throw new Error(r.reason)
    return fold(r.article.text)
  })

const key = (t: { term: string; start: number; end: number }) => `${t.start}:${t.end}:${t.term}`

describe('findTerms', () => {
  it('finds exactly the tokens the tokenizer makes, for every kind of term in the seeds', () => {
    let seed = 3
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (const text of seedTexts) {
      const all = tokensWithPositions(text)
      const vocabulary = [...new Set(all.map((t) => t.term))]
      // Several random query-sized term sets, plus terms that occur only inside longer tokens.
      for (let round = 0; round < 20; round++) {
        const terms = new Set<string>()
        for (let i = 0; i < 12; i++) terms.add(vocabulary[Math.floor(rand() * vocabulary.length)]!)
        terms.add('0').add('1').add('年').add('科').add('2.0')
        const expected = all
          .filter((t) => terms.has(t.term))
          .map(key)
          .sort()
        expect(findTerms(text, terms).map(key).sort()).toEqual(expected)
      }
    }
  })

  it('finds a one-character term inside a longer run (铜 in 中国铜业), but not a number inside a longer number', () => {
    const text = fold('科技创新，科。2024年投入12024元，增长2.06%')
    expect(findTerms(text, new Set(['科'])).map((t) => t.start)).toEqual([0, 5])
    expect(findTerms(text, new Set(['2024'])).map((t) => t.start)).toEqual([7])
    expect(findTerms(text, new Set(['2.06%', '06'])).map((t) => t.term)).toEqual(['2.06%', '06'])
  })
})

describe('parseQuery', () => {
  it('searches the words pasted inside markup, not the tags', () => {
    expect(parseQuery('<b>中国铜业</b>').segments).toEqual(['中国铜业'])
    expect(parseQuery('<a href="x">铜</a> 1<2').folded).toBe(' 铜  1<2')
  })

  it('leaves out the 一 and classifier after 哪: they ask, the noun after them is the subject', () => {
    const q = parseQuery('玄奘是哪一個朝代的人?')
    expect(q.segments).toEqual(['玄奘', '朝代'])
    expect(q.terms).not.toContain('一个')
    expect(q.terms).not.toContain('个朝') // which would match 整個朝鮮
  })

  it('leaves out 这次, 那位, 那边: pronouns pointing at what the rest of the question names', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('神舟十七号乘组这次在天上飞了多少天？')).not.toContain('这次')
    expect(words('伊朗官员说会站真主党那边，这人是谁？')).not.toContain('那边')
    expect(words('那座桥塌了的那天晚上，那位第一书记叫啥？')).toEqual(expect.arrayContaining(['第一书记']))
    expect(words('那座桥塌了的那天晚上，那位第一书记叫啥？')).not.toContain('那位')
  })

  it('leaves out 名字 after 什么, which asks for a name the answer gives without the word', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('那位飞行员叫什么名字？')).not.toContain('名字')
    expect(words('青禾这个名字的由来')).toContain('名字')
  })

  it('leaves out 何年, 何种… and 时候, which ask when or what kind', () => {
    expect(parseQuery('蘇聯於何年解體?').segments).toEqual(['苏联', '解体'])
    expect(parseQuery('狄托於西元幾年的時候過世?').terms).not.toContain('时候')
    expect(parseQuery('什么时候召开会议').segments).toEqual(['召开会议'])
  })

  it('leaves out what a chatty reader says of their memory (我记得, 印象中, 好像) and 一共, which reports write otherwise (共)', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('我记得青禾大桥好像一共花了多少钱')).toEqual(['青禾', '大桥', '花'])
    expect(words('我印象中青禾大桥是5月通车的')).not.toContain('印象')
  })

  it('leaves out 几世纪, 多大 and 有何, which ask when, how large and what', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(parseQuery('佛教大約於幾世紀時傳入日本?').terms).not.toContain('世纪')
    expect(words('佛教大約於幾世紀時傳入日本?')).toEqual(['佛教', '大约', '传入', '日本'])
    expect(words('鶴慶縣的面積有多大?')).toEqual(['鹤庆县', '面积'])
    expect(words('人的心臟在其胚胎多大時即開始運作?')).toEqual(['心脏', '胚胎', '开始', '运作'])
    expect(parseQuery('東晉的法顯有何創舉?').segments).toEqual(['东晋', '法显', '创举'])
  })

  it('takes the 有 off a word jieba made up of a name and the verb after it (东关街有, 邦威有)', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('美特斯邦威有哪些旗下品牌？')).toEqual(['美特斯', '邦威', '旗下', '品牌'])
    expect(words('東關街有多長？')).not.toContain('街有')
    // The article about 东关街 now holds all the question names, not half of it.
    const text = fold('東關街全長1122米，是揚州最完整的歷史街區。')
    expect(wordCoverage(parseQuery('東關街有多長？').words, text)).toBe(1)
  })

  it('keeps 何 inside an ordinary word such as 任何', () => {
    expect(parseQuery('任何人都可以申请吗').segments).toContain('任何人')
  })

  it('keeps whole a word jieba does not know, though its characters are also question words (碳中和: 中, 和)', () => {
    expect(parseQuery('碳中和').segments).toEqual(['碳中和'])
    expect(parseQuery('实现碳达峰碳中和的路径').segments).toEqual(['实现碳达峰碳中和', '路径'])
    // 对 makes no word with 湖人: it is the preposition, and goes.
    expect(parseQuery('湖人对勇士').segments).toEqual(['湖人', '勇士'])
  })

  it('keeps a one-character keyword, and a one-character name of a thing between question words', () => {
    expect(parseQuery('铜').terms).toEqual(['铜'])
    expect(parseQuery('煤 价格').segments).toEqual(['煤', '价格'])
    expect(parseQuery('銅和鋁的價格是多少').segments).toEqual(['铜', '铝', '价格'])
    expect(parseQuery('玄奘是哪一個朝代的人?').segments).not.toContain('人')
  })

  it('reads spoken 啥 and 咋 as 什么 and 怎么, which ask the same', () => {
    expect(parseQuery('嫦娥七号啥时候发射').folded).toBe('嫦娥七号什么时候发射')
    expect(parseQuery('手机没信号咋办').folded).toBe('手机没信号怎么办')
    expect(parseQuery('李明最后给了啥处分').words.map((w) => w.text)).toContain('处分')
  })

  it('keeps a currency jieba cuts off its name as one word (比特 + 币: 比特币)', () => {
    expect(parseQuery('比特幣什麼時候突破10萬美元？').words.map((w) => w.text)).toContain('比特币')
  })

  it('reads a month in digits before a lone character as the month (10月去浙江: 10月, not 月去)', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('王明10月去浙江调研')).toEqual(expect.arrayContaining(['10月', '浙江', '调研']))
    expect(words('王明10月去浙江调研')).not.toContain('月去')
  })

  it("keeps a deputy's post whole (副主席, 副总理), which jieba cuts as 副 / 主席", () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('哪位军委副主席讲话')).toContain('副主席')
    expect(words('哪位军委副主席讲话')).not.toContain('主席')
    expect(words('国务院副总理出席了什么活动')).toContain('副总理')
  })

  it('takes a keyword typed alone that jieba cuts into single characters as one word (绿能瀛)', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('绿能瀛 装载量')).toEqual(['绿能瀛', '装载量'])
    // Inside a sentence the same characters are left to the segmenter.
    expect(words('绿能瀛号的装载量是多少')).not.toContain('绿能瀛')
  })

  it('takes a one-character noun as a word of a longer question (猫 of 家里的猫)', () => {
    expect(parseQuery('家裡的貓一直不吃飯怎麼辦').words.map((w) => w.text)).toContain('猫')
  })

  it('names the words that carry a question, without the words that ask', () => {
    const words = (q: string) => parseQuery(q).words.map((w) => w.text)
    expect(words('中國銅業的會議在哪裡召開？')).toEqual(['中国', '铜业', '会议', '召开'])
    expect(words('嫦娥六号是几点着陆月球背面的？')).toEqual(['嫦娥', '六号', '着陆', '月球', '背面'])
    // A number keeps its unit; a word jieba cut short is whole again.
    expect(words('2024年研发投入')).toEqual(['2024年', '研发', '投入'])
    expect(words('碳达峰碳中和')).toEqual(['碳达峰', '碳中和'])
    // 器 makes a noun of 返回: the capsule, not the act of returning.
    expect(words('返回器降落在哪里')).toContain('返回器')
  })

  it('rates a word by how specific it is in general Chinese', () => {
    const specificity = new Map(parseQuery('中国铜业的会议').words.map((w) => [w.text, w.specificity]))
    expect(specificity.get('铜业')).toBeGreaterThan(specificity.get('会议')!)
    expect(specificity.get('会议')).toBeGreaterThan(specificity.get('中国')!)
  })

  it('leaves a question without such words as it is', () => {
    expect(parseQuery('平頂山全社會研發投入強度是多少？').segments).toEqual(['平顶山全社会研发投入强度'])
  })
})

describe('the words of a query', () => {
  it('read a month asked as a period (8月份) as the month 8月, not as any 8 of a text', () => {
    expect(parseQuery('8月份物流业景气指数是多少').words.map((w) => w.text)).toContain('8月')
    expect(parseQuery('8月份物流业景气指数是多少').words.map((w) => w.text)).not.toContain('8')
  })

  it('read a day before a word jieba joined to it (15日称) as the day 15日', () => {
    const words = parseQuery('俄国防部11月15日称打击了哪类设施').words.map((w) => w.text)
    expect(words).toContain('15日')
    expect(words).not.toContain('日称')
  })

  it('take a classifier or a measure jieba joins to the next word back to the question word (多少个展园, 多大面积)', () => {
    const exhibits = parseQuery('青禾园博会主会场规划了多少个展园？').words.map((w) => w.text)
    expect(exhibits).toContain('展园')
    expect(exhibits).not.toContain('个展')
    const fire = parseQuery('星河那场林火烧了多大面积？').words.map((w) => w.text)
    expect(fire).toContain('面积')
    expect(fire).not.toContain('大面积')
  })

  it('name a numbered craft as one thing (神舟二十号), not as 神舟 and a number', () => {
    expect(numberedNames(parseQuery('神舟二十号什么时候发射？'))).toEqual(['神舟二十号'])
    expect(numberedNames(parseQuery('嫦娥六號是幾點著陸的'))).toEqual(['嫦娥六号'])
    expect(numberedNames(parseQuery('二十届三中全会在哪里召开'))).toEqual([])
    // (A variant or a flight after it is another craft: 长征八号甲, 力箭一号遥六.)
    expect(numberedNames(parseQuery('星征八号甲首飞是哪一天'))).toEqual(['星征八号甲'])
    expect(numberedNames(parseQuery('青箭一号遥六 发射时间'))).toEqual(['青箭一号遥六'])
  })

  it('name a numbered flood, typhoon or line as one thing (4号洪水), not a day (5月4号)', () => {
    expect(numberedNames(parseQuery('青江2024年第4号洪水的洪峰流量是多少？'))).toEqual(['4号洪水'])
    expect(numberedNames(parseQuery('今年第3号台风在哪里登陆'))).toEqual(['3号台风'])
    expect(numberedNames(parseQuery('5月4号发布会在哪里举行'))).toEqual([])
    expect(numberedNames(parseQuery('木卫1号公转一周要多久'))).toEqual([])
    expect(numberedNames(parseQuery('青禾地铁30号线开通了没有'))).toEqual(['30号线'])
    expect(numberedNames(parseQuery('以军说28号空袭打死的是谁'))).toEqual([])
    expect(numberedNames(parseQuery('青禾那场山火，烧到16号过火面积多大了'))).toEqual([])
  })

  it('name one satellite or batch of a series in two digits (03星, 04组), not a count (一箭12星)', () => {
    expect(numberedNames(parseQuery('星遥四十二号03星是哪天发射的'))).toContain('03星')
    expect(numberedNames(parseQuery('青帆极轨04组卫星啥时候发射的'))).toContain('04组')
    expect(numberedNames(parseQuery('一箭12星是哪天发射的'))).toEqual([])
  })
})
