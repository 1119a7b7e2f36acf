/**
 * The real bot process (`src/main.ts`, as `npm start` runs it) for end-to-end
 * tests: started with an environment of the test's choosing, its JSON log
 * lines collected, stopped with a signal or killed outright.
 *
 * @example
 *   const bot = startBotProcess({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dir })
 *   await bot.waitForLog((l) => l.msg === 'bot: polling for updates; digest schedule started')
 *   bot.kill('SIGKILL')
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = join(import.meta.dirname, '..', '..')
const MAIN = join(ROOT, 'src', 'main.ts')
/** tsx's loader by path, so the process may run in any folder. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

export interface LogLine {
  level: number
  msg: string
  [key: string]: unknown
}

export interface BotProcess {
  child: ChildProcess
  /** Everything written to stderr so far. */
  stderr(): string
  /** The JSON log lines so far. */
  logs(): LogLine[]
  /** Resolves with the first log line (so far or later) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends a signal; `SIGKILL` is `kill -9`. */
  kill(signal: NodeJS.Signals): void
}

/** Starts `src/main.ts` with `env` on top of a bare environment (PATH, HOME) in `cwd` (default: the project). */
export function startBotProcess(env: Record<string, string>, options: { cwd?: string; stdin?: 'ignore' | 'pipe' } = {}): BotProcess {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', SEEDS_WATCH: 'false', ...env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  const lines: LogLine[] = []
  const watchers = new Set<{ predicate: (l: LogLine) => boolean; resolve: (l: LogLine) => void }>()
  let partial = ''
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString()
    partial += d.toString()
    const parts = partial.split('\n')
    partial = parts.pop() ?? ''
    for (const text of parts) {
      let line: LogLine
      try {
        line = JSON.parse(text) as LogLine
      } catch {
        continue
      }
      lines.push(line)
      for (const w of watchers) {
        if (w.predicate(line)) {
          watchers.delete(w)
          w.resolve(line)
        }
      }
    }
  })
  child.stdout!.resume()
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return {
    child,
    stderr: () => stderr,
    logs: () => lines,
    waitForLog(predicate, timeoutMs = 30_000) {
      const found = lines.find(predicate)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const watcher = { predicate, resolve: (l: LogLine) => (clearTimeout(timer), resolve(l)) }
        const timer = setTimeout(() => {
          watchers.delete(watcher)
          reject(new Error(`bot process: no matching log line within ${timeoutMs} ms; stderr:\n${stderr.slice(-3000)}`))
        }, timeoutMs)
        watchers.add(watcher)
        void exited.then(() => {
          if (!watchers.has(watcher)) return
          watchers.delete(watcher)
          clearTimeout(timer)
          reject(new Error(`bot process exited before a matching log line; stderr:\n${stderr.slice(-3000)}`))
        })
      })
    },
    exited,
    kill: (signal) => void child.kill(signal),
  }
}

/** Resolves when the process is polling (connected, menus published, pending updates handled). */
export const POLLING = (l: LogLine) => l.msg === 'bot: polling for updates; digest schedule started'
