import { segmenter } from '../text/segmenter.js'

/**
 * What kind of answer a question asks for, and whether a piece of text holds
 * one: a question asking 哪一年 is answered by a sentence with a year in it,
 * not by the sentence that repeats the question's words after 同年.
 */

/** The kinds of answer told apart. */
export type AnswerKind = 'time' | 'number' | 'person' | 'place'

/** Question words (folded) that ask for each kind, tried in this order. */
const ASKS: ReadonlyArray<[AnswerKind, RegExp]> = [
  ['time', /哪一?年|何年|几年(?!级)|什么时候|什么时间|何时|几时|哪一?天|几月|几号|几日|何日|哪个月|几点|哪个朝代|哪一?个?年代|哪个世纪/],
  ['person', /谁|何人|哪[一几]?位|什么人|哪[一些]?个?人/],
  ['place', /哪里|哪儿|何处|何地|在哪|哪[一些]?[个座]?(?:国家|城市|省|地区|地方|县|市|国)|什么地方/],
  ['number', /多少|第几|几|多大|多高|多长|多远|多重|多久|多深|多宽|多快|多厚|比例|百分之/],
]

/**
 * The kind of answer a folded question asks for, if it says.
 * @example askedKind('嫦娥六号是几点着陆月球背面的?') === 'time'
 */
export function askedKind(foldedQuestion: string): AnswerKind | undefined {
  for (const [kind, pattern] of ASKS) if (pattern.test(foldedQuestion)) return kind
  // Keywords ending in 主持人 typed apart (第四次对口支援西藏工作会议 主持人) ask who chaired.
  if (CHAIR_ASKED.test(foldedQuestion)) return 'person'
  return undefined
}

/** A keyword query ending in 主持人, typed apart: who chaired what the keywords before name. */
export const CHAIR_ASKED = /\s主持人$/

const NUMERAL = '〇零一二三四五六七八九十百千万亿两'
const TIME = new RegExp(`\\d{1,4} ?年|\\d{1,2} ?月|\\d{1,2} ?[日号]|[${NUMERAL}]{2,}年|世纪|年代|\\d{1,2}[时:：]\\d{1,2}|\\d{1,2}时`, 'g')
const NUMBER = new RegExp(`\\d+(?:\\.\\d+)?|[${NUMERAL}]+[个名位次倍件种项座人家所条只头米吨元岁度]|百分之`, 'g')
const PERSON_TAGS: ReadonlySet<string> = new Set(['nr', 'nrt', 'nrfg'])
const PLACE_TAGS: ReadonlySet<string> = new Set(['ns'])
/** Words naming a venue: 总统府, 大会堂, 国宾馆, 体育馆 (not 中心: 航天飞行控制中心 watches a landing elsewhere). */
const VENUE = /(?:府|宫|厅|馆|堂|广场|机场|大厦|酒店)$/

/**
 * Whether folded text holds an answer of the kind: a time, number, person or
 * place the question itself does not name; for a count asked in a unit (几天,
 * 多少年, 几名: `askedUnit`) a number in that unit (为期8天, not 5月1日).
 * `namedByPost` counts a name jieba does not know as a person when the post it
 * holds comes before it (主席郝明金), or what the person does (管理员卜雪斌): right for choosing a sentence within an
 * article, too common in news to tell articles apart (it put two reports naming
 * officials by post before the ones naming the person asked for, on news
 * questions written blind).
 * @example holdsKind('time', '1934年夏，蒋中正亲驻南昌', '蒋中正于哪一年调兵') === true
 */
export function holdsKind(kind: AnswerKind, folded: string, foldedQuestion: string, namedByPost = false): boolean {
  return kindTester(kind, foldedQuestion, namedByPost)(folded)
}

/**
 * `holdsKind` for one question, what it asks derived once: the test a caller
 * runs on sentence after sentence.
 */
export function kindTester(kind: AnswerKind, foldedQuestion: string, namedByPost = false): (folded: string) => boolean {
  const unit = kind === 'number' ? askedUnit(foldedQuestion) : undefined
  if (unit !== undefined) {
    return (folded) => {
      for (const m of folded.matchAll(COUNTED)) {
        if (!m[2]!.startsWith(unit) && !(PEOPLE.has(unit) && PEOPLE.has(m[2]!))) continue
        // A year is not a count of years (2024年 for 多少年); 一位 is an article, not a count (一位赛车手).
        if ((unit === '年' && /^\d{4}$/.test(m[1]!)) || m[1] === '一') continue
        if (!foldedQuestion.includes(m[0])) return true
      }
      return false
    }
  }
  if (kind === 'time' || kind === 'number') {
    const pattern = kind === 'time' ? TIME : NUMBER
    return (folded) => {
      for (const m of folded.matchAll(pattern)) if (!foldedQuestion.includes(m[0])) return true
      return false
    }
  }
  const tags = kind === 'person' ? PERSON_TAGS : PLACE_TAGS
  return (folded) => {
    let before = ''
    let beforeTag = ''
    for (const { word, tag } of segmenter().tag(folded, true)) {
      if (tags.has(tag) && word.length > 1 && !foldedQuestion.includes(word)) return true
      // A venue is a place too (总统府, 人民大会堂, 国宾馆), whatever jieba tags it.
      if (kind === 'place' && VENUE.test(word) && word.length > 2 && !foldedQuestion.includes(word)) return true
      // A name jieba does not know, after the post it holds (主席郝明金/x).
      if (
        namedByPost &&
        kind === 'person' &&
        unknownName(word, tag, foldedQuestion) &&
        (POST.test(before) || (beforeTag === 'n' && ROLE.test(before)))
      )
        return true
      // A name jieba does not know, before what a person does (石泰峰/x 主持会议): a surname opens it.
      if (
        namedByPost &&
        kind === 'person' &&
        unknownName(before, beforeTag, foldedQuestion) &&
        PERSON_ACT.test(word) &&
        before.length <= 3 &&
        SURNAMES.includes(before[0]!)
      )
        return true
      before = word
      beforeTag = tag
    }
    // A transcribed foreign name (威廉·琼斯) is a person; so is a name opening a clause with what its bearer attended
    // (武维华参加会见: jieba cuts 武 / 维华), when names are read by what a person does.
    return (
      kind === 'person' &&
      (/\p{Script=Han}[·•]\p{Script=Han}/u.test(folded) ||
        (namedByPost && NAME_ATTENDING.test(folded) && !attendeeAsked(folded, foldedQuestion)))
    )
  }
}

/** Whether a word could be a Chinese name the question does not hold: two to four Han characters. */
function nameLike(word: string, foldedQuestion: string): boolean {
  return /^\p{Script=Han}{2,4}$/u.test(word) && !foldedQuestion.includes(word)
}

/** Whether a word jieba does not know (x) could be a name: where the words beside it say so (主席郝明金, 石泰峰主持会议). */
function unknownName(word: string, tag: string, foldedQuestion: string): boolean {
  return tag === 'x' && nameLike(word, foldedQuestion)
}

/** A question asking several places: 去了哪些城市, 哪些国家, 哪几个省. */
const ASKS_PLACES = /哪(?:些|几个)(?:国家|城市|省份?|地区|地方|县|市|国)/

/**
 * For a question asking several places (`ASKS_PLACES`), a test of folded text for a list of
 * them: a place the question does not name beside an enumeration comma (先后来到邯郸、邢台、石家庄等地;
 * jieba tags some of a list's cities otherwise: 廊坊/ns、承德/nr).
 * @example placesTest('赵乐际在河北调研去了哪些城市')?.('先后来到邯郸、邢台、石家庄等地') === true
 */
export function placesTest(foldedQuestion: string): ((folded: string) => boolean) | undefined {
  if (!ASKS_PLACES.test(foldedQuestion)) return undefined
  const place = (w: { word: string; tag: string } | undefined) =>
    w !== undefined && PLACE_TAGS.has(w.tag) && w.word.length > 1 && !foldedQuestion.includes(w.word)
  return (folded) => {
    const words = segmenter().tag(folded, true)
    return words.some((w, i) => w.word === '、' && (place(words[i - 1]) || place(words[i + 1])))
  }
}

/**
 * For a question asking who holds a post (无党派人士代表是谁, 文旅局局长是谁: `posts`, the words whose
 * value it asks), a test of folded text for that post and a name right after it (无党派人士代表李稻葵),
 * which news writes so; undefined when the question asks no person or no post.
 * @example postHolderTest('无党派人士代表是谁', ['代表'])?.('无党派人士代表李稻葵先后发言') === true
 */
export function postHolderTest(foldedQuestion: string, posts: readonly string[]): ((folded: string) => boolean) | undefined {
  if (posts.length === 0 || askedKind(foldedQuestion) !== 'person') return undefined
  return (folded) => {
    if (!posts.some((p) => folded.includes(p))) return false
    const words = segmenter().tag(folded, true)
    return words.some(
      (w, i) =>
        i > 0 &&
        posts.some((p) => words[i - 1]!.word.endsWith(p)) &&
        (w.tag === 'x' || PERSON_TAGS.has(w.tag)) &&
        nameLike(w.word, foldedQuestion),
    )
  }
}

/** A post a person holds, written before the name in news (主席, 总理, 副省长, 董事长, 大使, 行长). */
const POST =
  /(?:主席|总理|总统|首相|书记|部长|省长|市长|县长|区长|州长|局长|厅长|院长|校长|社长|主任|董事长|总经理|经理|委员|大使|国王|女王|教授|院士|记者|司令员|政委|秘书长|议长|代表|发言人|主持人|专家|负责人|行长|会长|理事长|司长|署长|馆长|所长|总裁)$/

/** What a person does, written after the name in news (石泰峰主持会议, 王小明表示). */
const PERSON_ACT = /^(?:主持|出席|参加|会见|会晤|会谈|表示|强调|指出|讲话|致辞|宣布|介绍|陪同|发表|签署|宣读|作报告)/

/**
 * Common single-character Chinese surnames (written here, not a complete list; folded text is
 * Simplified): an unknown word opening with one, before what a person does, is a name; 美媒表示 is not.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'

/** A name (a surname and one or two characters) opening a clause, then what its bearer attended: 武维华参加会见. */
const NAME_ATTENDING = new RegExp(`(?:^|[，,。；;：:、])([${SURNAMES}]\\p{Script=Han}{1,2})(?:参加|出席|陪同)`, 'u')

/** Whether the name `NAME_ATTENDING` finds is one the question holds (赵乐际 of 赵乐际…还有哪位领导参加). */
function attendeeAsked(folded: string, foldedQuestion: string): boolean {
  const name = NAME_ATTENDING.exec(folded)?.[1]
  return name !== undefined && foldedQuestion.includes(name)
}

/** A noun naming what a person does (管理员, 潜水员, 设计师, 选手, 指挥官), which news also writes before the name. */
const ROLE = /\p{Script=Han}(?:员|师|手|官)$/u

/** Units a count is asked in (几天, 多少人次, 几名): what follows the number that answers. */
const UNITS =
  '周年|人次|公里|千米|平方公里|平方米|万吨|吨|天|年|名|人|位|次|列|米|项|场|支|款|家|所|座|架|艘|颗|件|台|辆|倍|岁|届|条|只|批|期|亩|公顷|票|枚|部|本|篇'
const ASKED_UNIT = new RegExp(`(?:几|多少)(${UNITS})`)
/** A number and the unit after it (8天, 50多年, 1.3亿人次, 一百三十二人). */
const COUNTED = new RegExp(`(\\d+(?:\\.\\d+)?|[${NUMERAL}]+)[多余万亿千百十]*(${UNITS})`, 'g')

/** Units that count people, each answering for the others (几名: 132人). */
const PEOPLE: ReadonlySet<string> = new Set(['人', '名', '位'])

/** The unit a question asks a count in, if it names one: 天 of 用了几天. */
export function askedUnit(foldedQuestion: string): string | undefined {
  return ASKED_UNIT.exec(foldedQuestion)?.[1]
}

/** Question words asking for a year, not any time: 哪一年, 何年. */
export const ASKS_YEAR = /哪一?年|何年/

/** The years a folded question names (2019年, 2025世界机器人大会; not the decade 1950年代): `YEAR_NAMED`. */
export function yearsAsked(folded: string): number[] {
  return [
    ...[...folded.matchAll(YEAR_NAMED)].map((m) => Number(m[1])),
    // (Or a year of the sixty-year cycle, 乙巳年: 2025, the one of 1984–2043.)
    ...[...folded.matchAll(CYCLE_YEAR)].map((m) => cycleYear(m[1]!)),
  ]
}

const STEMS = '甲乙丙丁戊己庚辛壬癸'
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥'
/** A year of the sixty-year cycle in a folded question: 甲辰年, 乙巳年. */
const CYCLE_YEAR = new RegExp(`([${STEMS}][${BRANCHES}])年`, 'g')

/** The year of 1984 (甲子) to 2043 a name of the sixty-year cycle stands for: 甲辰 2024, 乙巳 2025. */
function cycleYear(name: string): number {
  const stem = STEMS.indexOf(name[0]!)
  const branch = BRANCHES.indexOf(name[1]!)
  for (let k = 0; k < 60; k++) if (k % 10 === stem && k % 12 === branch) return 1984 + k
  return 0
}

/** The name of a year in the sixty-year cycle: 甲辰 for 2024. */
export function cycleName(year: number): string {
  const k = (((year - 1984) % 60) + 60) % 60
  return STEMS[k % 10]! + BRANCHES[k % 12]!
}
/**
 * A year a question names: 2019年 (not 年代), or a year written before a name without 年 (2025世界机器人大会, 2026届), not a
 * count (2000万, 1500人).
 */
const YEAR_NAMED = /(?<![\d.])((?:1[5-9]|20)\d\d)(?:年(?!代)|(?=\p{Script=Han})(?![万亿千百元个次人名位家项件台辆架艘吨米多余年月日号]))/gu
const YEAR = new RegExp(`\\d{1,4} ?年|[${NUMERAL}]{2,}年`, 'g')

/**
 * Whether folded text answers a question asking for a year (哪一年, 何年) with
 * one the question does not name: a date without its year (9月3日) does not;
 * undefined when the question does not ask for a year.
 * @example holdsYear('9月3日，九三炮战爆发', '九三炮战于何年爆发') === false
 */
export function holdsYear(folded: string, foldedQuestion: string): boolean | undefined {
  if (!ASKS_YEAR.test(foldedQuestion)) return undefined
  for (const m of folded.matchAll(YEAR)) if (!foldedQuestion.includes(m[0])) return true
  return false
}

/** jieba tags of a noun that can name a kind of thing (战役, 县, 奖项, 机构). */
const THING_TAGS: ReadonlySet<string> = new Set(['n', 'ng', 'nz', 'nt', 'ns', 'j', 'vn'])

/**
 * 哪 and the classifier after it (哪一个, 哪场, 哪所…), or 什么: the noun that
 * follows names the kind of thing asked for (哪场战役, 什么奖).
 */
/** Classifiers after 哪, 多少 or 几 that say what kind of thing is asked (哪座城市, 几个省市). */
export const WHICH_CLASSIFIERS = '个座位部场条种家所间只项本首支届门件台艘名类'
const WHICH = new RegExp(`哪[一几些]?[${WHICH_CLASSIFIERS}]?`)

/**
 * The noun a 哪… or 什么… question asks for (哪场战役 → 战役, 哪一个县 → 县,
 * 什么奖项 → 奖项), if one follows; for a question askedKind gives no kind.
 * @example askedThing('北方最惨烈的是哪场战役？') === '战役'
 */
export function askedThing(foldedQuestion: string): string | undefined {
  if (askedKind(foldedQuestion) !== undefined) return undefined
  for (const re of [WHICH, /什么/]) {
    const m = re.exec(foldedQuestion)
    if (!m) continue
    const rest = foldedQuestion.slice(m.index + m[0].length)
    const first = segmenter().tag(rest, true)[0]
    if (!first || !/^\p{Script=Han}{1,3}$/u.test(first.word)) continue
    // One character after a classifier is a noun (哪一个县) whatever jieba tags it.
    if (THING_TAGS.has(first.tag) || (first.word.length === 1 && m[0].length > 1 && !/[的是了呢吗么]/.test(first.word))) return first.word
  }
  return undefined
}

/**
 * Whether folded text names a thing of the asked kind the question does not:
 * the noun, or its last or first character, ending a longer name the question
 * lacks (红河战役, 台东县, 李景隆大军 for 军队).
 * @example holdsThing('战役', '失败就是在红河战役', '最惨烈的是哪场战役') === true
 */
export function holdsThing(noun: string, folded: string, foldedQuestion: string): boolean {
  for (const head of noun.length > 1 ? [noun, noun.slice(-1), noun[0]!] : [noun]) {
    for (let at = folded.indexOf(head, 2); at >= 0; at = folded.indexOf(head, at + 1)) {
      const name = folded.slice(at - 2, at + head.length)
      if (/^\p{Script=Han}+$/u.test(name.slice(0, 2)) && !foldedQuestion.includes(name)) return true
    }
  }
  return false
}
