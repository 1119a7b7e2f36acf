import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { writeAtomically } from './file-store.js'
import { StoreWriteError } from './store.js'

/** What loading a JSON-lines file found. */
export interface LoadedLines {
  /** Every record read, in file order. */
  records: unknown[]
  /** Lines that could not be read as a record (skipped; a torn last line is not counted). */
  damaged: number
}

/**
 * An append-only file of JSON records, one a line: the shared machinery of the
 * delivery log, the saved searches and the update inbox. It survives its own
 * torn writes:
 * - an append writes every byte and fsyncs before it resolves; when it fails
 *   (a full disk), the file is cut back to its last whole record, so the next
 *   append never lands on a torn line;
 * - on load, a torn last line (a crash mid-append) is cut off, and a damaged
 *   line elsewhere (left by older versions) is skipped, keeping a whole record
 *   that follows the damage on the same line.
 * Appends are serialised.
 */
export class JsonLinesFile {
  private fd: number | undefined
  /** Bytes of the file that hold whole records. */
  private size = 0
  private queue: Promise<void> = Promise.resolve()
  /** Lines in the file (whole records). */
  lines = 0

  constructor(readonly path: string) {}

  /** Reads the file (a missing one is empty) and repairs a torn tail. */
  load(): LoadedLines {
    if (!existsSync(this.path)) return { records: [], damaged: 0 }
    let raw = readFileSync(this.path, 'utf8')
    if (raw.length > 0 && !raw.endsWith('\n')) {
      raw = raw.slice(0, raw.lastIndexOf('\n') + 1)
      truncateSync(this.path, Buffer.byteLength(raw))
    }
    this.size = Buffer.byteLength(raw)
    const records: unknown[] = []
    let damaged = 0
    for (const line of raw.split('\n')) {
      if (line.trim() === '') continue
      const record = tryParse(line)
      if (record !== undefined) {
        records.push(record)
        continue
      }
      damaged++
      const tail = lastWholeRecord(line)
      if (tail !== undefined) records.push(tail)
    }
    this.lines = records.length
    return { records, damaged }
  }

  /** Appends records, durably; throws `StoreWriteError` (and leaves no torn line) when the disk refuses. */
  append(records: readonly unknown[]): Promise<void> {
    const data = Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''))
    const next = this.queue.then(() => {
      try {
        if (this.fd === undefined) {
          mkdirSync(dirname(this.path), { recursive: true })
          this.fd = openSync(this.path, 'a')
          this.size = statSync(this.path).size
        }
        for (let done = 0; done < data.length;) done += writeSync(this.fd, data, done, data.length - done)
        fsyncSync(this.fd)
        this.size += data.length
        this.lines += records.length
      } catch (err) {
        this.cutBack()
        throw new StoreWriteError(
          `store: could not append to ${this.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
          {
            cause: err,
          },
        )
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Replaces the whole file with `records`, atomically. */
  rewrite(records: readonly unknown[]): Promise<void> {
    const next = this.queue.then(async () => {
      this.closeFd()
      const text = records.map((r) => `${JSON.stringify(r)}\n`).join('')
      try {
        await writeAtomically(this.path, text)
      } catch (err) {
        throw new StoreWriteError(
          `store: could not rewrite ${this.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
          {
            cause: err,
          },
        )
      }
      this.size = Buffer.byteLength(text)
      this.lines = records.length
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    await this.queue
    this.closeFd()
  }

  /** After a failed append: cut the file back to its whole records (best effort; load() repairs the rest). */
  private cutBack(): void {
    try {
      if (this.fd !== undefined) ftruncateSync(this.fd, this.size)
    } catch {
      // The next load cuts a torn tail off anyway.
    }
    this.closeFd()
  }

  private closeFd(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd)
      } catch {
        // already closed
      }
    }
    this.fd = undefined
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The last whole record on a damaged line (a torn record with the next one written after it: `{"a":1,"b{"a":2}`), if any. */
function lastWholeRecord(line: string): unknown {
  for (let at = line.lastIndexOf('{'); at > 0; at = line.lastIndexOf('{', at - 1)) {
    const tail = tryParse(line.slice(at))
    if (tail !== undefined && typeof tail === 'object' && tail !== null) return tail
  }
  return undefined
}
