/**
 * A narrow key-value store, shaped like grammY's `StorageAdapter`, so that a
 * Redis or PostgreSQL implementation can replace the file-backed default.
 */
export interface Store<T> {
  read(key: string): Promise<T | undefined>
  write(key: string, value: T): Promise<void>
  delete(key: string): Promise<void>
  /** Every entry, in no particular order. */
  entries(): Promise<Array<[string, T]>>
}

/**
 * A change could not be saved (a full or read-only disk, a database that is
 * down). The store is left as it was before the change, so the caller can tell
 * the user truthfully that nothing changed.
 */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError'
}

/** An in-memory store (tests, and the local console when nothing should persist). */
export class MemoryStore<T> implements Store<T> {
  private readonly map = new Map<string, T>()
  async read(key: string): Promise<T | undefined> {
    return structuredClone(this.map.get(key))
  }
  async write(key: string, value: T): Promise<void> {
    this.map.set(key, structuredClone(value))
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key)
  }
  async entries(): Promise<Array<[string, T]>> {
    return [...this.map].map(([k, v]) => [k, structuredClone(v)])
  }
}
