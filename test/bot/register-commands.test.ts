import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { Api } from 'grammy'
import { BOT_COMMANDS } from '../../src/bot/create-bot.js'
import { ADMIN_COMMANDS } from '../../src/bot/features/admin/index.js'
import { registerCommands } from '../../src/bot/register-commands.js'
import { TEST_TOKEN } from '../helpers/bot-harness.js'
import { recordApi } from '../helpers/fake-telegram.js'

describe('registerCommands', () => {
  it('publishes Chinese and English menus for everyone', async () => {
    const api = new Api(TEST_TOKEN)
    const calls = recordApi(api)
    await registerCommands(api, BOT_COMMANDS, [], pino({ level: 'silent' }))
    const menus = calls.callsOf('setMyCommands')
    expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, 'zh', 'en'])
    expect(menus[1]!.payload.commands.map((c: { command: string; description: string }) => c.command)).toEqual(
      expect.arrayContaining(['start', 'help', 'search', 'read', 'lang']),
    )
    expect(menus[1]!.payload.commands.find((c: { command: string; description: string }) => c.command === 'search').description).toContain(
      '搜索文章',
    )
    expect(menus[2]!.payload.commands.find((c: { command: string; description: string }) => c.command === 'search').description).toContain(
      'Search articles',
    )
  })

  it("adds the admin commands to each admin's private chat", async () => {
    const api = new Api(TEST_TOKEN)
    const calls = recordApi(api)
    await registerCommands(api, BOT_COMMANDS, [11, 22], pino({ level: 'silent' }))
    const scoped = calls.callsOf('setMyCommands').filter((c) => c.payload.scope)
    expect(scoped.map((c) => c.payload.scope.chat_id)).toEqual([11, 11, 22, 22])
    const names = scoped[0]!.payload.commands.map((c: { command: string; description: string }) => c.command)
    for (const c of ADMIN_COMMANDS) expect(names).toContain(c.command)
  })

  it('logs a warning instead of crashing when Telegram refuses', async () => {
    const api = new Api(TEST_TOKEN)
    const calls = recordApi(api)
    calls.failNext('setMyCommands', 400, 'Bad Request: BOT_COMMAND_INVALID')
    const lines: Array<Record<string, any>> = []
    const logger = pino({ level: 'warn' }, { write: (s: string) => void lines.push(JSON.parse(s)) })
    await expect(registerCommands(api, BOT_COMMANDS, [], logger)).resolves.toBeUndefined()
    expect(lines).toHaveLength(1)
    expect(lines[0]!.msg).toContain('setMyCommands failed')
    expect(calls.callsOf('setMyCommands')).toHaveLength(3)
  })
})
