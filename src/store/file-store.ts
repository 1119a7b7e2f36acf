import { mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Logger } from '../logger.js'
import { StoreWriteError, type Store } from './store.js'

/** Thrown when a store file exists but cannot be parsed; the file is left untouched. */
export class CorruptStoreError extends Error {
  override name = 'CorruptStoreError'
}

export interface JsonFileStoreOptions<T> {
  /**
   * What a file that is not valid JSON means: `refuse` (the default) stops with a
   * `CorruptStoreError` and never overwrites it, for data nothing else can
   * rebuild (subscriptions); `start-empty` moves it aside (`<name>.corrupt-<time>`)
   * with a warning and starts empty, for what can be rebuilt or lost without
   * harm (saved searches, the last run's summary).
   */
  onCorrupt?: 'refuse' | 'start-empty'
  /** Entries that are not a `T` (a hand-edited `null`) are skipped with a warning instead of breaking every reader. */
  isEntry?: (value: unknown) => value is T
  logger?: Pick<Logger, 'warn'>
}

/**
 * A JSON file holding one object of entries. Every change replaces the file
 * atomically (temporary file, fsync, rename), so a crash leaves either the old
 * or the new version, never half of one; and a change is applied in memory only
 * once the file holds it, so a change that could not be saved (a full or
 * read-only disk) throws `StoreWriteError` and is not applied. Changes are serialised.
 */
export class JsonFileStore<T> implements Store<T> {
  private data: Record<string, T>
  private queue: Promise<void> = Promise.resolve()

  constructor(
    readonly path: string,
    private readonly options: JsonFileStoreOptions<T> = {},
  ) {
    this.data = this.load()
  }

  private load(): Record<string, T> {
    let raw: string
    try {
      raw = readFileSync(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw err
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object')
    } catch (err) {
      if (this.options.onCorrupt === 'start-empty') {
        const aside = `${this.path}.corrupt-${Date.now()}`
        renameSync(this.path, aside)
        this.options.logger?.warn(
          { path: this.path, movedTo: aside, err: (err as Error).message },
          'store: file unreadable; moved aside, starting empty',
        )
        return {}
      }
      throw new CorruptStoreError(
        `store: ${this.path} is corrupt (${(err as Error).message}); it was left as it is — repair or move it away, then start again`,
      )
    }
    const entries = parsed as Record<string, unknown>
    const isEntry = this.options.isEntry
    if (!isEntry) return entries as Record<string, T>
    const good: Record<string, T> = {}
    for (const [key, value] of Object.entries(entries)) {
      if (isEntry(value)) good[key] = value
      else this.options.logger?.warn({ path: this.path, key }, 'store: skipped an entry that is not valid')
    }
    return good
  }

  async read(key: string): Promise<T | undefined> {
    const v = this.data[key]
    return v === undefined ? undefined : structuredClone(v)
  }

  write(key: string, value: T): Promise<void> {
    return this.change((data) => {
      data[key] = structuredClone(value)
    })
  }

  delete(key: string): Promise<void> {
    if (!(key in this.data)) return Promise.resolve()
    return this.change((data) => {
      delete data[key]
    })
  }

  async entries(): Promise<Array<[string, T]>> {
    return Object.entries(this.data).map(([k, v]) => [k, structuredClone(v)])
  }

  /** Applies `edit` to a copy, saves the copy, and only then makes it the store's data. */
  private change(edit: (data: Record<string, T>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const copy = { ...this.data }
      edit(copy)
      try {
        await writeAtomically(this.path, JSON.stringify(copy))
      } catch (err) {
        throw new StoreWriteError(`store: could not save ${this.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, {
          cause: err,
        })
      }
      this.data = copy
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** The suffix of the temporary files `writeAtomically` writes (`<file>.<pid>.<time>.tmp`). */
const TEMPORARY = /\.\d+\.\d+\.tmp$/

/**
 * Writes `content` to `path` so that readers see the old file or the new one, whole.
 * Content given in parts is written part after part (no joined copy of a large file).
 * A failed write removes its temporary file.
 */
export async function writeAtomically(path: string, content: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
  try {
    const handle = await open(tmp, 'w')
    try {
      if (Array.isArray(content)) {
        for (const part of content as readonly Uint8Array[]) {
          for (let done = 0; done < part.byteLength;) done += (await handle.write(part, done)).bytesWritten
        }
      } else await handle.writeFile(content as string | Uint8Array)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, path)
  } catch (err) {
    await unlink(tmp).catch(() => undefined)
    throw err
  }
}

/**
 * Removes temporary files a crashed `writeAtomically` left in `dir` (not its
 * subfolders). Call at start-up, before anything writes there. Returns their names.
 */
export function removeOrphanTemporaryFiles(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!TEMPORARY.test(name)) continue
    try {
      unlinkSync(join(dir, name))
      removed.push(basename(name))
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed
}
