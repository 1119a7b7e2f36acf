import { askedKind, kindTester } from './answer-kind.js'

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

/** A question asking for a time of day. */
const ASKS_CLOCK = /几点|几时几分|什么时刻|哪个时刻|几时(?![候期])/

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
