import { describe, expect, it } from 'vitest'
import { formatDuration, formatUptime, renderArticlesPage, renderReloadReport } from '../../src/bot/features/admin/render.js'
import type { ArticleMeta } from '../../src/search/types.js'

const meta = (i: number): ArticleMeta => ({
  id: `id${String(i).padStart(6, '0')}`,
  file: `${i}.txt`,
  title: `第${i}篇：关于加快推进科技创新体系建设的实施意见（${'很长的标题'.repeat(10)}）`,
  date: '2024-01-01',
  script: 'hans',
  addedAt: 0,
})

describe('renderReloadReport', () => {
  it('stays under Telegram’s message limit for a reload of thousands of files', () => {
    const many = Array.from({ length: 5000 }, (_, i) => meta(i))
    const text = renderReloadReport('zh-Hans', {
      added: many,
      changed: many,
      removed: many,
      skipped: many.map((m) => ({ file: m.file + '<>'.repeat(100), reason: '无法识别的编码 & 乱码'.repeat(30) })),
      ms: 61_500,
    })
    expect(text.length).toBeLessThan(4096)
    expect(text).toContain('新增 5,000 · 更新 5,000 · 删除 5,000 · 跳过 5,000')
    expect(text).toContain('用时 1 分 2 秒')
    expect(text).toContain('…另有 4,992 项')
    // Cut at whole lines: every <code> that opens also closes.
    expect(text.match(/<code>/g)?.length).toBe(text.match(/<\/code>/g)?.length)
  })
})

describe('renderArticlesPage', () => {
  it('clamps a page past the end to the last page', () => {
    const all = Array.from({ length: 12 }, (_, i) => meta(i))
    const r = renderArticlesPage('en', all, 99)
    expect(r.text).toContain('page 2/2')
  })
})

describe('helpers', () => {
  it('formats durations and uptimes in both languages', () => {
    expect(formatDuration('en', 999)).toBe('999 ms')
    expect(formatDuration('zh-Hans', 1500)).toBe('1.5 秒')
    expect(formatUptime('en', 42_000)).toBe('42 s')
    expect(formatUptime('zh-Hans', 3_600_000 + 5 * 60_000)).toBe('1 小时 5 分钟')
    expect(formatUptime('zh-Hant', 86_400_000)).toBe('1 天 0 小時 0 分鐘')
  })
})
