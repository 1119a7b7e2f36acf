import { describe, expect, it } from 'vitest'
import { fold, smallNumberValue } from '../../src/text/script.js'

describe('fold', () => {
  it('writes a year spelled digit by digit in Chinese numerals as digits, the same length', () => {
    expect(fold('發表二〇二五年新年賀詞')).toBe('发表2025年新年贺词')
    expect(fold('一九四九年十月')).toBe('1949年十月')
    expect(fold('二〇五所')).toBe('205所')
  })

  it('leaves counts and names in Chinese numerals alone', () => {
    for (const text of ['三四年前', '十一五规划', '零下五度']) expect(fold(text)).toBe(text)
    expect(fold('一二三四五年')).toBe('一二三四五年')
  })
})

describe('smallNumberValue', () => {
  it('reads counts up to ninety-nine written in Chinese numerals', () => {
    expect(['六', '十', '十八', '二十', '二十一'].map(smallNumberValue)).toEqual([6, 10, 18, 20, 21])
  })

  it('reads nothing else', () => {
    expect(['', '八六', '一百', '第三'].map(smallNumberValue)).toEqual([undefined, undefined, undefined, undefined])
  })
})

describe('fold, ranges', () => {
  it('writes 到, 至 or a tilde between two numbers as the dash news writes (1—5月)', () => {
    expect(fold('1到5月')).toBe('1—5月')
    expect(fold('气温下降4～6℃，1至5月份')).toBe('气温下降4—6℃,1—5月份')
  })

  it('writes a hyphen between month numbers as that dash, not the hyphens of a date', () => {
    expect(fold('1-10月，1－9月份')).toBe('1—10月,1—9月份')
    expect(fold('2024-10-13，3.5-4月')).toBe('2024-10-13,3.5-4月')
  })

  it('leaves 到 and 至 elsewhere alone', () => {
    expect(fold('到5点至少还有一小时')).toBe('到5点至少还有一小时')
  })
})
