import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { FileDeliveryLog, type DeliveryRecord } from '../../src/digest/delivery-log.js'
import { createDigest } from '../../src/digest/create-digest.js'
import { silentLogger } from '../../src/logger.js'
import { CorruptStoreError } from '../../src/store/file-store.js'
import { StoreWriteError } from '../../src/store/store.js'
import { mountSmallDisk, NO_SMALL_DISK } from '../helpers/small-disk.js'
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

  it('skips a damaged line, keeps a whole record written after a torn one on the same line, and rewrites the file clean', async () => {
    const path = join(tempDir(), 'log.jsonl')
    // What an append that ignored a short write left: a torn record, then the next one on the same line.
    const torn = `${JSON.stringify(record(-1, '2024-06-02', 'sent'))}\n{"chatId":-2,"day":"2024-06-02","sta${JSON.stringify(record(-3, '2024-06-02', 'sent'))}\nnot json at all\n`
    writeFileSync(path, torn)
    const log = await FileDeliveryLog.open(path)
    expect((await log.get(-1, '2024-06-02'))?.state).toBe('sent')
    expect((await log.get(-3, '2024-06-02'))?.state).toBe('sent')
    expect(await log.get(-2, '2024-06-02')).toBeUndefined()
    await log.close()
    for (const line of readFileSync(path, 'utf8').trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow()
  })

  it('lists the records still sending, of any day', async () => {
    const log = await FileDeliveryLog.open(join(tempDir(), 'log.jsonl'))
    await log.put(record(-1, '2024-06-01', 'sending'))
    await log.put(record(-2, '2024-06-02', 'sending'))
    await log.put(record(-2, '2024-06-02', 'sent'))
    expect((await log.unresolved()).map((r) => [r.chatId, r.day])).toEqual([[-1, '2024-06-01']])
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

const disk = mountSmallDisk(64)
if (!disk) console.log(NO_SMALL_DISK)
afterAll(() => disk?.unmount())

describe.skipIf(!disk)('the delivery log on a full disk', () => {
  it('refuses the record the disk cannot hold, leaves no torn line, and takes the next one once there is room', async () => {
    const path = join(disk!.dir, 'log.jsonl')
    const log = await FileDeliveryLog.open(path)
    await log.put(record(-1, '2024-06-02', 'sending'))
    disk!.fill()
    // Records go on fitting into the file's last allocated page; the one that needs a new page fails.
    let refused: unknown
    for (let chat = -100; refused === undefined && chat > -10_000; chat--) {
      await log.put({ ...record(chat, '2024-06-02', 'sent'), error: 'x'.repeat(200) }).catch((err: unknown) => (refused = err))
    }
    expect(refused).toBeInstanceOf(StoreWriteError)
    disk!.free()
    await log.put(record(-2, '2024-06-02', 'sent'))
    await log.close()
    const text = readFileSync(path, 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow()
    const reopened = await FileDeliveryLog.open(path)
    expect((await reopened.get(-1, '2024-06-02'))?.state).toBe('sending')
    expect((await reopened.get(-2, '2024-06-02'))?.state).toBe('sent')
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
