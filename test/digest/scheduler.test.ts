import { describe, expect, it } from 'vitest'
import { dailyTime, isTimedDue, localDay, localTime } from '../../src/digest/scheduler.js'

const TZ = 'Asia/Shanghai'
// 2024-06-02 07:30 in Shanghai is 2024-06-01 23:30 UTC.
const at = (hhmm: string, day = '2024-06-02') => new Date(`${day}T${hhmm}:00+08:00`).getTime()

describe('days and times in DIGEST_TZ', () => {
  it('reads the day and time of day in the digest’s time zone, not UTC', () => {
    expect(localDay(at('07:30'), TZ)).toBe('2024-06-02')
    expect(new Date(at('07:30')).toISOString().slice(0, 10)).toBe('2024-06-01')
    expect(localTime(at('07:30'), TZ)).toBe('07:30')
    expect(localTime(at('00:05'), TZ)).toBe('00:05')
  })
})

describe('chats with their own digest time', () => {
  const longAgo = at('12:00', '2024-05-01')

  it('are due at their minute', () => {
    expect(isTimedDue({ time: '07:30', subscribedAt: longAgo }, at('07:30'), TZ, false)).toBe(true)
    expect(isTimedDue({ time: '07:30', subscribedAt: longAgo }, at('07:29'), TZ, false)).toBe(false)
  })

  it('catch up later the same day when the bot was down at their time, but only once', () => {
    expect(isTimedDue({ time: '07:30', subscribedAt: longAgo }, at('09:10'), TZ, false)).toBe(true)
    expect(isTimedDue({ time: '07:30', subscribedAt: longAgo }, at('09:10'), TZ, true)).toBe(false)
  })

  it('do not get a digest the minute they subscribe after today’s time', () => {
    expect(isTimedDue({ time: '07:30', subscribedAt: at('09:00') }, at('09:01'), TZ, false)).toBe(false)
    expect(isTimedDue({ time: '07:30', subscribedAt: at('09:00') }, at('07:30', '2024-06-03'), TZ, false)).toBe(true)
  })

  it('are left to DIGEST_CRON when they have no time', () => {
    expect(isTimedDue({ subscribedAt: longAgo }, at('07:30'), TZ, false)).toBe(false)
  })
})

describe('dailyTime', () => {
  it('reads the time of a daily cron, with or without seconds, and nothing else', () => {
    expect(dailyTime('0 8 * * *')).toBe('08:00')
    expect(dailyTime('0 30 7 * * *')).toBe('07:30')
    expect(dailyTime('0 8 * * 1-5')).toBeUndefined()
    expect(dailyTime('*/5 * * * *')).toBeUndefined()
    expect(dailyTime('*/10 0 8 * * *')).toBeUndefined()
  })
})
