/**
 * The one fake Telegram of the unit tests: a transformer that records every
 * outgoing Bot API call and answers it locally with plausible results, never
 * touching the network. Installed beneath the bot's retry policy (as the
 * network would be), it can also refuse or drop calls the way Telegram and the
 * network do: 429, 403, 5xx, a group upgraded to a supergroup, no answer at
 * all, a message delivered but its answer lost, or a process that dies mid-call.
 * Deliveries are timestamped on the test's clock, so send rates can be checked.
 * (End-to-end tests run the real process against the HTTP fake in `test/fake-bot-api/`.)
 *
 * @example
 *   const telegram = createFakeTelegram()
 *   const bot = createBot(deps, { botInfo, apiTransformers: [telegram.transformer] })
 *   await bot.handleUpdate(command('search', '黄河'))
 *   expect(telegram.last('sendMessage')?.payload.text).toContain('<b>黄河</b>')
 */
import { HttpError, type Api, type RawApi, type Transformer } from 'grammy'
import type { Chat, Message } from 'grammy/types'
import { botInfo } from './bot-harness.js'

/** One recorded outgoing call. */
export interface ApiCall {
  method: string
  // Payloads are plain JSON objects; tests read fields off them freely.
  payload: Record<string, any>
  /** When the HTTP fake received it (ms since epoch). */
  at?: number
  /** The HTTP fake's caller's port (tells two processes apart). */
  port?: number
}

/** What Telegram (or the network) does with one call instead of answering it normally. */
export type Fault =
  | { kind: '429'; retryAfter: number }
  /** The chat blocked the bot (or kicked it); every later send to it is refused too. */
  | { kind: '403' }
  /** The group became a supergroup; later sends to the old id are refused the same way. */
  | { kind: 'migrate'; to: number }
  | { kind: '500' }
  /** No connection could be made: nothing reached Telegram. */
  | { kind: 'refused' }
  /** The message reached Telegram, then the connection reset before the answer. */
  | { kind: 'delivered-then-reset' }
  /** The process dies: this message reaches Telegram, but the call never returns, nor does any later one. */
  | { kind: 'crash' }

/** A message that reached the (fake) chat. */
export interface Delivered {
  chatId: number
  text: string
  /** Clock time of the send (ms). */
  at: number
}

export type Responder = (payload: ApiCall['payload'], call: ApiCall) => unknown

export interface FakeTelegramOptions {
  /** Custom results per method (a function of the payload), overriding the defaults. */
  responders?: Record<string, Responder>
  /** The `getChatMember` status to answer with (default `member`). */
  chatMemberStatus?: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked'
  /** A fault for a call, by its number among calls of that method to that chat (1-based). */
  fault?: (call: ApiCall, attempt: number) => Fault | undefined
  /** Timestamps deliveries (default: `Date.now`). */
  clock?: { now(): number }
}

export interface FakeTelegram {
  /** Every outgoing call, in order, refused ones included. */
  calls: ApiCall[]
  /** Messages that reached a chat (sendMessage), in order. */
  delivered: Delivered[]
  callsOf(method: string): ApiCall[]
  last(method: string): ApiCall | undefined
  /** The `text` of every sendMessage/editMessageText, in order ("what did the user see"). */
  texts(): string[]
  clear(): void
  /** Makes the next call of `method` fail with this Telegram error (queued; one per call). */
  failNext(method: string, error_code: number, description: string, retry_after?: number): void
  /** Makes the next call of `method` get no answer (an `HttpError` in grammY); nothing is delivered. */
  networkFailNext(method: string): void
  respond(method: string, responder: Responder): void
  /** Messages delivered per chat. */
  countByChat(): Map<number, number>
  /** The most messages delivered in any window of `windowMs`. */
  maxInWindow(windowMs: number): number
  /** The most messages any single group got in any minute. */
  maxPerGroupPerMinute(): number
  /** Resolves when a `crash` fault fires. */
  crashed: Promise<void>
  transformer: Transformer<RawApi>
}

/** Installs a fake Telegram on an `Api` (outermost: nothing else sees its answers). */
export function recordApi(api: Api, options: FakeTelegramOptions = {}): FakeTelegram {
  const telegram = createFakeTelegram(options)
  api.config.use(telegram.transformer)
  return telegram
}

const telegramError = (error_code: number, description: string, parameters?: Record<string, number>) => ({
  ok: false as const,
  error_code,
  description,
  ...(parameters ? { parameters } : {}),
})

/** A fake Telegram that is not installed anywhere yet. */
export function createFakeTelegram(options: FakeTelegramOptions = {}): FakeTelegram {
  const calls: ApiCall[] = []
  const delivered: Delivered[] = []
  const responders: Record<string, Responder> = { ...defaultResponders(options), ...options.responders }
  const queued = new Map<string, Array<ReturnType<typeof telegramError> | 'network'>>()
  const attempts = new Map<string, number>()
  const blocked = new Set<number>()
  const migrated = new Map<number, number>()
  const now = () => options.clock?.now() ?? Date.now()
  let dead = false
  let onCrash!: () => void
  const crashed = new Promise<void>((resolve) => (onCrash = resolve))
  let messageId = 1000

  const deliver = (payload: ApiCall['payload']) => {
    delivered.push({ chatId: Number(payload.chat_id), text: String(payload.text), at: now() })
  }
  const reset = (method: string) =>
    new HttpError(`Network request for '${method}' failed!`, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))

  const transformer: Transformer<RawApi> = async (_prev, method, payload) => {
    if (dead) return new Promise<never>(() => undefined)
    const call: ApiCall = { method, payload: cloneSafe(payload ?? {}) }
    calls.push(call)
    const next = queued.get(method)?.shift()
    if (next === 'network') throw reset(method)
    if (next) return next
    const chatId = Number(call.payload.chat_id)
    const key = `${method}|${chatId}`
    const attempt = (attempts.get(key) ?? 0) + 1
    attempts.set(key, attempt)
    if (method === 'sendMessage') {
      if (blocked.has(chatId)) return telegramError(403, 'Forbidden: bot was blocked by the user')
      const to = migrated.get(chatId)
      if (to !== undefined)
        return telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: to })
    }
    const fault = options.fault?.(call, attempt)
    switch (fault?.kind) {
      case '429':
        return telegramError(429, `Too Many Requests: retry after ${fault.retryAfter}`, { retry_after: fault.retryAfter })
      case '403':
        blocked.add(chatId)
        return telegramError(403, 'Forbidden: bot was kicked from the group chat')
      case 'migrate':
        migrated.set(chatId, fault.to)
        return telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: fault.to })
      case '500':
        return telegramError(500, 'Internal Server Error')
      case 'refused':
        throw new HttpError(
          `Network request for '${method}' failed!`,
          Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        )
      case 'delivered-then-reset':
        if (method === 'sendMessage') deliver(call.payload)
        throw reset(method)
      case 'crash':
        if (method === 'sendMessage') deliver(call.payload)
        dead = true
        onCrash()
        return new Promise<never>(() => undefined)
    }
    if (method === 'sendMessage') deliver(call.payload)
    const responder = responders[method]
    return { ok: true, result: responder ? responder(call.payload, call) : true } as never
  }

  const push = (method: string, item: ReturnType<typeof telegramError> | 'network') => {
    const list = queued.get(method) ?? []
    list.push(item)
    queued.set(method, list)
  }

  return {
    calls,
    delivered,
    callsOf: (method) => calls.filter((c) => c.method === method),
    last: (method) => calls.filter((c) => c.method === method).at(-1),
    texts: () => calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.payload.text)),
    clear: () => void calls.splice(0, calls.length),
    failNext: (method, error_code, description, retry_after) =>
      push(method, telegramError(error_code, description, retry_after !== undefined ? { retry_after } : undefined)),
    networkFailNext: (method) => push(method, 'network'),
    respond: (method, responder) => {
      responders[method] = responder
    },
    countByChat: () => {
      const m = new Map<number, number>()
      for (const d of delivered) m.set(d.chatId, (m.get(d.chatId) ?? 0) + 1)
      return m
    },
    maxInWindow: (windowMs) =>
      maxInWindow(
        delivered.map((d) => d.at),
        windowMs,
      ),
    maxPerGroupPerMinute: () => {
      const byChat = new Map<number, number[]>()
      for (const d of delivered) if (d.chatId < 0) byChat.set(d.chatId, [...(byChat.get(d.chatId) ?? []), d.at])
      return Math.max(0, ...[...byChat.values()].map((times) => maxInWindow(times, 60_000)))
    },
    crashed,
    transformer,
  }

  function defaultResponders(opts: FakeTelegramOptions): Record<string, Responder> {
    const message = (p: ApiCall['payload'], extra: Partial<Message> = {}): Message => ({
      message_id: ++messageId,
      date: 1_717_000_000,
      chat: chatFromId(p.chat_id),
      from: botInfo,
      ...(p.text !== undefined ? { text: String(p.text) } : {}),
      ...extra,
    })
    return {
      getMe: () => botInfo,
      sendMessage: (p) => message(p),
      sendDocument: (p) => message(p, { document: { file_id: 'doc-file', file_unique_id: 'doc-unique' } }),
      copyMessage: () => ({ message_id: ++messageId }),
      editMessageText: (p) => (p.inline_message_id ? true : message(p, { message_id: Number(p.message_id), edit_date: 1_717_000_100 })),
      editMessageReplyMarkup: (p) => (p.inline_message_id ? true : message(p, { message_id: Number(p.message_id) })),
      getChatMember: (p) => ({
        status: opts.chatMemberStatus ?? 'member',
        user: { id: Number(p.user_id), is_bot: false, first_name: 'member' },
      }),
      getChat: (p) => chatFromId(p.chat_id),
      getFile: (p) => ({ file_id: p.file_id, file_unique_id: `${p.file_id}-u`, file_size: 1024, file_path: `documents/${p.file_id}.txt` }),
      getUpdates: () => [],
      getMyCommands: () => [],
    }
  }
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let max = 0
  let lo = 0
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++
    max = Math.max(max, hi - lo + 1)
  }
  return max
}

function chatFromId(chatId: unknown): Chat {
  const id = Number(chatId)
  if (id < 0) return { id, type: 'supergroup', title: 'group' }
  return { id, type: 'private', first_name: 'user' }
}

function cloneSafe(value: unknown): ApiCall['payload'] {
  // Payloads may contain InputFile streams that structuredClone cannot copy; keep those by reference.
  try {
    return structuredClone(value) as ApiCall['payload']
  } catch {
    return { ...(value as object) } as ApiCall['payload']
  }
}
