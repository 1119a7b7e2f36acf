import type { Clock } from '../../src/clock.js'

/**
 * A clock that only moves when every waiter is asleep: it then jumps to the
 * earliest wake-up. Runs a day of throttled sending in milliseconds, and
 * lets tests check rates against time that cannot drift.
 */
export class VirtualClock implements Clock {
  private t: number
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = []
  private seq = 0
  private pending = false

  constructor(start = 0) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.pending) return
    this.pending = true
    // setImmediate runs after every pending promise callback: by then all runnable work has run.
    setImmediate(() => {
      this.pending = false
      if (this.timers.length === 0) return
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const at = this.timers[0]!.at
      this.t = Math.max(this.t, at)
      const due = this.timers.filter((x) => x.at <= this.t)
      this.timers = this.timers.filter((x) => x.at > this.t)
      for (const x of due) x.resolve()
      if (this.timers.length > 0) this.schedule()
    })
  }
}
