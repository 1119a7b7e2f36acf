import { describe, expect, it } from 'vitest'
import { askedThing, holdsKind, holdsThing, yearsAsked } from '../../src/search/answer-kind.js'
import { fold } from '../../src/text/script.js'

describe('what a question asks for', () => {
  it('is the noun after 哪 or 什么, in either script', () => {
    expect(askedThing(fold('这次会战中损失最大的是哪场战役？'))).toBe('战役')
    expect(askedThing(fold('這支球隊屬於哪一個聯盟？'))).toBe('联盟')
    expect(askedThing(fold('该团队获得了什么奖项？'))).toBe('奖项')
  })

  it('is nothing when no noun follows the question word', () => {
    expect(askedThing(fold('他为什么离开？'))).toBeUndefined()
    expect(askedThing(fold('新馆什么时候开放'))).toBeUndefined()
  })

  it('is named by a sentence that holds a new thing of that kind, not the question’s own words', () => {
    const q = fold('这次会战中损失最大的是哪场战役？')
    expect(holdsThing('战役', fold('损失最大的是在河谷进行的渡口战役。'), q)).toBe(true)
    expect(holdsThing('战役', fold('这次会战中双方都损失惨重。'), q)).toBe(false)
  })
})

describe('a sentence answering 谁', () => {
  const q = fold('星河协会的全会上谁作的工作报告？')

  it('names a person jieba does not know when the post they hold comes before the name', () => {
    expect(holdsKind('person', fold('星河协会主席郝明金代表常务委员会作工作报告。'), q, true)).toBe(true)
    expect(holdsKind('person', fold('星河中央银行行长潘功胜就反洗钱法修订草案作了说明。'), q, true)).toBe(true)
  })

  it('counts such a name only when asked to (choosing a sentence, not an article)', () => {
    expect(holdsKind('person', fold('星河协会主席郝明金代表常务委员会作工作报告。'), q)).toBe(false)
  })

  it('names a person jieba does not know when what they do follows the name', () => {
    const chair = fold('星河协会的全会是谁主持的？')
    expect(holdsKind('person', fold('石玉珊主持会议。'), chair, true)).toBe(true)
    expect(holdsKind('person', fold('会议由柯晓岚主持。'), chair, true)).toBe(true)
    // (Or attended: 吴政隆参加座谈会, and 武维华参加会见, which jieba cuts 武 / 维华; not the host the question names.)
    const other = fold('赵青山会见总统时还有哪位领导参加了会见？')
    expect(holdsKind('person', fold('吴政隆参加座谈会。'), other, true)).toBe(true)
    expect(holdsKind('person', fold('武维华参加会见。'), other, true)).toBe(true)
    expect(holdsKind('person', fold('赵青山参加会见。'), other, true)).toBe(false)
  })

  it('takes no unknown word before such a verb for a name unless a surname opens it', () => {
    expect(holdsKind('person', fold('美媒表示会议推迟。'), q, true)).toBe(false)
  })

  it('names no one when it only tells of posts and bodies', () => {
    expect(holdsKind('person', fold('会议指出，协会主席团和常务委员会一年来做了大量工作。'), q, true)).toBe(false)
  })
})

describe('a sentence answering a count asked in a unit (几天, 多少年, 几名)', () => {
  it('holds a number in that unit', () => {
    expect(holdsKind('number', fold('航母完成为期8天的首次航行试验。'), fold('航母首次航行试验用了几天？'))).toBe(true)
    expect(holdsKind('number', fold('该旅是一支有着50多年光荣历史的部队。'), fold('该旅有多少年历史？'))).toBe(true)
    expect(holdsKind('number', fold('袭击造成132人受伤。'), fold('袭击造成几名平民受伤？'))).toBe(true)
  })

  it('does not hold one when its numbers count something else, or date it', () => {
    expect(holdsKind('number', fold('今天5月1日8时许，航母解缆启航。'), fold('航母首次航行试验用了几天？'))).toBe(false)
    expect(holdsKind('number', fold('该旅2024年列装新型导弹。'), fold('该旅有多少年历史？'))).toBe(false)
    expect(holdsKind('number', fold('一位赛车手获得冠军。'), fold('他获得第几名？'))).toBe(false)
  })
})

describe('a sentence answering 哪里', () => {
  const q = fold('总理在星河国哪里会见总统？')

  it('names a venue as a place (总统府, 国宾馆), whatever jieba tags it', () => {
    expect(holdsKind('place', fold('当地时间15日，总理在总统府会见星河国总统。'), q)).toBe(true)
    expect(holdsKind('place', fold('双方在钓鱼台国宾馆举行会谈。'), q)).toBe(true)
  })

  it('does not take a word the question names, nor a sentence naming no place', () => {
    expect(holdsKind('place', fold('总统请总理转达诚挚问候。'), q)).toBe(false)
  })
})

describe('yearsAsked', () => {
  it('reads a year with 年, or before a name without it, but not a count', () => {
    expect(yearsAsked('2019年女排世界杯')).toEqual([2019])
    expect(yearsAsked('2025世界机器人大会几月开幕')).toEqual([2025])
    expect(yearsAsked('2026届毕业生招聘会')).toEqual([2026])
    expect(yearsAsked('2000万人次')).toEqual([])
    expect(yearsAsked('1950年代')).toEqual([])
    expect(yearsAsked('乙巳年拜祖大典')).toEqual([2025])
    expect(yearsAsked('甲子年')).toEqual([1984])
  })
})
