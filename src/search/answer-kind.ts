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
  ['time', /哪一?年|何年|几年(?!级)|什么时候|什么时间|何时|哪一?天|几月|几号|几日|何日|哪个月|几点|哪个朝代|哪一?个?年代|哪个世纪/],
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
  return undefined
}

const NUMERAL = '〇零一二三四五六七八九十百千万亿两'
const TIME = new RegExp(`\\d{1,4} ?年|\\d{1,2} ?月|\\d{1,2} ?[日号]|[${NUMERAL}]{2,}年|世纪|年代|\\d{1,2}[时:：]\\d{1,2}|\\d{1,2}时`, 'g')
const NUMBER = new RegExp(`\\d+(?:\\.\\d+)?|[${NUMERAL}]+[个名位次倍件种项座人家所条只头米吨元岁度]|百分之`, 'g')
const PERSON_TAGS: ReadonlySet<string> = new Set(['nr', 'nrt', 'nrfg'])
const PLACE_TAGS: ReadonlySet<string> = new Set(['ns'])

/**
 * Whether folded text holds an answer of the kind: a time, number, person or
 * place the question itself does not name.
 * @example holdsKind('time', '1934年夏，蒋中正亲驻南昌', '蒋中正于哪一年调兵') === true
 */
export function holdsKind(kind: AnswerKind, folded: string, foldedQuestion: string): boolean {
  if (kind === 'time' || kind === 'number') {
    for (const m of folded.matchAll(kind === 'time' ? TIME : NUMBER)) if (!foldedQuestion.includes(m[0])) return true
    return false
  }
  const tags = kind === 'person' ? PERSON_TAGS : PLACE_TAGS
  for (const { word, tag } of segmenter().tag(folded, true))
    if (tags.has(tag) && word.length > 1 && !foldedQuestion.includes(word)) return true
  // A transcribed foreign name (威廉·琼斯) is a person.
  return kind === 'person' && /\p{Script=Han}[·•]\p{Script=Han}/u.test(folded)
}
