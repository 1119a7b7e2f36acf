import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkFolders, ConfigError, parseConfig } from '../src/config.js'

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(parseConfig({})).toMatchObject({
      seedsDir: './seeds',
      dataDir: './data',
      digestCron: '0 8 * * *',
      digestTz: 'Asia/Shanghai',
      adminIds: [],
    })
  })

  it.each([
    ['DIGEST_CRON', '99 99 * * *'],
    ['DIGEST_CRON', 'every morning'],
    ['TELEGRAM_API_ROOT', 'ftp://127.0.0.1:21'],
    ['TELEGRAM_API_ROOT', 'not a url'],
    ['DIGEST_TZ', 'Mars/Olympus_Mons'],
    ['ADMIN_IDS', '12,abc'],
    ['BOT_TOKEN', 'hello'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^config: invalid environment\\n  ${name}: `))
  })

  it('accepts a six-field cron with seconds and an http API root', () => {
    expect(parseConfig({ DIGEST_CRON: '0 30 7 * * 1-5', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' })).toMatchObject({
      digestCron: '0 30 7 * * 1-5',
      telegramApiRoot: 'http://127.0.0.1:8081',
    })
  })
})

describe('checkFolders', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'config-test-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('names SEEDS_DIR when the folder of articles is missing', () => {
    expect(() => checkFolders({ seedsDir: join(dir, 'nope'), dataDir: join(dir, 'data') })).toThrow(/SEEDS_DIR: .*nope does not exist/)
  })

  it('names DATA_DIR when it is a file', () => {
    writeFileSync(join(dir, 'data'), 'x')
    expect(() => checkFolders({ seedsDir: dir, dataDir: join(dir, 'data') })).toThrow(/DATA_DIR: .*data is a file, not a folder/)
  })

  it('creates a missing DATA_DIR', () => {
    checkFolders({ seedsDir: dir, dataDir: join(dir, 'a', 'b') })
    expect(statSync(join(dir, 'a', 'b')).isDirectory()).toBe(true)
  })
})
