/**
 * The admin feature inside the whole bot (`createBot`): its commands, buttons
 * and uploads reach it, and what is not its business reaches the other features.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { callbackQuery, command, documentMessage, TEST_TOKEN, users } from '../helpers/bot-harness.js'
import { manyArticles, openTestLibrary, type TestCorpus } from '../helpers/articles.js'
import { createTestBot } from '../helpers/test-bot.js'

const ARTICLE =
  '国家重点研发计划“智能传感器”重点专项启动会在合肥召开\n来源：科技日报\n2024年6月1日，重点专项启动会在合肥召开，会议介绍了专项总体目标和年度任务。'

const corpora: TestCorpus[] = []

/** The whole bot with alice as its admin, on a corpus of its own (admins change it). */
async function adminBot(corpus?: TestCorpus) {
  const own = corpus ?? (await openTestLibrary())
  corpora.push(own)
  const t = await createTestBot({ corpus: own, config: { adminIds: [users.alice.id] } })
  const reload = vi.spyOn(t.library, 'reload')
  const addArticle = vi.spyOn(t.library, 'addArticle')
  return { ...t, reload, addArticle }
}

afterEach(async () => {
  vi.unstubAllGlobals()
  for (const c of corpora.splice(0)) await c.close()
})

describe('admin feature in the whole bot', () => {
  it('refuses /reload to a non-admin and never reloads', async () => {
    const t = await adminBot()
    await t.bot.handleUpdate(command('reload', '', { from: users.carol }))
    expect(t.api.texts()).toEqual(['⛔ This command is for administrators only.'])
    expect(t.reload).not.toHaveBeenCalled()
  })

  it('downloads an admin upload from the Bot API file endpoint and adds it', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request) => new Response(ARTICLE))
    vi.stubGlobal('fetch', fetch)
    const t = await adminBot()
    await t.bot.handleUpdate(documentMessage({ file_id: 'DOC1', file_name: 'news.txt' }))
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0]?.[0]).toBe(`https://api.telegram.org/file/bot${TEST_TOKEN}/documents/DOC1.txt`)
    expect(t.addArticle).toHaveBeenCalledTimes(1)
    expect(t.api.texts().at(-1)).toMatch(/^✅ 已添加文章/)
  })

  it('leaves a non-admin’s document to the rest of the bot, downloading nothing', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const t = await adminBot()
    await t.bot.handleUpdate(documentMessage({ file_name: 'news.txt' }, { from: users.carol }))
    expect(fetch).not.toHaveBeenCalled()
    expect(t.addArticle).not.toHaveBeenCalled()
    expect(t.api.texts()).toHaveLength(1)
    expect(t.api.texts()[0]).not.toMatch(/^❌|^✅/)
  })

  it('turns /articles pages with its own buttons', async () => {
    const t = await adminBot(await openTestLibrary(manyArticles(15)))
    await t.bot.handleUpdate(command('articles'))
    expect(t.api.texts().at(-1)).toContain('第 1/2 页')
    await t.bot.handleUpdate(callbackQuery('al:2'))
    expect(t.api.last('editMessageText')?.payload.text).toContain('第 2/2 页')
  })

  it('answers /stats in the admin’s Telegram language', async () => {
    const t = await createTestBot({ config: { adminIds: [users.carol.id] } })
    await t.bot.handleUpdate(command('stats', '', { from: users.carol }))
    expect(t.api.texts().at(-1)).toContain('📊 <b>Statistics</b>\nArticles: 5')
  })
})
