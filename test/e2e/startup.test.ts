/**
 * Start-up as a new user meets it: `src/main.ts` run in a folder with a `.env`
 * file, as the README says to set one up.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server.js'

const ROOT = join(import.meta.dirname, '..', '..')
const MAIN = join(ROOT, 'src', 'main.ts')
const SEEDS = join(ROOT, 'seeds')
/** tsx's loader by path: the process runs in another folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

/** The environment of a user's shell: none of the bot's variables set. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME }
  return { ...env, ...extra }
}

describe('start-up with a .env file', () => {
  let dir: string
  let api: FakeBotApi

  beforeAll(async () => {
    api = await startFakeBotApi()
  })
  afterAll(() => api.close())
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** A folder like a fresh checkout's: seeds and a `.env`. */
  function project(dotenv: string): string {
    dir = mkdtempSync(join(tmpdir(), 'keji-dotenv-'))
    cpSync(SEEDS, join(dir, 'seeds'), { recursive: true })
    writeFileSync(join(dir, '.env'), dotenv)
    return dir
  }

  it('stops with a message naming the variable when .env holds a bad value', () => {
    const cwd = project('DIGEST_TZ=Mars/Olympus_Mons\n')
    const r = spawnSync(process.execPath, ['--import', TSX, MAIN], { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 30_000, input: '' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('DIGEST_TZ')
    expect(r.stderr).not.toMatch(/\n\s+at /) // a message, not a stack trace
  })

  it('lets a variable set in the environment win over .env', () => {
    const cwd = project('DIGEST_TZ=Mars/Olympus_Mons\n')
    const r = spawnSync(process.execPath, ['--import', TSX, MAIN], {
      cwd,
      env: cleanEnv({ DIGEST_TZ: 'Asia/Taipei' }),
      encoding: 'utf8',
      timeout: 30_000,
      input: '/search 黄河\n',
    })
    expect(r.stderr).not.toContain('DIGEST_TZ')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('黄河')
  })

  it('connects to Telegram with the BOT_TOKEN from .env', async () => {
    const cwd = project(`BOT_TOKEN=${api.token}\nTELEGRAM_API_ROOT=${api.url}\nLOG_LEVEL=warn\n`)
    const child = spawn(process.execPath, ['--import', TSX, MAIN], { cwd, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    try {
      const poll = await api
        .waitFor((c) => c.method === 'getUpdates', 30_000)
        .catch((err: Error) => {
          throw new Error(`${err.message}\nstderr:\n${stderr}`)
        })
      expect(poll.method).toBe('getUpdates')
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  })
})
