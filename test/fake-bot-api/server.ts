/**
 * A small fake Telegram Bot API on 127.0.0.1 for end-to-end tests: real HTTP,
 * real long polling (`getUpdates` honours `offset` and `timeout`), webhooks
 * (`setWebhook` is remembered; `postUpdate` posts an update to a replica's
 * URL with its secret token, as Telegram does), file downloads, every call
 * recorded with its time. Tests push updates and wait for the bot's calls; they
 * can hold sends unanswered (a Telegram that has the message but whose answer
 * never comes back) and read the most messages sent in any second.
 *
 * @example
 *   const api = await startFakeBotApi()
 *   // start the bot with TELEGRAM_API_ROOT=api.url
 *   api.pushUpdate({ message: { ... } })
 *   const reply = await api.waitFor((c) => c.method === 'sendMessage')
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Message, Update, UserFromGetMe } from 'grammy/types'
import { botInfo as defaultBotInfo, TEST_TOKEN } from '../helpers/bot-harness.js'
import type { ApiCall } from '../helpers/fake-telegram.js'

export interface FakeBotApi {
  /** The API root to give the bot, e.g. `http://127.0.0.1:40123`. */
  url: string
  token: string
  /** Every call the bot made, in order (getUpdates included). */
  calls: ApiCall[]
  /** Queues an update; it gets the next `update_id`, which is returned. */
  pushUpdate(update: Omit<Update, 'update_id'>): number
  /** Messages that reached a chat (sendMessage), in order. */
  delivered: HttpDelivered[]
  /** Replaces the fault function (undefined: no faults). */
  setFault(fault: FakeBotApiOptions['fault']): void
  /** Resolves with the first call (made at any time, including before) matching `predicate`. */
  waitFor(predicate: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>
  /** Webhooks set so far: URL → secret token, in the order they were set. */
  webhooks: Map<string, string | undefined>
  /**
   * Posts an update to a webhook URL set by the bot, with its secret token, as
   * Telegram does; gives the `update_id` (new, or `updateId` to deliver one again)
   * and the HTTP status the bot answered with.
   */
  postUpdate(url: string, update: Omit<Update, 'update_id'>, updateId?: number): Promise<{ updateId: number; status: number }>
  /** Makes a file downloadable (`getFile`, then `/file/bot<token>/<path>`); returns its `file_id`. */
  addFile(bytes: Uint8Array): string
  /** From now on, sendMessage calls matching `predicate` reach their chat (are recorded) but are never answered. */
  hold(predicate: (call: ApiCall) => boolean): void
  /** The most sendMessage calls (those matching `predicate`, if given) received in any 1,000 ms. */
  maxSendsPerSecond(predicate?: (call: ApiCall) => boolean): number
  close(): Promise<void>
}

/** What the fake does with one call instead of answering it at once. */
export type HttpFault =
  | { kind: '429'; retryAfter: number }
  | { kind: '500' }
  /** The connection is dropped before anything happens: nothing is delivered. */
  | { kind: 'reset' }
  /** The message is delivered, then the connection drops before the answer. */
  | { kind: 'delivered-then-reset' }
  /** The answer comes after `ms` (a message is delivered when it is answered). */
  | { kind: 'delay'; ms: number }

/** A message that reached its chat. */
export interface HttpDelivered {
  chatId: number
  text: string
  at: number
}

export interface FakeBotApiOptions {
  token?: string
  botInfo?: UserFromGetMe
  /** What `getChatMember` says of the user (default `member`; `administrator` lets users manage group subscriptions). */
  chatMemberStatus?: 'member' | 'administrator' | 'creator'
  /** A fault for a call, by its number among calls of that method to that chat (1-based). */
  fault?: (call: ApiCall, attempt: number) => HttpFault | undefined
}

interface Poller {
  offset: number
  limit: number
  respond: (updates: Update[]) => void
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? TEST_TOKEN
  const me = options.botInfo ?? defaultBotInfo
  const calls: ApiCall[] = []
  const delivered: HttpDelivered[] = []
  const attempts = new Map<string, number>()
  let fault = options.fault
  let updates: Update[] = []
  let nextUpdateId = 1
  let nextMessageId = 1
  const pollers = new Set<Poller>()
  const webhooks = new Map<string, string | undefined>()
  const files = new Map<string, Buffer>()
  const holds: Array<(call: ApiCall) => boolean> = []
  const watchers = new Set<{ predicate: (c: ApiCall) => boolean; resolve: (c: ApiCall) => void }>()

  const pending = (offset: number, limit: number) => updates.filter((u) => u.update_id >= offset).slice(0, limit)

  const wakePollers = () => {
    for (const p of pollers) {
      const ready = pending(p.offset, p.limit)
      if (ready.length > 0) {
        pollers.delete(p)
        p.respond(ready)
      }
    }
  }

  const record = (call: ApiCall) => {
    calls.push(call)
    for (const w of watchers) {
      if (w.predicate(call)) {
        watchers.delete(w)
        w.resolve(call)
      }
    }
  }

  const message = (p: Record<string, unknown>, id = nextMessageId++): Message =>
    ({
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(p.chat_id), type: Number(p.chat_id) < 0 ? 'supergroup' : 'private' },
      from: me,
      ...(typeof p.text === 'string' ? { text: p.text } : {}),
    }) as unknown as Message

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded || res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // When the request arrived, before its body is read: the time Telegram would count it at.
    const arrived = Date.now()
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    const download = /^\/file\/bot([^/]+)\/documents\/([\w-]+)\.txt$/.exec(pathname)
    if (download) {
      const bytes = download[1] === token ? files.get(download[2]!) : undefined
      if (!bytes) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length })
      return void res.end(bytes)
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(pathname)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
    if (match[1] !== token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' })
    const method = match[2]!
    const raw = Buffer.concat(chunks).toString('utf8')
    let payload: Record<string, unknown> = {}
    if (raw && (req.headers['content-type'] ?? '').includes('json')) payload = JSON.parse(raw) as Record<string, unknown>
    const call: ApiCall = { method, payload, at: arrived, port: req.socket.remotePort ?? 0 }
    record(call)
    const ok = (result: unknown) => send(res, 200, { ok: true, result })
    const deliver = () => {
      if (method === 'sendMessage') delivered.push({ chatId: Number(payload.chat_id), text: String(payload.text), at: Date.now() })
    }
    const key = `${method}|${String(payload.chat_id)}`
    const attempt = (attempts.get(key) ?? 0) + 1
    attempts.set(key, attempt)
    const f = method === 'getUpdates' ? undefined : fault?.(call, attempt)
    switch (f?.kind) {
      case '429':
        return send(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${f.retryAfter}`,
          parameters: { retry_after: f.retryAfter },
        })
      case '500':
        return send(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' })
      case 'reset':
        return void req.socket.destroy()
      case 'delivered-then-reset':
        deliver()
        return void req.socket.destroy()
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, f.ms))
        if (res.destroyed) return
    }
    if (method === 'sendMessage') deliver()
    // Held: the message is there (delivered), the answer never comes.
    if (method === 'sendMessage' && holds.some((h) => h(call))) return

    switch (method) {
      case 'getMe':
        return ok(me)
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0)
        const limit = Number(payload.limit ?? 100)
        const timeout = Number(payload.timeout ?? 0)
        // A getUpdates with an offset confirms every earlier update, as Telegram does.
        if (offset > 0) updates = updates.filter((u) => u.update_id >= offset)
        const ready = pending(offset, limit)
        if (ready.length > 0 || timeout <= 0) return ok(ready)
        const poller: Poller = { offset, limit, respond: (u) => ok(u) }
        pollers.add(poller)
        const timer = setTimeout(() => {
          pollers.delete(poller)
          ok([])
        }, timeout * 1000)
        const cleanup = () => {
          clearTimeout(timer)
          pollers.delete(poller)
        }
        res.once('close', cleanup)
        res.once('finish', cleanup)
        return
      }
      case 'sendMessage':
      case 'sendDocument':
      case 'sendPhoto':
        return ok(message(payload))
      case 'editMessageText':
        return ok(payload.inline_message_id ? true : message(payload, Number(payload.message_id)))
      case 'getMyCommands':
        return ok([])
      case 'getChatMember':
        return ok({
          status: options.chatMemberStatus ?? 'member',
          user: { id: Number(payload.user_id), is_bot: false, first_name: 'member' },
        })
      case 'setWebhook':
        webhooks.set(String(payload.url), payload.secret_token === undefined ? undefined : (payload.secret_token as string))
        return ok(true)
      case 'getFile': {
        const fileId = String(payload.file_id)
        if (!files.has(fileId)) return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' })
        return ok({ file_id: fileId, file_unique_id: fileId, file_size: files.get(fileId)!.length, file_path: `documents/${fileId}.txt` })
      }
      default:
        // answerCallbackQuery, answerInlineQuery, setMyCommands, deleteWebhook, …
        return ok(true)
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { ok: false, error_code: 500, description: String(err) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    delivered,
    setFault(f) {
      fault = f
    },
    pushUpdate(update) {
      const id = nextUpdateId++
      updates.push({ ...update, update_id: id })
      wakePollers()
      return id
    },
    waitFor(predicate, timeoutMs = 15_000) {
      const found = calls.find(predicate)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const watcher = {
          predicate,
          resolve: (c: ApiCall) => {
            clearTimeout(timer)
            resolve(c)
          },
        }
        const timer = setTimeout(() => {
          watchers.delete(watcher)
          reject(new Error(`fake-bot-api: no matching call within ${timeoutMs} ms; calls so far: ${calls.map((c) => c.method).join(', ')}`))
        }, timeoutMs)
        watchers.add(watcher)
      })
    },
    webhooks,
    async postUpdate(url, update, updateId) {
      const id = updateId ?? nextUpdateId++
      const secret = webhooks.get(url)
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify({ ...update, update_id: id }),
      })
      await res.arrayBuffer()
      return { updateId: id, status: res.status }
    },
    addFile(bytes) {
      const id = `file-${files.size + 1}`
      files.set(id, Buffer.from(bytes))
      return id
    },
    hold(predicate) {
      holds.push(predicate)
    },
    maxSendsPerSecond(predicate = () => true) {
      const times = calls.filter((c) => c.method === 'sendMessage' && predicate(c)).map((c) => c.at ?? 0)
      let max = 0
      for (let lo = 0, hi = 0; hi < times.length; hi++) {
        while (times[hi]! - times[lo]! >= 1000) lo++
        max = Math.max(max, hi - lo + 1)
      }
      return max
    },
    async close() {
      for (const p of pollers) p.respond([])
      pollers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
