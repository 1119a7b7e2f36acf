import { describe, expect, it } from 'vitest'
import { sendInBulk, Throttle, throttleTransformer, type SendKind } from '../../src/telegram/throttle.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

async function sendTimes(
  chatIds: number[],
  clock: VirtualClock,
  kind: SendKind = 'bulk',
  throttle = new Throttle(clock),
): Promise<Array<{ chatId: number; at: number }>> {
  const sent: Array<{ chatId: number; at: number }> = []
  await Promise.all(
    chatIds.map(async (chatId) => {
      await throttle.acquire(chatId, kind)
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

  it('keeps a broadcast at 25 a second across many chats, but no slower, leaving 5 for replies', async () => {
    const clock = new VirtualClock(0)
    const sent = await sendTimes(
      Array.from({ length: 300 }, (_, i) => 1000 + i),
      clock,
    )
    const times = sent.map((s) => s.at)
    expect(maxInWindow(times, 1000)).toBe(25)
    expect(times.at(-1)).toBeLessThan(12_000)
  })

  it('lets replies use the whole 30 a second, and never more, while a broadcast runs', async () => {
    const clock = new VirtualClock(0)
    const throttle = new Throttle(clock)
    const broadcast = sendTimes(
      Array.from({ length: 200 }, (_, i) => -5000 - i),
      clock,
      'bulk',
      throttle,
    )
    // Two seconds into the broadcast, five users ask something at once, one of them three times.
    await clock.sleep(2000)
    const replies = await sendTimes([9001, 9002, 9003, 9004, 9004, 9004, 9005], clock, 'reply', throttle)
    const bulk = await broadcast
    const all = [...bulk, ...replies].map((s) => s.at).sort((a, b) => a - b)
    expect(maxInWindow(all, 1000)).toBeLessThanOrEqual(30)
    // Every reply went out within a second of being asked, the same chat's three included.
    for (const r of replies) expect(r.at).toBeLessThan(3000)
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

describe('the throttle on the bot API', () => {
  it('counts a digest message when it goes, after its delivery record, so slow records never let a second hold more than 25', async () => {
    const clock = new VirtualClock(0)
    const throttle = new Throttle(clock)
    const sent: number[] = []
    const transformer = throttleTransformer(throttle)
    const prev = (async () => {
      sent.push(clock.now())
      return { ok: true, result: true }
    }) as unknown as Parameters<typeof transformer>[0]
    // Each record takes a varying time to write (a busy database): 0 to 300 ms.
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        sendInBulk({ beforeSend: () => clock.sleep((i * 37) % 300) }, () =>
          transformer(prev, 'sendMessage', { chat_id: 7000 + i, text: '摘要' }),
        ),
      ),
    )
    expect(sent).toHaveLength(200)
    expect(
      maxInWindow(
        sent.sort((a, b) => a - b),
        1000,
      ),
    ).toBeLessThanOrEqual(25)
  })
})
