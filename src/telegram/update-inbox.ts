import type { Update } from 'grammy/types'
import type { Logger } from '../logger.js'
import { JsonLinesFile } from '../store/json-lines.js'

/**
 * Where updates wait between "received from Telegram" and "handled". Polling
 * records a batch here before the next `getUpdates` confirms it to Telegram,
 * so a crash in between loses nothing: the next start handles what is still
 * pending. It also tells a repeated update from a new one (Telegram sends an
 * unconfirmed batch again after a restart; a webhook is redelivered when the
 * answer was slow), so each update is handled once, or, after a crash right
 * between handling and `done`, once more (at least once).
 */
export interface UpdateInbox {
  /** Records updates as received; returns those not received before, in order. */
  receive(updates: readonly Update[]): Promise<Update[]>
  /** The update has been handled. */
  done(updateId: number): Promise<void>
  /** Updates received and not yet handled (a stop or a crash in between), oldest first. */
  pending(): Promise<Update[]>
}

/** How many handled update ids are remembered to recognise a repeat. */
const REMEMBERED = 10_000

/** In memory: the console and tests (nothing survives the process, which is the point of the others). */
export class MemoryUpdateInbox implements UpdateInbox {
  private readonly open = new Map<number, Update>()
  private readonly handled = new Set<number>()

  async receive(updates: readonly Update[]): Promise<Update[]> {
    const fresh = updates.filter((u) => !this.open.has(u.update_id) && !this.handled.has(u.update_id))
    for (const u of fresh) this.open.set(u.update_id, u)
    return fresh
  }
  async done(updateId: number): Promise<void> {
    this.open.delete(updateId)
    this.handled.add(updateId)
    if (this.handled.size > REMEMBERED) this.handled.delete(this.handled.values().next().value!)
  }
  async pending(): Promise<Update[]> {
    return [...this.open.values()]
  }
  /** Ids of the updates handled most recently (oldest first), to recognise their repeats. */
  recentlyHandled(): number[] {
    return [...this.handled]
  }
}

/** One line of the inbox file: an update received, or an update id handled. */
type Line = { u: Update } | { d: number }

/**
 * The inbox on an append-only JSON-lines file in DATA_DIR (`updates.jsonl`):
 * a batch received costs one fsynced append before it is confirmed; `done`
 * marks made together share one fsync. The file is compacted when it grows.
 */
export class FileUpdateInbox implements UpdateInbox {
  private readonly file: JsonLinesFile
  private readonly inner = new MemoryUpdateInbox()
  private marks: Array<{ id: number; settle: (err?: Error) => void }> = []
  private flushing: Promise<void> | undefined

  constructor(path: string, logger?: Pick<Logger, 'warn'>) {
    this.file = new JsonLinesFile(path)
    const { records, damaged } = this.file.load()
    if (damaged > 0) logger?.warn({ path, damaged }, 'bot: the update inbox had damaged lines; skipped them')
    const open = new Map<number, Update>()
    const handled: number[] = []
    for (const r of records as Line[]) {
      if ('u' in r) open.set(r.u.update_id, r.u)
      else {
        open.delete(r.d)
        handled.push(r.d)
      }
    }
    // All synchronous for the memory inbox: the state is complete when the constructor returns.
    for (const id of handled) void this.inner.done(id)
    void this.inner.receive([...open.values()])
  }

  async receive(updates: readonly Update[]): Promise<Update[]> {
    const fresh = await this.inner.receive(updates)
    if (fresh.length > 0) await this.file.append(fresh.map((u) => ({ u })))
    return fresh
  }

  done(updateId: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.marks.push({ id: updateId, settle: (err) => (err === undefined ? resolve() : reject(err)) })
      this.flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.flush())
    })
  }

  pending(): Promise<Update[]> {
    return this.inner.pending()
  }

  async close(): Promise<void> {
    await this.flushing
    await this.file.close()
  }

  private async flush(): Promise<void> {
    while (this.marks.length > 0) {
      const marks = this.marks
      this.marks = []
      try {
        await this.file.append(marks.map((m) => ({ d: m.id })))
        for (const m of marks) await this.inner.done(m.id)
        for (const m of marks) m.settle()
      } catch (err) {
        for (const m of marks) m.settle(err instanceof Error ? err : new Error(String(err)))
      }
    }
    this.flushing = undefined
    const open = await this.inner.pending()
    if (this.file.lines > 4000 + 2 * open.length) {
      // Kept: what is still open, and the last thousand handled ids (a batch Telegram may send again).
      const recent = this.inner.recentlyHandled().slice(-1000)
      await this.file.rewrite([...open.map((u) => ({ u })), ...recent.map((d) => ({ d }))]).catch(() => undefined)
    }
  }
}
