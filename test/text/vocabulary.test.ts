import { describe, expect, it } from 'vitest'
import { fold } from '../../src/text/script.js'
import { getLexicon } from '../../src/text/lexicon.js'
import { mainlandWords, vocabularyVariants, writtenOut } from '../../src/text/vocabulary.js'

const variants = (q: string) => vocabularyVariants(fold(q)).map((v) => [v.text, v.scope])

describe('vocabularyVariants', () => {
  it('writes Taiwan words the mainland way, for every article', () => {
    expect(variants('人工智慧晶片')).toEqual([['人工智能芯片', 'all']])
    expect(variants('執行長')).toEqual([['首席执行官', 'all']])
  })

  it('writes mainland words the Taiwan way, for Traditional articles only', () => {
    expect(variants('软件')).toEqual([['软体', 'hant']])
    expect(variants('网络安全')).toEqual([['网路安全', 'hant']])
  })

  it('leaves alone a Taiwan form that is everyday mainland Chinese with its own meaning (资料, materials)', () => {
    expect(variants('资料')).toEqual([])
  })

  it('bridges a brand written in Chinese and in Latin letters, as a whole word', () => {
    expect(variants('谷歌')).toEqual([[' google ', 'all']])
    expect(variants('Google地图')).toEqual([['谷歌地图', 'all']])
    expect(variants('googles')).toEqual([])
  })

  it('gives nothing for a query without such words', () => {
    expect(variants('中国铜业科技工作会议')).toEqual([])
  })
})

describe('mainlandWords', () => {
  const lex = getLexicon()
  const words = (text: string) => mainlandWords(lex.cut(fold(text)))

  it('puts the mainland word where jieba cut a Taiwan word into parts (智慧 財產權)', () => {
    expect(words('加強智慧財產權保護')).toEqual(['加强', '知识产权', '保护'])
  })

  it('leaves mainland words, everyday words of both sides and brand names as they are', () => {
    expect(words('加强知识产权保护')).toEqual(lex.cut('加强知识产权保护'))
    expect(words('查阅资料')).toEqual(lex.cut('查阅资料'))
    expect(words('谷歌发布')).toEqual(lex.cut('谷歌发布'))
  })
})

describe('writtenOut', () => {
  it('writes out a unit typed in letters after a number, and an abbreviation news spells out', () => {
    expect(writtenOut('18mw')).toBe('18兆瓦')
    expect(writtenOut('2.5gw')).toBe('2.5吉瓦')
    expect(writtenOut('中科院')).toBe('中国科学院')
    expect(writtenOut('mw')).toBeUndefined()
  })
})
