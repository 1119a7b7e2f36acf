import type { QueryWord } from './tokenize.js'

/**
 * How much of what a query names an article holds: its words (not bigrams),
 * each weighted by how specific it is in general Chinese (`QueryWord.weight`). An article that
 * shares one common word or one bigram with a question (勇士 of 湖人对勇士,
 * 集团 of 中铝集团) covers little of it.
 */

const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)

/**
 * Where `word` occurs in `folded` as a whole: a word that starts or ends with
 * a letter or digit is not matched inside a longer number or code (2024 in 12024).
 * @example wordOccurrences('2024年投入12024元', '2024') // [0]
 */
export function wordOccurrences(folded: string, word: string, limit = Infinity): number[] {
  const out: number[] = []
  if (word === '') return out
  const alnumStart = isAlnum(word.charCodeAt(0))
  const alnumEnd = isAlnum(word.charCodeAt(word.length - 1))
  for (let at = folded.indexOf(word); at >= 0 && out.length < limit; at = folded.indexOf(word, at + 1)) {
    if (alnumStart && at > 0 && isAlnum(folded.charCodeAt(at - 1))) continue
    if (alnumEnd && isAlnum(folded.charCodeAt(at + word.length))) continue
    out.push(at)
  }
  return out
}

/** Whether `word` occurs in `folded` as a whole. */
export const holdsWord = (folded: string, word: string): boolean => wordOccurrences(folded, word, 1).length > 0

/**
 * The share of the query's word weight found in an article (its folded text
 * or title), 0..1; 1 for a query without words. With `power` above 1 each word
 * counts by its weight to that power, so the share leans towards the query's
 * most specific words (铜业 of 中国铜业的会议, more than 中国, 会议, 召开).
 * @example wordCoverage(parseQuery('中铝集团 昆明').words, fold('中铝集团在昆明召开会议')) === 1
 */
export function wordCoverage(words: readonly QueryWord[], folded: string, title = '', power = 1): number {
  let total = 0
  let found = 0
  for (const w of words) {
    const weight = w.weight ** power
    total += weight
    if (holdsWord(folded, w.text) || holdsWord(title, w.text)) found += weight
  }
  return total > 0 ? found / total : 1
}
