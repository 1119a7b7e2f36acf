import type { Logger } from '../logger.js'
import { JsonLinesFile } from './json-lines.js'
import type { Store } from './store.js'

/** One line of the file: an entry written, or deleted. */
type Line<T> = { k: string; v: T } | { k: string; d: 1 }

export interface JsonLinesStoreOptions {
  /** The most entries kept; beyond it the least recently written are forgotten (default 5,000). */
  maxEntries?: number
  logger?: Pick<Logger, 'warn'>
}

/**
 * A bounded key-value store on an append-only JSON-lines file, for data written
 * often and worth little each (the searches behind page buttons): a change
 * costs one appended line, not a rewrite of the store; changes made together
 * share one fsync; the file is compacted when it holds many more lines than
 * entries; memory holds at most `maxEntries`. A change is applied once it is on
 * disk; when the disk refuses, `write` throws `StoreWriteError` and nothing changes.
 */
export class JsonLinesStore<T> implements Store<T> {
  private readonly data = new Map<string, T>()
  private readonly file: JsonLinesFile
  private readonly max: number
  private batch: Array<{ line: Line<T>; done: (err?: Error) => void }> = []
  private flushing: Promise<void> | undefined

  constructor(path: string, options: JsonLinesStoreOptions = {}) {
    this.file = new JsonLinesFile(path)
    this.max = options.maxEntries ?? 5000
    const { records, damaged } = this.file.load()
    for (const r of records) this.apply(r as Line<T>)
    if (damaged > 0) options.logger?.warn({ path, damaged }, 'store: skipped damaged lines')
  }

  async read(key: string): Promise<T | undefined> {
    const v = this.data.get(key)
    return v === undefined ? undefined : structuredClone(v)
  }

  write(key: string, value: T): Promise<void> {
    return this.enqueue({ k: key, v: structuredClone(value) })
  }

  delete(key: string): Promise<void> {
    return this.data.has(key) ? this.enqueue({ k: key, d: 1 }) : Promise.resolve()
  }

  async entries(): Promise<Array<[string, T]>> {
    return [...this.data].map(([k, v]) => [k, structuredClone(v)])
  }

  /** Waits for pending writes and closes the file. */
  async close(): Promise<void> {
    await this.flushing
    await this.file.close()
  }

  private enqueue(line: Line<T>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.batch.push({ line, done: (err) => (err === undefined ? resolve() : reject(err)) })
      this.flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.flush())
    })
  }

  /** Appends every queued change with one fsync, then applies them; compacts when the file has grown. */
  private async flush(): Promise<void> {
    while (this.batch.length > 0) {
      const batch = this.batch
      this.batch = []
      try {
        await this.file.append(batch.map((b) => b.line))
        for (const b of batch) this.apply(b.line)
        for (const b of batch) b.done()
      } catch (err) {
        for (const b of batch) b.done(err instanceof Error ? err : new Error(String(err)))
      }
    }
    this.flushing = undefined
    if (this.file.lines > 2 * this.max + 1000) {
      await this.file.rewrite([...this.data].map(([k, v]) => ({ k, v }))).catch(() => undefined)
    }
  }

  private apply(line: Line<T>): void {
    this.data.delete(line.k)
    if ('v' in line) this.data.set(line.k, line.v)
    // Map order is write order: the first keys are the least recently written.
    while (this.data.size > this.max) this.data.delete(this.data.keys().next().value!)
  }
}
