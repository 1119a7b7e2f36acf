import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { FileDeliveryLog, type DeliveryRecord } from '../../src/digest/delivery-log.js'
import { createDigest } from '../../src/digest/create-digest.js'
import { silentLogger } from '../../src/logger.js'
import { CorruptStoreError } from '../../src/store/file-store.js'
import { TestLibrary } from './seed-articles.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'digest-log-'))
  dirs.push(d)
  return d
}

const record = (chatId: number, day: string, state: DeliveryRecord['state']): DeliveryRecord => ({
  chatId,
  day,
  state,
  partsSent: state === 'sent' ? 1 : 0,
  at: 1,
})

describe('the delivery log', () => {
  it('remembers every record across a restart', async () => {
    const path = join(tempDir(), 'log.jsonl')
    const log = await FileDeliveryLog.open(path)
    await log.put(record(-1, '2024-06-02', 'sending'))
    await log.put(record(-1, '2024-06-02', 'sent'))
    await log.put(record(-2, '2024-06-02', 'failed'))
    await log.close()
    const reopened = await FileDeliveryLog.open(path)
    expect((await reopened.get(-1, '2024-06-02'))?.state).toBe('sent')
    expect((await reopened.get(-2, '2024-06-02'))?.state).toBe('failed')
    expect(await reopened.get(-1, '2024-06-03')).toBeUndefined()
  })

  it('drops a half-written last line (a crash mid-append) and keeps the rest', async () => {
    const path = join(tempDir(), 'log.jsonl')
    const log = await FileDeliveryLog.open(path)
    await log.put(record(-1, '2024-06-02', 'sending'))
    await log.close()
    appendFileSync(path, '{"chatId":-1,"day":"2024-06-02","sta')
    const reopened = await FileDeliveryLog.open(path)
    expect((await reopened.get(-1, '2024-06-02'))?.state).toBe('sending')
    await reopened.put(record(-1, '2024-06-02', 'ambiguous'))
    await reopened.close()
    expect((await (await FileDeliveryLog.open(path)).get(-1, '2024-06-02'))?.state).toBe('ambiguous')
  })

  it('refuses a damaged file and leaves it as it is', async () => {
    const path = join(tempDir(), 'log.jsonl')
    const damaged = `${JSON.stringify(record(-1, '2024-06-02', 'sent'))}\nnot json at all\n${JSON.stringify(record(-2, '2024-06-02', 'sent'))}\n`
    writeFileSync(path, damaged)
    await expect(FileDeliveryLog.open(path)).rejects.toThrow(CorruptStoreError)
    await expect(FileDeliveryLog.open(path)).rejects.toThrow(/delivery log .* corrupt at line 2/)
    expect(readFileSync(path, 'utf8')).toBe(damaged)
  })

  it('forgets days older than a week when it opens', async () => {
    const path = join(tempDir(), 'log.jsonl')
    const log = await FileDeliveryLog.open(path)
    await log.put(record(-1, '2024-05-01', 'sent'))
    await log.put(record(-1, '2024-06-01', 'sent'))
    await log.close()
    const reopened = await FileDeliveryLog.open(path, { today: '2024-06-02' })
    expect(await reopened.get(-1, '2024-05-01')).toBeUndefined()
    expect((await reopened.get(-1, '2024-06-01'))?.state).toBe('sent')
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1)
  })
})

describe('start-up with damaged digest files', () => {
  it('stops with a clear message when subscriptions.json is corrupt, and never overwrites it', async () => {
    const dir = tempDir()
    const path = join(dir, 'subscriptions.json')
    writeFileSync(path, '{"-100": {"chatId": -100, "active": tr')
    const start = () => createDigest({ config: parseConfig({ DATA_DIR: dir }), library: new TestLibrary(), logger: silentLogger })
    await expect(start()).rejects.toThrow(CorruptStoreError)
    await expect(start()).rejects.toThrow(/subscriptions\.json is corrupt/)
    expect(readFileSync(path, 'utf8')).toBe('{"-100": {"chatId": -100, "active": tr')
  })

  it('keeps subscriptions in DATA_DIR across restarts', async () => {
    const dir = tempDir()
    const open = () => createDigest({ config: parseConfig({ DATA_DIR: dir }), library: new TestLibrary(), logger: silentLogger })
    const first = await open()
    await first.service.subscribe(-100, { time: '07:30' })
    await first.stop()
    const second = await open()
    expect(await second.service.subscription(-100)).toMatchObject({ active: true, time: '07:30' })
    expect(await second.service.subscribedChats()).toBe(1)
  })
})
