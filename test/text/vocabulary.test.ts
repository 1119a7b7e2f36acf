import { describe, expect, it } from 'vitest'
import { fold } from '../../src/text/script.js'
import { vocabularyVariants } from '../../src/text/vocabulary.js'

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
