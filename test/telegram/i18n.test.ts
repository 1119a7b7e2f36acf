import { describe, expect, it } from 'vitest'
import { format, localize } from '../../src/telegram/i18n.js'

describe('localize', () => {
  it('writes Chinese once, in Simplified, and converts it for Traditional chats', () => {
    const text = { zh: '没有找到结果', en: 'No results' }
    expect(localize('zh-Hans', text)).toBe('没有找到结果')
    expect(localize('zh-Hant', text)).toBe('沒有找到結果')
    expect(localize('en', text)).toBe('No results')
  })
})

describe('format', () => {
  it('fills template slots after converting to Traditional, so values stay verbatim', () => {
    expect(format('zh-Hant', { zh: '删除 {t}', en: 'Delete {t}' }, { t: '国家科技' })).toBe('刪除 国家科技')
  })

  it('leaves a slot without a value as it is', () => {
    expect(format('en', { zh: '第 {n} 页', en: 'page {n} of {pages}' }, { n: 2 })).toBe('page 2 of {pages}')
  })
})
