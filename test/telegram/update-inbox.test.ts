import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Update } from 'grammy/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileUpdateInbox, MemoryUpdateInbox } from '../../src/telegram/update-inbox.js'

const update = (id: number): Update =>
  ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 1, type: 'private', first_name: 'a' }, text: `#${id}` } }) as Update

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe.each([
  ['in memory', () => new MemoryUpdateInbox()],
  ['in a file', () => new FileUpdateInbox(join(dir, 'updates.jsonl'))],
])('the update inbox %s', (_name, make) => {
  it('hands each update on once, however often it arrives', async () => {
    const inbox = make()
    expect((await inbox.receive([update(1), update(2)])).map((u) => u.update_id)).toEqual([1, 2])
    expect((await inbox.receive([update(2), update(3)])).map((u) => u.update_id)).toEqual([3])
    await inbox.done(1)
    expect(await inbox.receive([update(1)])).toEqual([])
  })

  it('keeps what is received and not yet done as pending, oldest first', async () => {
    const inbox = make()
    await inbox.receive([update(5), update(6), update(7)])
    await inbox.done(6)
    expect((await inbox.pending()).map((u) => u.update_id)).toEqual([5, 7])
  })
})

describe('the update inbox in a file', () => {
  it('gives a new process the updates a killed one received and did not handle, and remembers the handled ones', async () => {
    const path = join(dir, 'updates.jsonl')
    const before = new FileUpdateInbox(path)
    await before.receive([update(1), update(2), update(3)])
    await before.done(2)
    // No close: the process was killed.
    const after = new FileUpdateInbox(path)
    expect((await after.pending()).map((u) => u.update_id)).toEqual([1, 3])
    expect(await after.receive([update(2)])).toEqual([])
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(4)
  })

  it('records every done mark made at the same moment', async () => {
    const path = join(dir, 'updates.jsonl')
    const inbox = new FileUpdateInbox(path)
    await inbox.receive(Array.from({ length: 20 }, (_, i) => update(i + 1)))
    await Promise.all(Array.from({ length: 20 }, (_, i) => inbox.done(i + 1)))
    expect(await inbox.pending()).toEqual([])
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(40)
  })
})
