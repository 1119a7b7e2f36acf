import { describe, expect, it } from 'vitest'
import { fold } from '../../src/text/script.js'
import { SYNONYM_GROUPS, synonymVariants } from '../../src/text/synonyms.js'

const variants = (q: string) => synonymVariants(fold(q)).map((v) => v.text)

describe('synonymVariants', () => {
  it('asks the question again in each other word of the group', () => {
    expect(variants('返回舱降落在哪里')).toEqual(['返回舱着陆在哪里'])
    expect(variants('會議在哪裡舉辦')).toEqual(['会议在哪里举行', '会议在哪里召开'])
  })

  it('replaces every such word of the question at once', () => {
    expect(synonymVariants(fold('公司成立后首次盈利')).map((v) => v.replaced)).toContainEqual(['成立', '首次'])
  })

  it('keeps the first of two words of a group a question says both, and puts it for the second', () => {
    expect(variants('原住民儿童死了多少个孩子')[0]).toBe('原住民儿童死了多少个儿童')
  })

  it('replaces whole words only, not a word inside a longer one', () => {
    expect(variants('降落伞怎么打开')).toEqual([])
  })

  it('gives nothing for a question without such words', () => {
    expect(variants('中国铜业科技工作会议')).toEqual([])
  })

  it('holds each word in one group only', () => {
    const words = SYNONYM_GROUPS.flat()
    expect(new Set(words).size).toBe(words.length)
  })
})
