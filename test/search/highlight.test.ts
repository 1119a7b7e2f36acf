import { describe, expect, it } from 'vitest'
import { highlightSpans, MAX_HIGHLIGHTS } from '../../src/search/highlight.js'
import { parseQuery } from '../../src/search/tokenize.js'
import { fold } from '../../src/text/script.js'

/** The marked pieces of `text` for a query, in the text's own script. */
const marked = (text: string, query: string) => highlightSpans(fold(text), parseQuery(query)).map((s) => text.slice(s.start, s.end))

describe('highlights', () => {
  it('widen a word to the query phrase around it when the text holds the phrase', () => {
    // 铜业 carries the question; 中国 before it is part of the same phrase.
    expect(marked('中国铜业召开会议，总部设在北京。', '中国铜业的会议在哪里召开？')).toEqual(['中国铜业'])
  })

  it('mark the most specific words of a question the text holds, not every word of it', () => {
    expect(marked('中国铜业在昆明召开会议。', '中国铜业的会议在哪里召开？')).toEqual(['中国铜业'])
    // Without the name, the most specific word left shows why the text matched.
    expect(marked('会议在昆明召开。', '中国铜业的会议在哪里召开？')).toEqual(['会议'])
  })

  it('mark a number only where the whole number stands, with its unit', () => {
    expect(marked('2023年增长，2024年再增长，12024份', '2024年')).toEqual(['2024年'])
    expect(marked('总局“1158”发展战略', '1158发展战略')).toEqual(['1158'])
  })

  it('mark a one-character query inside longer words', () => {
    expect(marked('中國銅業', '铜')).toEqual(['銅'])
  })

  it('mark a few spans, not every repeat of a word', () => {
    const text = '中国铜业网讯，中国铜业召开会议，中国铜业党委书记讲话，中国铜业总经理主持。'
    expect(marked(text, '中国铜业')).toHaveLength(MAX_HIGHLIGHTS)
  })
})
