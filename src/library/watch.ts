import { watch, type FSWatcher } from 'node:fs'
import { basename } from 'node:path'

/** Options of {@link watchCorpus}. */
export interface WatchOptions {
  /**
   * Quiet time after the last change before `onChange` runs, so that a copy of
   * many files triggers one reload. Default {@link WATCH_DEFAULTS.debounceMs}.
   * @example watchCorpus(dir, reload, { debounceMs: 2000 })
   */
  debounceMs?: number
  /** Called when `onChange` throws or the watcher fails; the watcher keeps going. */
  onError?: (err: unknown) => void
}

export const WATCH_DEFAULTS = {
  debounceMs: 1000,
} as const

/** A running watcher; `close()` stops it and cancels any pending run. */
export interface CorpusWatcher {
  close(): void
}

/**
 * Whether a changed file name is an editor's or a writer's temporary file,
 * which must not trigger a reload: dotfiles, `*.tmp`, `*~`, `*.swp`.
 * @example isTemporaryFile('.article.txt.swp') === true
 */
export function isTemporaryFile(name: string): boolean {
  const base = basename(name)
  return base.startsWith('.') || base.endsWith('~') || /\.(tmp|swp|swx|part|crdownload)$/i.test(base)
}

/**
 * Watches a flat corpus folder and calls `onChange` once things have settled.
 * Calls never overlap: a change that arrives while `onChange` runs leads to
 * exactly one more run after it (changes are coalesced, never lost).
 * @example const w = watchCorpus('./seeds', () => library.reload()); … w.close()
 */
export function watchCorpus(dir: string, onChange: () => void | Promise<void>, opts: WatchOptions = {}): CorpusWatcher {
  const debounceMs = opts.debounceMs ?? WATCH_DEFAULTS.debounceMs
  const onError = opts.onError ?? (() => {})
  let timer: NodeJS.Timeout | undefined
  let running = false
  let pending = false
  let closed = false

  const schedule = (): void => {
    if (closed) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void run()
    }, debounceMs)
  }

  const run = async (): Promise<void> => {
    if (closed) return
    if (running) {
      // Remember it; the running call will schedule one more run when it ends.
      pending = true
      return
    }
    running = true
    try {
      await onChange()
    } catch (err) {
      onError(err)
    } finally {
      running = false
    }
    if (pending) {
      pending = false
      schedule()
    }
  }

  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, filename) => {
    // Some platforms give no file name; then we cannot tell, so reload.
    if (filename && isTemporaryFile(filename.toString())) return
    schedule()
  })
  watcher.on('error', onError)

  return {
    close(): void {
      closed = true
      if (timer) clearTimeout(timer)
      timer = undefined
      watcher.close()
    },
  }
}
