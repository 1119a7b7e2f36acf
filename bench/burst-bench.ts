/**
 * Burst benchmark, in its own process: the whole bot (`createBot`, the real
 * library over the seeds, the file stores of production in a fresh DATA_DIR)
 * answers BURSTS bursts of SIZE distinct searches from as many users, handled
 * concurrently as the runner does, and prints replies per second of each burst
 * and the peak RSS. Telegram is a local stand-in that answers every call at
 * once, and Telegram's 30 messages/s limit is lifted: this measures what the
 * bot itself can do (a real Telegram would cap replies at its own rate).
 *
 *   node --import tsx bench/burst-bench.ts [BURSTS] [SIZE]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RawApi, Transformer } from 'grammy'
import type { Update } from 'grammy/types'
import { BOT_INFO } from '../src/bot/bot-info.js'
import { createBot } from '../src/bot/create-bot.js'
import { createBotDeps, type ChatSettings } from '../src/bot/deps.js'
import type { SavedSearch } from '../src/bot/helpers/search-memory.js'
import { systemClock } from '../src/clock.js'
import { parseConfig } from '../src/config.js'
import { createDigest } from '../src/digest/create-digest.js'
import { openLibrary } from '../src/library/library.js'
import { silentLogger } from '../src/logger.js'
import { JsonFileStore } from '../src/store/file-store.js'
import { JsonLinesStore } from '../src/store/lines-store.js'
import { Throttle, TELEGRAM_LIMITS } from '../src/telegram/throttle.js'

const bursts = Number(process.argv[2] ?? 5)
const size = Number(process.argv[3] ?? 3000)
const dataDir = mkdtempSync(join(tmpdir(), 'burst-bench-'))
const config = parseConfig({ BOT_TOKEN: '123456:BENCH-token-abcdefghijklmnopqrstu', SEEDS_DIR: 'seeds', DATA_DIR: dataDir })
const library = await openLibrary({ seedsDir: 'seeds', dataDir, logger: silentLogger })
const chatSettings = new JsonFileStore<ChatSettings>(join(dataDir, 'chat-settings.json'))
const savedSearches = new JsonLinesStore<SavedSearch>(join(dataDir, 'searches.jsonl'))
const digest = await createDigest({ config, library, logger: silentLogger })
const deps = createBotDeps({ config, library, logger: silentLogger, digest: digest.service, chatSettings, savedSearches })

let replies = 0
let messageId = 0
/** Telegram, answering at once. */
const telegram: Transformer<RawApi> = async (_prev, method, payload) => {
  if (method === 'sendMessage') replies++
  const chatId = Number((payload as { chat_id?: number }).chat_id)
  return { ok: true, result: { message_id: ++messageId, date: 0, chat: { id: chatId, type: 'private', first_name: 'u' } } } as never
}
const unlimited = new Throttle(systemClock, { ...TELEGRAM_LIMITS, perSecond: 1_000_000, replyReserve: 0 })
const bot = createBot(deps, { botInfo: BOT_INFO, apiTransformers: [telegram], throttle: unlimited })

const topics = ['黄河', '铜业', '科技', '煤炭', '创新', '会议', '昆明', '生态', '质量', '发展']
let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
let updateId = 0
const lines: string[] = []
for (let b = 0; b < bursts; b++) {
  const updates: Update[] = Array.from({ length: size }, (_, i) => {
    const user = b * size + i + 1
    const text = `/search ${topics[i % topics.length]} ${b}-${i}`
    return {
      update_id: ++updateId,
      message: {
        message_id: updateId,
        date: 0,
        chat: { id: user, type: 'private', first_name: 'u' },
        from: { id: user, is_bot: false, first_name: 'u' },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      },
    }
  })
  const before = replies
  const started = performance.now()
  // Up to 500 at a time, as grammY runner's sink allows by default.
  let next = 0
  await Promise.all(
    Array.from({ length: 500 }, async () => {
      while (next < updates.length) await bot.handleUpdate(updates[next++]!)
    }),
  )
  const seconds = (performance.now() - started) / 1000
  lines.push(
    `burst ${b + 1}: ${size} distinct searches, ${replies - before} replies in ${seconds.toFixed(2)} s = ${((replies - before) / seconds).toFixed(0)} replies/s`,
  )
}
clearInterval(sampler)
await savedSearches.close()
await digest.stop()
await library.close()
rmSync(dataDir, { recursive: true, force: true })
for (const line of lines) process.stdout.write(`${line}\n`)
process.stdout.write(
  `burst peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB (heap after: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB)\n`,
)
