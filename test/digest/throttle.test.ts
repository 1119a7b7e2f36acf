import { describe, expect, it } from 'vitest'
import { Throttle, VirtualClock } from '../../src/digest/throttle.js'

async function sendTimes(chatIds: number[], clock: VirtualClock): Promise<Array<{ chatId: number; at: number }>> {
  const throttle = new Throttle(clock)
  const sent: Array<{ chatId: number; at: number }> = []
  await Promise.all(
    chatIds.map(async (chatId) => {
      await throttle.acquire(chatId)
      sent.push({ chatId, at: clock.now() })
    }),
  )
  return sent.sort((a, b) => a.at - b.at)
}

const maxInWindow = (times: number[], ms: number) => {
  let max = 0
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= ms) lo++
    max = Math.max(max, hi - lo + 1)
  }
  return max
}

describe('the broadcast throttle', () => {
  it('lets at most 20 messages a minute into one group, and no more than one a second', async () => {
    const clock = new VirtualClock(0)
    const sent = await sendTimes(Array(45).fill(-100123), clock)
    const times = sent.map((s) => s.at)
    expect(maxInWindow(times, 60_000)).toBe(20)
    expect(maxInWindow(times, 1000)).toBe(1)
    // 45 messages need three minutes' worth of windows: the last waits past the two-minute mark.
    expect(times.at(-1)).toBeGreaterThanOrEqual(120_000)
  })

  it('keeps the overall rate at 30 a second across many chats, but no slower', async () => {
    const clock = new VirtualClock(0)
    const sent = await sendTimes(
      Array.from({ length: 300 }, (_, i) => 1000 + i),
      clock,
    )
    const times = sent.map((s) => s.at)
    expect(maxInWindow(times, 1000)).toBe(30)
    expect(times.at(-1)).toBeLessThan(10_000)
  })

  it('does not hold private chats to the group limit', async () => {
    const clock = new VirtualClock(0)
    const sent = await sendTimes(Array(30).fill(777), clock)
    expect(
      maxInWindow(
        sent.map((s) => s.at),
        60_000,
      ),
    ).toBe(30)
  })
})
