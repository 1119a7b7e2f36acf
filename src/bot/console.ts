import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { RawApi, Transformer } from 'grammy'
import type { InlineKeyboardButton, Message, Update, User, UserFromGetMe } from 'grammy/types'
import { BOT_INFO } from './bot-info.js'
import { createBot } from './create-bot.js'
import type { BotDeps } from './deps.js'

/** Who the console pretends the bot is; `getMe` is never called. */
const CONSOLE_BOT_INFO: UserFromGetMe = BOT_INFO

/** The person typing, in a private chat with the bot. */
const CONSOLE_USER: User = { id: 10_000, is_bot: false, first_name: '你', language_code: 'zh-hans' }

export interface ConsoleIo {
  input: Readable
  /** Replies go here. */
  output: Writable
  /** The banner and hints go here, so `output` holds only the conversation. */
  info: Writable
  /** Bold with ANSI codes (a terminal) or `**markers**` (a pipe or file). */
  ansi: boolean
}

/** A button as printed, with its number. */
interface NumberedButton {
  button: InlineKeyboardButton
  /** The message the keyboard belongs to, for `callback_query.message`. */
  message: Message
}

const BANNER = [
  '科技新闻机器人 · 本地控制台 (no BOT_TOKEN: nothing is sent to Telegram)',
  '  /search 黄河          搜索 / search',
  '  中国铜业的会议在哪里召开？  直接提问 / ask a question',
  '  1, 2, …               按下上一条消息的第 n 个按钮 / press button n',
  '  inline 黄河           内联查询 / inline query',
  '  /help  /lang  /read <id>    Ctrl-D 退出 / exit',
  '',
].join('\n')

/**
 * Turns Telegram HTML into terminal text: `<b>` bold (ANSI or `**`), `<i>` and
 * `<code>` plain, other tags dropped, entities decoded.
 * @example htmlToTerminal('<b>黄河</b> &amp; 长江', false) === '**黄河** & 长江'
 */
export function htmlToTerminal(html: string, ansi: boolean): string {
  return html
    .replace(/<\/?(b|strong)>/g, (tag) => (ansi ? (tag.startsWith('</') ? '\x1b[22m' : '\x1b[1m') : '**'))
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/**
 * The local console: the same bot (`createBot`, same handlers), fed with
 * updates made from typed lines via `handleUpdate`; a transformer prints every
 * outgoing call readably and answers it locally. Reads until end of input, so
 * it can be scripted: `printf '/search 黄河\n' | npm start`.
 */
export async function runConsole(deps: BotDeps, io: ConsoleIo): Promise<void> {
  let messageId = 0
  let updateId = 0
  let lastKeyboard: NumberedButton[] = []
  const chat = { id: CONSOLE_USER.id, type: 'private' as const, first_name: CONSOLE_USER.first_name }
  const write = (text: string) => void io.output.write(`${text}\n`)

  const botMessage = (text: string, id = ++messageId): Message => ({
    message_id: id,
    date: Math.floor(deps.now().getTime() / 1000),
    chat,
    from: CONSOLE_BOT_INFO,
    text,
  })

  const printKeyboard = (markup: unknown, message: Message) => {
    const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard
    if (!rows?.length) return
    lastKeyboard = []
    for (const row of rows) {
      const cells = row.map((button) => {
        lastKeyboard.push({ button, message })
        return `[${lastKeyboard.length}] ${button.text}`
      })
      write(`  ${cells.join('   ')}`)
    }
  }

  const printer: Transformer<RawApi> = async (_prev, method, payload) => {
    // Every payload field we read is a plain JSON value.
    const p = (payload ?? {}) as Record<string, unknown>
    const raw = typeof p.text === 'string' ? p.text : ''
    const text = htmlToTerminal(raw, io.ansi)
    let result: unknown = true
    switch (method) {
      case 'sendMessage': {
        const message = botMessage(raw)
        write(`\n🤖 ${text}`)
        printKeyboard(p.reply_markup, message)
        result = message
        break
      }
      case 'editMessageText': {
        const message = botMessage(raw, Number(p.message_id))
        write(`\n🤖 (已更新 / edited #${Number(p.message_id)})\n${text}`)
        printKeyboard(p.reply_markup, message)
        result = message
        break
      }
      case 'answerCallbackQuery':
        if (raw) write(`\n💬 ${raw}`)
        break
      case 'answerInlineQuery': {
        const results = (p.results ?? []) as Array<{ title?: string; description?: string }>
        write(`\n🔍 inline: ${results.length} 条 / results`)
        results.forEach((r, i) => write(`  ${i + 1}. ${r.title ?? ''}\n     ${r.description ?? ''}`))
        break
      }
      case 'getMe':
        result = CONSOLE_BOT_INFO
        break
      case 'sendChatAction':
        break
      default:
        write(`\n· ${method} ${JSON.stringify(p).slice(0, 200)}`)
    }
    return { ok: true, result } as never
  }

  const bot = createBot(deps, { botInfo: CONSOLE_BOT_INFO, apiTransformers: [printer] })

  const entitiesFor = (text: string) => {
    const command = /^\/\w+(@\w+)?/.exec(text)
    return command ? [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] : undefined
  }

  const toUpdate = (line: string): Update | undefined => {
    if (/^\d+$/.test(line)) {
      const pressed = lastKeyboard[Number(line) - 1]
      if (!pressed) {
        io.info.write(`没有第 ${line} 个按钮 / no button ${line}\n`)
        return undefined
      }
      const { button, message } = pressed
      if ('callback_data' in button) {
        return {
          update_id: ++updateId,
          callback_query: {
            id: `console-${updateId}`,
            from: CONSOLE_USER,
            chat_instance: 'console',
            data: button.callback_data,
            message,
          },
        }
      }
      if ('url' in button) {
        // Deep links to this bot (t.me/<bot>?start=…) behave like /start with that payload.
        const start = /[?&]start=([\w-]+)/.exec(button.url)
        if (start) return toUpdate(`/start ${start[1]}`)
        write(`\n🔗 ${button.url}`)
      }
      return undefined
    }
    const inline = /^inline(?:\s+(.*))?$/i.exec(line)
    if (inline) {
      return {
        update_id: ++updateId,
        inline_query: { id: `console-${updateId}`, from: CONSOLE_USER, query: inline[1] ?? '', offset: '', chat_type: 'sender' },
      }
    }
    const entities = entitiesFor(line)
    return {
      update_id: ++updateId,
      message: {
        message_id: ++messageId,
        date: Math.floor(deps.now().getTime() / 1000),
        chat,
        from: CONSOLE_USER,
        text: line,
        ...(entities ? { entities } : {}),
      },
    }
  }

  io.info.write(BANNER)
  const lines = createInterface({ input: io.input, terminal: false })
  for await (const raw of lines) {
    const line = raw.trim()
    if (line === '') continue
    if (io.ansi) write(`\n👤 ${line}`)
    else write(`\n> ${line}`)
    const update = toUpdate(line)
    // Sequential on purpose: a scripted session reads like a conversation.
    if (update) await bot.handleUpdate(update)
  }
}
