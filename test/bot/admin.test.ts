import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ADMIN_COMMANDS } from '../../src/bot/features/admin/index.js'
import { articleFile, COPPER, DEFAULT_ARTICLES, HOSTILE, manyArticles, YELLOW_RIVER } from '../helpers/articles.js'
import { callbackQuery, command, documentMessage, groupChat, messageObject, privateMessage } from '../helpers/bot-harness.js'
import { admin, adminHarness, closeHarnesses, stranger, utf8 } from './admin-helpers.js'

afterEach(closeHarnesses)

const NEW_ARTICLE = [
  '国家重点研发计划“智能传感器”重点专项启动会在合肥召开',
  '来源：科技日报',
  '2024年6月1日，国家重点研发计划“智能传感器”重点专项启动会在合肥召开。会议介绍了专项总体目标和年度任务。',
  '与会专家表示，要加快突破高端传感器芯片设计与制造关键技术，推动产学研深度融合。',
].join('\n')

/** Waits for a background reply whose text contains `part`, and returns it. */
async function replyContaining(h: { api: { texts(): string[] } }, part: string): Promise<string> {
  return vi.waitFor(
    () => {
      const t = h.api.texts().find((x) => x.includes(part))
      if (!t) throw new Error(`no reply containing "${part}" yet; replies: ${JSON.stringify(h.api.texts())}`)
      return t
    },
    { timeout: 5000 },
  )
}

describe('admin permissions', () => {
  const commands: Array<[string, string]> = [
    ['reload', ''],
    ['add', NEW_ARTICLE],
    ['articles', ''],
    ['remove', 'a1b2c3d4'],
    ['stats', ''],
  ]

  it.each(commands)('refuses /%s to a non-admin without touching the library', async (name, args) => {
    const h = await adminHarness()
    await h.send(command(name, args, { from: stranger }))
    expect(h.api.texts()).toEqual(['⛔ 此命令仅限管理员使用。'])
    expect(h.library.touched).toEqual([])
    expect(h.logs.some((l) => l.user === stranger.id && l.action === name && l.msg.includes('refused'))).toBe(true)
  })

  it.each(commands)('refuses /%s to a non-admin in a group too', async (name, args) => {
    const h = await adminHarness()
    await h.send(command(name, args, { from: stranger, chat: groupChat, mention: true }))
    expect(h.api.texts()).toEqual(['⛔ 此命令仅限管理员使用。'])
    expect(h.library.touched).toEqual([])
  })

  it('answers the refusal in the language of the chat', async () => {
    const h = await adminHarness()
    h.locale = 'en'
    await h.send(command('stats', '', { from: stranger }))
    expect(h.api.texts()).toEqual(['⛔ This command is for administrators only.'])
  })

  it('asks an admin to use a private chat when an admin command is sent in a group', async () => {
    const h = await adminHarness()
    await h.send(command('articles', '', { chat: groupChat, mention: true }))
    expect(h.api.texts()).toEqual(['🔒 管理命令请在与机器人的私聊中使用。'])
    expect(h.library.touched).toEqual([])
  })

  it.each(['rmc:a1b2c3d4', 'rmx', 'al:2'])('refuses the %s button to a non-admin with an alert', async (data) => {
    const h = await adminHarness()
    await h.send(callbackQuery(data, { from: stranger }))
    expect(h.api.last('answerCallbackQuery')?.payload).toMatchObject({ show_alert: true, text: '⛔ 此命令仅限管理员使用。' })
    expect(h.api.callsOf('editMessageText')).toEqual([])
    expect(h.library.touched).toEqual([])
    expect(h.library.listArticles()).toHaveLength(DEFAULT_ARTICLES.length)
  })

  it('leaves documents sent by non-admins to the rest of the bot', async () => {
    const h = await adminHarness()
    await h.send(documentMessage({ file_name: 'news.txt' }, { from: stranger }))
    expect(h.passedOn).toBe(1)
    expect(h.api.calls).toEqual([])
    expect(h.download).not.toHaveBeenCalled()
    expect(h.library.touched).toEqual([])
  })

  it('lists every admin command for the admin-only command menu', () => {
    expect(ADMIN_COMMANDS.map((c) => c.command)).toEqual(['reload', 'add', 'articles', 'remove', 'stats'])
    for (const c of ADMIN_COMMANDS) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/)
      expect(c.audience).toBe('admin')
      expect(c.description.zh.length).toBeGreaterThan(0)
      expect(c.description.en.length).toBeGreaterThan(0)
    }
  })

  it('logs every admin action with the admin id', async () => {
    const h = await adminHarness()
    await h.send(command('articles'))
    await h.send(command('stats'))
    await h.send(command('remove', h.corpus.idOf(YELLOW_RIVER)))
    await h.send(callbackQuery('rmc:' + h.corpus.idOf(YELLOW_RIVER)))
    const actions = h.logs.filter((l) => l.admin === admin.id).map((l) => l.action)
    expect(actions).toEqual(['articles', 'stats', 'remove-ask', 'remove'])
  })
})

describe('/reload', () => {
  it('reports articles added, changed and removed, skipped files with reasons, and the time taken', async () => {
    const h = await adminHarness()
    const dir = h.corpus.seedsDir
    writeFileSync(
      join(dir, 'new.txt'),
      articleFile({
        ...COPPER,
        file: 'new.txt',
        title: '2024年全国科技工作会议在京召开',
        paragraphs: ['1月12日，2024年全国科技工作会议在北京召开，会议总结了2023年科技工作。'],
      }),
    )
    writeFileSync(
      join(dir, COPPER.file),
      articleFile({ ...COPPER, paragraphs: [...COPPER.paragraphs, '会议还表彰了一批科技创新先进集体。'] }),
    )
    rmSync(join(dir, YELLOW_RIVER.file))
    writeFileSync(join(dir, 'broken.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
    await h.send(command('reload'))
    expect(h.api.texts()[0]).toBe('🔄 正在重新加载文章目录…')
    const report = await replyContaining(h, '重新加载完成')
    expect(report).toMatch(/用时 \d/)
    expect(report).toContain('新增 1 · 更新 1 · 删除 1 · 跳过 1')
    expect(report).toContain('2024年全国科技工作会议在京召开')
    expect(report).toContain(COPPER.title)
    expect(report).toContain(YELLOW_RIVER.title)
    expect(report).toMatch(/<code>broken\.txt<\/code> — \S/)
    expect(h.api.last('sendMessage')?.payload.parse_mode).toBe('HTML')
  })

  it('says so when nothing changed', async () => {
    const h = await adminHarness()
    h.locale = 'en'
    await h.send(command('reload'))
    const report = await replyContaining(h, 'Reload finished')
    expect(report).toMatch(/in \d+(\.\d)? m?s/)
    expect(report).toContain('No changes.')
  })

  it('writes the report in Traditional Chinese for zh-Hant chats, leaving titles as they are', async () => {
    const h = await adminHarness()
    h.locale = 'zh-Hant'
    writeFileSync(
      join(h.corpus.seedsDir, 'new.txt'),
      articleFile({
        ...COPPER,
        file: 'new.txt',
        title: '国家重点研发计划启动会',
        paragraphs: ['6月1日，国家重点研发计划重点专项启动会在合肥召开。'],
      }),
    )
    await h.send(command('reload'))
    const report = await replyContaining(h, '重新加載完成')
    expect(report).toContain('新增：')
    expect(report).toContain('国家重点研发计划启动会')
  })

  it('keeps the bot answering while a reload runs, and tells a second /reload that it waits', async () => {
    const h = await adminHarness()
    const release = h.library.holdReloads()
    await h.send(command('reload'))
    expect(h.library.reloading).toBe(true)

    // Other commands and searches are answered meanwhile, from the current index.
    await h.send(command('articles'))
    expect(h.api.texts().at(-1)).toContain('📚 文章共 5 篇')
    expect((await h.library.search('黄河')).total).toBeGreaterThan(0)

    await h.send(command('reload'))
    expect(h.api.texts().at(-1)).toBe('⏳ 已有一次重新加载正在进行。本次将在它结束后执行，完成后会告诉你结果。')
    expect(h.api.texts().filter((t) => t.includes('重新加载完成'))).toEqual([])

    release()
    await vi.waitFor(() => expect(h.api.texts().filter((t) => t.includes('重新加载完成'))).toHaveLength(2), { timeout: 5000 })
    expect(h.library.reloading).toBe(false)
    expect(h.logs.filter((l) => l.action === 'reload').map((l) => l.waiting)).toEqual([false, true])
  })

  it('tells the admin why a reload failed, and the old index keeps serving searches', async () => {
    const h = await adminHarness()
    h.library.failReload = new Error('library: cannot read SEEDS_DIR ./seeds (EACCES)')
    await h.send(command('reload'))
    const reply = await replyContaining(h, '重新加载失败')
    expect(reply).toBe('❌ 重新加载失败：library: cannot read SEEDS_DIR ./seeds (EACCES)\n原有索引继续提供服务，没有任何改动。')
    const result = await h.library.search('黄河 生态')
    expect(result.hits.map((x) => x.article.id)).toContain(h.corpus.idOf(YELLOW_RIVER))
    expect(h.logs.some((l) => l.action === 'reload-failed' && l.admin === admin.id)).toBe(true)
  })

  it('escapes markup in skipped file names', async () => {
    const h = await adminHarness()
    writeFileSync(join(h.corpus.seedsDir, '<i>x&y.txt'), new Uint8Array([0, 1, 2, 3]))
    await h.send(command('reload'))
    const report = await replyContaining(h, '跳过的文件')
    expect(report).toContain('<code>&lt;i&gt;x&amp;y.txt</code> — ')
    expect(report).not.toContain('<i>x')
  })
})

describe('adding an article by upload', () => {
  it('downloads the file by the path Telegram gives, indexes it, and shows title, date, source and excerpt', async () => {
    const h = await adminHarness({ download: async () => utf8(NEW_ARTICLE) })
    await h.send(documentMessage({ file_id: 'F1', file_name: '传感器.txt', file_size: 900 }))
    expect(h.api.last('getFile')?.payload.file_id).toBe('F1')
    expect(h.download).toHaveBeenCalledWith('documents/F1.txt')
    const reply = h.api.texts().at(-1)!
    expect(reply).toMatch(/^✅ 已添加文章 <code>[0-9a-f]{12}<\/code>/)
    expect(reply).toContain('标题：<b>国家重点研发计划“智能传感器”重点专项启动会在合肥召开</b>')
    expect(reply).toContain('日期：')
    expect(reply).toContain('来源：')
    expect(reply).toContain('<blockquote>')
    expect(h.library.touched).toEqual(['addArticle'])
    expect(h.logs.some((l) => l.action === 'add-done' && l.admin === admin.id)).toBe(true)
  })

  it('refuses a file over 1 MB by its declared size, without downloading it', async () => {
    const h = await adminHarness()
    h.locale = 'en'
    await h.send(documentMessage({ file_name: 'big.txt', file_size: 3 * 1024 * 1024 }))
    expect(h.api.texts()).toEqual(['❌ Not added <code>big.txt</code>: the file is 3.0 MB, over the 1.0 MB limit.'])
    expect(h.api.callsOf('getFile')).toEqual([])
    expect(h.download).not.toHaveBeenCalled()
    expect(h.library.touched).toEqual([])
  })

  it('refuses a file that turns out larger than 1 MB once downloaded', async () => {
    const h = await adminHarness({ download: async () => new Uint8Array(1024 * 1024 + 1).fill(0x41) })
    await h.send(documentMessage({ file_name: 'liar.txt', file_size: 100 }))
    expect(h.api.texts().at(-1)).toContain('超过 1.0 MB 的上限')
    expect(h.library.touched).toEqual([])
  })

  it.each([
    ['report.pdf', 'application/pdf'],
    ['article.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['article.txt', 'image/png'],
  ])('refuses %s (%s) as not a text file', async (file_name, mime_type) => {
    const h = await adminHarness()
    await h.send(documentMessage({ file_name, mime_type }))
    expect(h.api.texts().at(-1)).toContain('只接受 .txt 纯文本文件')
    expect(h.download).not.toHaveBeenCalled()
    expect(h.library.touched).toEqual([])
  })

  it('refuses a binary file disguised as .txt', async () => {
    const h = await adminHarness({ download: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) })
    await h.send(documentMessage({ file_name: 'photo.txt' }))
    expect(h.api.texts().at(-1)).toBe('❌ 未添加 <code>photo.txt</code>：这似乎是二进制文件，而不是文本。')
    expect(h.library.touched).toEqual([])
  })

  it('refuses an exact duplicate, naming the article already in the library', async () => {
    const h = await adminHarness({ download: async () => utf8(articleFile(YELLOW_RIVER)) })
    await h.send(documentMessage({ file_name: 'again.txt' }))
    expect(h.api.texts().at(-1)).toBe(
      `❌ 未添加：相同的文本已在库中——<b>${YELLOW_RIVER.title}</b>（<code>${h.corpus.idOf(YELLOW_RIVER)}</code>, ${YELLOW_RIVER.date}）。`,
    )
  })

  it('never uses a hostile file name as a path, and shows it escaped', async () => {
    const h = await adminHarness({ download: async () => utf8(NEW_ARTICLE) })
    await h.send(documentMessage({ file_id: 'F2', file_name: '../../etc/passwd.txt' }))
    expect(h.download).toHaveBeenCalledWith('documents/F2.txt')
    expect(h.library.touched).toEqual(['addArticle'])
    expect(h.api.texts().join('\n')).not.toContain('passwd')

    await h.send(documentMessage({ file_name: '<b>x</b>.exe', mime_type: 'application/x-msdownload' }))
    const refusal = h.api.texts().at(-1)!
    expect(refusal).toContain('<code>&lt;b&gt;x&lt;/b&gt;.exe</code>')
    expect(refusal).not.toContain('<b>x</b>')
  })

  it('shows a rendered reply without the user file name when the article is added', async () => {
    const h = await adminHarness({ download: async () => utf8(NEW_ARTICLE) })
    await h.send(documentMessage({ file_name: '<b>x</b>.txt' }))
    expect(h.api.texts().at(-1)).toMatch(/^✅/)
    expect(h.api.texts().join('\n')).not.toContain('<b>x</b>')
  })

  it('says the download failed without revealing the bot token', async () => {
    const h = await adminHarness({
      download: async () => {
        throw new Error('admin: download failed (HTTP 404)')
      },
    })
    await h.send(documentMessage({ file_name: 'a.txt' }))
    const reply = h.api.texts().at(-1)!
    expect(reply).toBe('❌ 无法下载文件：admin: download failed (HTTP 404)')
    expect(reply).not.toContain('TEST-TOKEN')
    expect(h.library.touched).toEqual([])
  })

  it('passes on the reason the library gives', async () => {
    const h = await adminHarness({ download: async () => utf8('太短') })
    await h.send(documentMessage({ file_name: 'short.txt' }))
    expect(h.api.texts().at(-1)).toMatch(/^❌ 未添加：\S/)
    expect(h.library.listArticles()).toHaveLength(DEFAULT_ARTICLES.length)
  })

  it('leaves documents in groups alone, even from an admin', async () => {
    const h = await adminHarness()
    await h.send(documentMessage({ file_name: 'a.txt' }, { chat: groupChat }))
    expect(h.passedOn).toBe(1)
    expect(h.api.calls).toEqual([])
  })
})

describe('/add', () => {
  it('adds the text of the message it replies to, first line as title', async () => {
    const h = await adminHarness()
    const original = messageObject(NEW_ARTICLE, { from: admin })
    await h.send(privateMessage('/add', { replyTo: original }))
    const reply = h.api.texts().at(-1)!
    expect(reply).toContain('<b>国家重点研发计划“智能传感器”重点专项启动会在合肥召开</b>')
    expect(h.library.listArticles().some((a) => a.title.startsWith('国家重点研发计划'))).toBe(true)
    expect(h.download).not.toHaveBeenCalled()
  })

  it('adds text given after the command', async () => {
    const h = await adminHarness()
    await h.send(privateMessage(`/add\n${NEW_ARTICLE}`))
    expect(h.api.texts().at(-1)).toMatch(/^✅ 已添加文章/)
    expect(h.library.touched).toEqual(['addArticle'])
  })

  it('adds a document it replies to, through the same checks as an upload', async () => {
    const h = await adminHarness({ download: async () => utf8(NEW_ARTICLE) })
    const upload = documentMessage({ file_id: 'F9', file_name: 'x.txt' }).message!
    await h.send(privateMessage('/add', { replyTo: upload }))
    expect(h.download).toHaveBeenCalledWith('documents/F9.txt')
    expect(h.api.texts().at(-1)).toMatch(/^✅/)
  })

  it('explains how to add an article when given nothing', async () => {
    const h = await adminHarness()
    h.locale = 'en'
    await h.send(command('add'))
    expect(h.api.texts().at(-1)).toContain('send a .txt file here')
    expect(h.library.touched).toEqual([])
  })
})

describe('/articles', () => {
  it('lists id, date and title, ten per page, with buttons to turn pages', async () => {
    const h = await adminHarness({ articles: [...DEFAULT_ARTICLES, ...manyArticles(20)] })
    h.locale = 'en'

    await h.send(command('articles'))
    const first = h.api.last('sendMessage')!.payload
    expect(first.text).toContain('📚 25 articles · page 1/3')
    expect(first.text).toContain(`• <code>${h.corpus.idOf(YELLOW_RIVER)}</code> · ${YELLOW_RIVER.date} · `)
    expect(first.text.match(/^• /gm)).toHaveLength(10)
    expect(first.reply_markup.inline_keyboard).toEqual([[{ text: 'Next ›', callback_data: 'al:2' }]])

    await h.send(callbackQuery('al:3', { message: messageObject('x', { message_id: 77 }) }))
    const last = h.api.last('editMessageText')!.payload
    expect(last.message_id).toBe(77)
    expect(last.text).toContain('page 3/3')
    expect(last.text.match(/^• /gm)).toHaveLength(5)
    expect(last.reply_markup.inline_keyboard).toEqual([[{ text: '‹ Previous', callback_data: 'al:2' }]])
    expect(h.api.callsOf('answerCallbackQuery')).toHaveLength(1)
  })

  it('jumps to a page given after the command, and escapes titles', async () => {
    const h = await adminHarness()
    await h.send(command('articles', '1'))
    const text = h.api.last('sendMessage')!.payload.text as string
    expect(text).toContain('&lt;b&gt;量子&lt;/b&gt;芯片 &amp; 测控系统')
    expect(text).not.toContain('<b>量子</b>')
    expect(h.api.last('sendMessage')!.payload.reply_markup).toBeUndefined()
  })

  it('says when the library is empty', async () => {
    const h = await adminHarness({ articles: [] })
    await h.send(command('articles'))
    expect(h.api.texts()).toEqual(['库中还没有文章。'])
  })
})

describe('/remove', () => {
  it('asks for confirmation first, then deletes the article when confirmed', async () => {
    const h = await adminHarness()
    const copper = h.corpus.idOf(COPPER)
    await h.send(command('remove', copper))
    const ask = h.api.last('sendMessage')!.payload
    expect(ask.text).toContain('🗑 确定要从磁盘和索引中删除这篇文章吗？')
    expect(ask.text).toContain(COPPER.title)
    expect(ask.reply_markup.inline_keyboard).toEqual([
      [
        { text: '删除', callback_data: `rmc:${copper}` },
        { text: '取消', callback_data: 'rmx' },
      ],
    ])
    expect(h.library.getArticle(copper)).toBeDefined()

    await h.send(callbackQuery(`rmc:${copper}`))
    expect(h.library.getArticle(copper)).toBeUndefined()
    const done = h.api.last('editMessageText')!.payload
    expect(done.text).toBe(`🗑 已删除 <b>${COPPER.title}</b>（<code>${copper}</code>）。`)
    expect(done.reply_markup).toBeUndefined()
    expect(h.logs.some((l) => l.action === 'remove' && l.admin === admin.id && l.id === copper)).toBe(true)
  })

  it('deletes nothing when cancelled', async () => {
    const h = await adminHarness()
    await h.send(command('remove', h.corpus.idOf(COPPER)))
    await h.send(callbackQuery('rmx'))
    expect(h.library.getArticle(h.corpus.idOf(COPPER))).toBeDefined()
    expect(h.library.touched).not.toContain('removeArticle')
    expect(h.api.last('editMessageText')!.payload.text).toBe('已取消，文章未删除。')
  })

  it('says so when the article is unknown or already deleted', async () => {
    const h = await adminHarness()
    const copper = h.corpus.idOf(COPPER)
    h.locale = 'en'
    await h.send(command('remove', 'nosuch01'))
    expect(h.api.texts().at(-1)).toContain('There is no article with id <code>nosuch01</code>')
    expect(h.api.last('sendMessage')!.payload.reply_markup).toBeUndefined()

    await h.send(callbackQuery(`rmc:${copper}`))
    await h.send(callbackQuery(`rmc:${copper}`))
    expect(h.api.texts().at(-1)).toContain(`There is no article with id <code>${copper}</code>`)
  })

  it('escapes a hostile id and never puts it into a button', async () => {
    const h = await adminHarness()
    await h.send(command('remove', '<i>x</i>'))
    expect(h.api.texts().at(-1)).toContain('<code>&lt;i&gt;x&lt;/i&gt;</code>')
    expect(h.library.touched).toEqual([])
  })

  it('explains the usage when no id is given', async () => {
    const h = await adminHarness()
    await h.send(command('remove'))
    expect(h.api.texts().at(-1)).toBe('用法：/remove &lt;编号&gt;（编号见 /articles）')
  })

  it('shows the title of a hostile article escaped in the confirmation', async () => {
    const h = await adminHarness()
    await h.send(command('remove', h.corpus.idOf(HOSTILE)))
    const text = h.api.last('sendMessage')!.payload.text as string
    expect(text).toContain('<b>&lt;b&gt;量子&lt;/b&gt;芯片 &amp; 测控系统 &lt;/a&gt; 研讨会</b>')
  })
})

describe('/stats', () => {
  it('shows articles, passages, index size, memory, uptime, subscribers and the last digest', async () => {
    const now = new Date(Date.UTC(2024, 5, 3, 12, 0, 0))
    const h = await adminHarness({
      now,
      startedAt: now.getTime() - (2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000),
      subscribedChats: 12,
      lastDigest: {
        at: Date.UTC(2024, 5, 3, 0, 0, 0),
        day: '2024-06-03',
        sent: 11,
        failed: 1,
        skipped: 3,
        deactivated: 0,
        migrated: 0,
        ambiguous: 0,
      },
    })
    h.locale = 'en'
    await h.send(command('stats'))
    const lines = h.api.texts().at(-1)!.split('\n')
    const stats = h.library.stats()
    expect(lines).toEqual([
      '📊 <b>Statistics</b>',
      'Articles: 5',
      `Passages: ${stats.passages}`,
      expect.stringMatching(/^Index size: \d+(\.\d)? (B|KB|MB)$/),
      expect.stringMatching(/^Memory: heap \d+\.\d MB · RSS \d+\.\d MB$/),
      'Uptime: 2 d 3 h 4 min',
      'Subscribed chats: 12',
      'Last digest: 2024-06-03 08:00 (Asia/Shanghai) · sent 11 · failed 1 · skipped 3',
    ])
  })

  it('says when no digest has run yet', async () => {
    const h = await adminHarness()
    await h.send(command('stats'))
    expect(h.api.texts().at(-1)).toContain('上次摘要：尚未运行')
  })
})
