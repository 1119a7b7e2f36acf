import { InlineKeyboard } from 'grammy'
import type { DigestRunSummary } from '../../../digest/service.js'
import type { AddResult, LibraryStats, ReloadReport } from '../../../library/types.js'
import type { ArticleMeta } from '../../../search/types.js'
import type { Locale } from '../../../telegram/locale.js'
import { format, localize, type Text } from '../../../telegram/i18n.js'
import { escapeHtml } from '../../../telegram/html.js'
import { TELEGRAM_MESSAGE_LIMIT } from '../../../telegram/split.js'
import { clip } from '../../../text/sentences.js'
import { articlesPageData, CANCEL_REMOVE_DATA, confirmRemoveData } from '../../callback-data.js'
import { UPLOAD_DEFAULTS, type UploadProblem } from './upload.js'

/**
 * Pure renderers for the admin replies: data in, HTML text (and keyboard) out,
 * so every reply is testable without Telegram. Every value that came from a
 * user or a file is escaped here.
 */

export const RENDER_DEFAULTS = {
  /** Articles per `/articles` page. */
  pageSize: 10,
  /** Items listed per category of a reload report before "… and N more". */
  reportItems: 8,
  titleChars: 50,
  reasonChars: 120,
  excerptChars: 300,
} as const

export interface Rendered {
  text: string
  keyboard?: InlineKeyboard
}

/** Cuts a message at a line boundary so it fits, keeping every line's HTML whole. */
function fit(lines: string[], locale: Locale): string {
  const out: string[] = []
  let length = 0
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 1 > TELEGRAM_MESSAGE_LIMIT - 100) {
      out.push(format(locale, { zh: '…（省略 {n} 行）', en: '… ({n} more lines)' }, { n: lines.length - i }))
      break
    }
    out.push(line)
    length += line.length + 1
  }
  return out.join('\n')
}

const n = (x: number) => x.toLocaleString('en-US')

/** `850 ms`, `1.2 s`, `2 min 5 s` (or Chinese). */
export function formatDuration(locale: Locale, ms: number): string {
  if (ms < 1000) return format(locale, { zh: '{v} 毫秒', en: '{v} ms' }, { v: Math.round(ms) })
  if (ms < 60_000) return format(locale, { zh: '{v} 秒', en: '{v} s' }, { v: (ms / 1000).toFixed(1) })
  const min = Math.floor(ms / 60_000)
  const s = Math.round((ms % 60_000) / 1000)
  return format(locale, { zh: '{min} 分 {s} 秒', en: '{min} min {s} s' }, { min, s })
}

/** `3 d 4 h 5 min`, or `45 s` for a fresh start (or Chinese). */
export function formatUptime(locale: Locale, ms: number): string {
  const totalMin = Math.floor(ms / 60_000)
  if (totalMin < 1) return format(locale, { zh: '{s} 秒', en: '{s} s' }, { s: Math.floor(ms / 1000) })
  const d = Math.floor(totalMin / 1440)
  const h = Math.floor((totalMin % 1440) / 60)
  const m = totalMin % 60
  if (d) return format(locale, { zh: '{d} 天 {h} 小时 {m} 分钟', en: '{d} d {h} h {m} min' }, { d, h, m })
  if (h) return format(locale, { zh: '{h} 小时 {m} 分钟', en: '{h} h {m} min' }, { h, m })
  return format(locale, { zh: '{m} 分钟', en: '{m} min' }, { m })
}

/** `512 B`, `3.4 KB`, `45.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

/** `2024-05-01 08:00` in the given time zone. */
export function formatTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms))
}

const code = (s: string, max = 80) => `<code>${escapeHtml(clip(s, max))}</code>`
const bold = (s: string, max: number = RENDER_DEFAULTS.titleChars) => `<b>${escapeHtml(clip(s, max))}</b>`

// ── Permissions ────────────────────────────────────────────────────────────

export function renderNotAdmin(locale: Locale): string {
  return localize(locale, {
    zh: '⛔ 此命令仅限管理员使用。',
    en: '⛔ This command is for administrators only.',
  })
}

export function renderPrivateOnly(locale: Locale): string {
  return localize(locale, {
    zh: '🔒 管理命令请在与机器人的私聊中使用。',
    en: '🔒 Please use admin commands in a private chat with the bot.',
  })
}

// ── /reload ────────────────────────────────────────────────────────────────

export function renderReloadStarted(locale: Locale, busy: boolean): string {
  return busy
    ? localize(locale, {
        zh: '⏳ 已有一次重新加载正在进行。本次将在它结束后执行，完成后会告诉你结果。',
        en: '⏳ A reload is already running. Yours will run after it finishes, and I will report the result.',
      })
    : localize(locale, { zh: '🔄 正在重新加载文章目录…', en: '🔄 Reloading the article folder…' })
}

function metaLine(a: ArticleMeta): string {
  return `• ${code(a.id, 40)}${a.date ? ' · ' + escapeHtml(a.date) : ''} · ${escapeHtml(clip(a.title, RENDER_DEFAULTS.titleChars))}`
}

export function renderReloadReport(locale: Locale, report: ReloadReport): string {
  const { added, changed, removed, skipped } = report
  const max = RENDER_DEFAULTS.reportItems
  const lines = [
    format(locale, { zh: '✅ 重新加载完成，用时 {t}', en: '✅ Reload finished in {t}' }, { t: formatDuration(locale, report.ms) }),
    format(
      locale,
      { zh: '新增 {a} · 更新 {c} · 删除 {r} · 跳过 {s}', en: 'Added {a} · changed {c} · removed {r} · skipped {s}' },
      { a: n(added.length), c: n(changed.length), r: n(removed.length), s: n(skipped.length) },
    ),
  ]
  if (added.length + changed.length + removed.length + skipped.length === 0) {
    lines.push(localize(locale, { zh: '没有变化。', en: 'No changes.' }))
  }
  const rest = (count: number) => format(locale, { zh: '…另有 {n} 项', en: '… and {n} more' }, { n: n(count) })
  const section = (heading: Text, items: ArticleMeta[]) => {
    if (items.length === 0) return
    lines.push('', localize(locale, heading), ...items.slice(0, max).map(metaLine))
    if (items.length > max) lines.push(rest(items.length - max))
  }
  section({ zh: '➕ 新增：', en: '➕ Added:' }, added)
  section({ zh: '✏️ 更新：', en: '✏️ Changed:' }, changed)
  section({ zh: '➖ 删除：', en: '➖ Removed:' }, removed)
  if (skipped.length > 0) {
    lines.push('', localize(locale, { zh: '⚠️ 跳过的文件：', en: '⚠️ Skipped files:' }))
    for (const s of skipped.slice(0, max)) {
      lines.push(`• ${code(s.file)} — ${escapeHtml(clip(s.reason, RENDER_DEFAULTS.reasonChars))}`)
    }
    if (skipped.length > max) lines.push(rest(skipped.length - max))
  }
  return fit(lines, locale)
}

export function renderReloadFailed(locale: Locale, reason: string): string {
  return format(
    locale,
    {
      zh: '❌ 重新加载失败：{reason}\n原有索引继续提供服务，没有任何改动。',
      en: '❌ Reload failed: {reason}\nThe previous index stays in service, unchanged.',
    },
    { reason: escapeHtml(clip(reason, 500)) },
  )
}

// ── Adding articles ────────────────────────────────────────────────────────

export function renderAddUsage(locale: Locale, maxBytes: number = UPLOAD_DEFAULTS.maxBytes): string {
  return format(
    locale,
    {
      zh: '添加文章：在私聊中发送 .txt 文本文件（UTF-8、GBK 或 Big5，不超过 {max}），或用 /add 回复一条文本消息（第一行为标题），或发送 /add 加上文章全文。',
      en: 'To add an article: send a .txt file here (UTF-8, GBK or Big5, up to {max}), reply /add to a text message (first line = title), or send /add followed by the text.',
    },
    { max: formatBytes(maxBytes) },
  )
}

export function renderUploadProblem(locale: Locale, problem: UploadProblem, fileName?: string): string {
  const head = fileName
    ? format(locale, { zh: '❌ 未添加 {name}：', en: '❌ Not added {name}: ' }, { name: code(fileName) })
    : localize(locale, { zh: '❌ 未添加：', en: '❌ Not added: ' })
  switch (problem.kind) {
    case 'too-large':
      return (
        head +
        format(
          locale,
          { zh: '文件大小 {size}，超过 {limit} 的上限。', en: 'the file is {size}, over the {limit} limit.' },
          { size: formatBytes(problem.bytes), limit: formatBytes(problem.limit) },
        )
      )
    case 'not-text':
      return (
        head +
        (problem.mimeType
          ? format(
              locale,
              { zh: '只接受 .txt 纯文本文件（收到的是 {mime}）。', en: 'only plain-text .txt files are accepted (this is {mime}).' },
              { mime: code(problem.mimeType) },
            )
          : localize(locale, { zh: '只接受 .txt 纯文本文件。', en: 'only plain-text .txt files are accepted.' }))
      )
    case 'binary':
      return head + localize(locale, { zh: '这似乎是二进制文件，而不是文本。', en: 'this looks like a binary file, not text.' })
    case 'empty':
      return head + localize(locale, { zh: '文件是空的。', en: 'the file is empty.' })
  }
}

export function renderDownloadFailed(locale: Locale, reason: string): string {
  return format(
    locale,
    { zh: '❌ 无法下载文件：{reason}', en: '❌ Could not download the file: {reason}' },
    { reason: escapeHtml(clip(reason, 200)) },
  )
}

export function renderAddResult(locale: Locale, result: AddResult): string {
  if (!result.ok) {
    if (result.existing) {
      const e = result.existing
      return format(
        locale,
        {
          zh: '❌ 未添加：相同的文本已在库中——{title}（{id}{date}）。',
          en: '❌ Not added: the same text is already in the library as {title} ({id}{date}).',
        },
        { title: bold(e.title, 80), id: code(e.id, 40), date: e.date ? ', ' + escapeHtml(e.date) : '' },
      )
    }
    return format(locale, { zh: '❌ 未添加：{reason}', en: '❌ Not added: {reason}' }, { reason: escapeHtml(clip(result.reason, 300)) })
  }
  const a = result.article
  const unknown = localize(locale, { zh: '未知', en: 'unknown' })
  return format(
    locale,
    {
      zh: '✅ 已添加文章 {id}\n标题：{title}\n日期：{date}\n来源：{source}\n文件：{file}\n{excerpt}',
      en: '✅ Added article {id}\nTitle: {title}\nDate: {date}\nSource: {source}\nFile: {file}\n{excerpt}',
    },
    {
      id: code(a.id, 40),
      title: bold(a.title, 200),
      date: a.date ? escapeHtml(a.date) : unknown,
      source: a.source ? escapeHtml(clip(a.source, 100)) : unknown,
      file: code(a.file, 120),
      excerpt: `<blockquote>${escapeHtml(clip(result.excerpt, RENDER_DEFAULTS.excerptChars))}</blockquote>`,
    },
  )
}

// ── /articles ──────────────────────────────────────────────────────────────

/** Number of pages for `total` articles (at least 1). */
export function pageCount(total: number, pageSize: number = RENDER_DEFAULTS.pageSize): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/**
 * One page of the article list (pages count from 1; out-of-range pages are clamped).
 * @example renderArticlesPage('en', library.listArticles(), 2)
 */
export function renderArticlesPage(
  locale: Locale,
  articles: ArticleMeta[],
  page: number,
  pageSize: number = RENDER_DEFAULTS.pageSize,
): Rendered {
  if (articles.length === 0) {
    return { text: localize(locale, { zh: '库中还没有文章。', en: 'The library has no articles yet.' }) }
  }
  const pages = pageCount(articles.length, pageSize)
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  const slice = articles.slice((p - 1) * pageSize, p * pageSize)
  const lines = [
    format(
      locale,
      { zh: '📚 文章共 {total} 篇 · 第 {p}/{pages} 页', en: '📚 {total} articles · page {p}/{pages}' },
      { total: n(articles.length), p, pages },
    ),
    '',
    ...slice.map(metaLine),
    '',
    localize(locale, { zh: '删除文章：/remove &lt;编号&gt;', en: 'Delete one with /remove &lt;id&gt;' }),
  ]
  if (pages === 1) return { text: lines.join('\n') }
  const keyboard = new InlineKeyboard()
  if (p > 1) keyboard.text(localize(locale, { zh: '‹ 上一页', en: '‹ Previous' }), articlesPageData(p - 1))
  if (p < pages) keyboard.text(localize(locale, { zh: '下一页 ›', en: 'Next ›' }), articlesPageData(p + 1))
  return { text: lines.join('\n'), keyboard }
}

// ── /remove ────────────────────────────────────────────────────────────────

export function renderRemoveUsage(locale: Locale): string {
  return localize(locale, {
    zh: '用法：/remove &lt;编号&gt;（编号见 /articles）',
    en: 'Usage: /remove &lt;id&gt; (ids are listed by /articles)',
  })
}

export function renderNoSuchArticle(locale: Locale, id: string): string {
  return format(
    locale,
    {
      zh: '❓ 没有编号为 {id} 的文章（可能已被删除）。',
      en: '❓ There is no article with id {id} (it may have been deleted already).',
    },
    { id: code(id, 64) },
  )
}

export function renderRemoveConfirm(locale: Locale, a: Pick<ArticleMeta, 'id' | 'title' | 'date' | 'file'>): Required<Rendered> {
  const text = format(
    locale,
    {
      zh: '🗑 确定要从磁盘和索引中删除这篇文章吗？\n{title}\n{id}{date} · {file}',
      en: '🗑 Delete this article from disk and from the index?\n{title}\n{id}{date} · {file}',
    },
    { title: bold(a.title, 200), id: code(a.id, 40), date: a.date ? ' · ' + escapeHtml(a.date) : '', file: code(a.file, 120) },
  )
  const keyboard = new InlineKeyboard()
    .text(localize(locale, { zh: '删除', en: 'Delete' }), confirmRemoveData(a.id))
    .text(localize(locale, { zh: '取消', en: 'Cancel' }), CANCEL_REMOVE_DATA)
  return { text, keyboard }
}

export function renderRemoved(locale: Locale, a: ArticleMeta): string {
  return format(
    locale,
    { zh: '🗑 已删除 {title}（{id}）。', en: '🗑 Deleted {title} ({id}).' },
    { title: bold(a.title, 200), id: code(a.id, 40) },
  )
}

export function renderRemoveCancelled(locale: Locale): string {
  return localize(locale, { zh: '已取消，文章未删除。', en: 'Cancelled; nothing was deleted.' })
}

export function renderRemoveFailed(locale: Locale, reason: string): string {
  return format(locale, { zh: '❌ 删除失败：{reason}', en: '❌ Deletion failed: {reason}' }, { reason: escapeHtml(clip(reason, 300)) })
}

// ── /stats ─────────────────────────────────────────────────────────────────

export interface StatsView {
  library: LibraryStats
  uptimeMs: number
  subscribedChats: number
  lastDigest?: DigestRunSummary | undefined
  /** Time zone the digest runs in; the last run is shown in it. */
  timeZone: string
}

export function renderStats(locale: Locale, v: StatsView): string {
  const s = v.library
  const last = v.lastDigest
  const digest = last
    ? format(
        locale,
        {
          zh: '{at}（{tz}）· 发送 {sent} · 失败 {failed} · 跳过 {skipped}',
          en: '{at} ({tz}) · sent {sent} · failed {failed} · skipped {skipped}',
        },
        {
          at: formatTime(last.at, v.timeZone),
          tz: escapeHtml(v.timeZone),
          sent: n(last.sent),
          failed: n(last.failed),
          skipped: n(last.skipped),
        },
      )
    : localize(locale, { zh: '尚未运行', en: 'never run yet' })
  return format(
    locale,
    {
      zh: '📊 <b>运行状态</b>\n文章：{articles}\n段落：{passages}\n索引大小：{index}\n内存：堆 {heap} · RSS {rss}\n运行时间：{uptime}\n订阅的聊天：{subs}\n上次摘要：{digest}',
      en: '📊 <b>Statistics</b>\nArticles: {articles}\nPassages: {passages}\nIndex size: {index}\nMemory: heap {heap} · RSS {rss}\nUptime: {uptime}\nSubscribed chats: {subs}\nLast digest: {digest}',
    },
    {
      articles: n(s.articles),
      passages: n(s.passages),
      index: formatBytes(s.indexBytes),
      heap: formatBytes(s.heapUsed),
      rss: formatBytes(s.rss),
      uptime: formatUptime(locale, v.uptimeMs),
      subs: n(v.subscribedChats),
      digest,
    },
  )
}
