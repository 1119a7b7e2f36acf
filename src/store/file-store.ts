import { mkdirSync, readFileSync } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Store } from './store.js'

/** Thrown when a store file exists but cannot be parsed; the file is left untouched. */
export class CorruptStoreError extends Error {
  override name = 'CorruptStoreError'
}

/**
 * A JSON file holding one object of entries. Every write replaces the file
 * atomically (temporary file, fsync, rename), so a crash leaves either the old
 * or the new version, never half of one. Writes are serialised.
 * A file that exists but is not valid JSON stops the constructor with a
 * `CorruptStoreError` and is never overwritten.
 */
export class JsonFileStore<T> implements Store<T> {
  private data: Record<string, T>
  private queue: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {
    this.data = JsonFileStore.load<T>(path)
  }

  private static load<T>(path: string): Record<string, T> {
    let raw: string
    try {
      raw = readFileSync(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw err
    }
    try {
      const parsed: unknown = JSON.parse(raw)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object')
      return parsed as Record<string, T>
    } catch (err) {
      throw new CorruptStoreError(
        `store: ${path} is corrupt (${(err as Error).message}); it was left as it is — repair or move it away, then start again`,
      )
    }
  }

  async read(key: string): Promise<T | undefined> {
    const v = this.data[key]
    return v === undefined ? undefined : structuredClone(v)
  }

  async write(key: string, value: T): Promise<void> {
    this.data[key] = structuredClone(value)
    await this.flush()
  }

  async delete(key: string): Promise<void> {
    if (!(key in this.data)) return
    delete this.data[key]
    await this.flush()
  }

  async entries(): Promise<Array<[string, T]>> {
    return Object.entries(this.data).map(([k, v]) => [k, structuredClone(v)])
  }

  private flush(): Promise<void> {
    const snapshot = JSON.stringify(this.data)
    const next = this.queue.then(() => writeAtomically(this.path, snapshot))
    this.queue = next.catch(() => undefined)
    return next
  }
}

/**
 * Writes `content` to `path` so that readers see the old file or the new one, whole.
 * Content given in parts is written part after part (no joined copy of a large file).
 */
export async function writeAtomically(path: string, content: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
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
  try {
    await rename(tmp, path)
  } catch (err) {
    await unlink(tmp).catch(() => undefined)
    throw err
  }
}
