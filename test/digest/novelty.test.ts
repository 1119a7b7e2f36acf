import { describe, expect, it } from 'vitest'
import { buildDigest } from '../../src/digest/build.js'
import { selectNovel, shownBy } from '../../src/digest/novelty.js'
import { invented, inventedWindow, LAUNCH } from './story-articles.js'

// Yesterday's digest had the week without its last launch article; today's has it too.
const today = inventedWindow()
const yesterday = buildDigest(today.filter((a) => a.id !== 'sat4'))
const digest = buildDigest(today)
const launchOf = (d: typeof digest) => d.stories.find((s) => s.articles.some((a) => a.id.startsWith('sat')))

describe('what a chat is shown again', () => {
  it('remembers each story it showed by key, with its articles, and the other articles', () => {
    const record = shownBy(yesterday)
    expect(record.stories.map((s) => s.key)).toEqual(yesterday.stories.map((s) => s.key))
    expect(record.stories.flatMap((s) => s.articleIds)).toContain('sat1')
    expect(record.articleIds).toContain('q1')
    expect(record.articleIds).not.toContain('sat1')
  })

  it('shows a continuing story only with its new article, saying so', () => {
    const novel = selectNovel(digest, shownBy(yesterday))
    const launch = launchOf(novel)!
    expect(launch.articles.map((a) => a.id)).toEqual(['sat4'])
    expect(launch.continuing).toEqual({ newArticles: 1 })
    expect(launch.sentence?.articleId).toBe('sat4')
  })

  it('leaves out a story, and articles, the chat has already seen in full', () => {
    const novel = selectNovel(digest, shownBy(yesterday))
    expect(novel.stories.some((s) => s.articles.some((a) => a.id === 'ty1'))).toBe(false)
    expect(novel.articles.map((a) => a.id)).toEqual(['sat4'])
  })

  it('shows everything, unmarked, to a chat that was shown nothing', () => {
    const novel = selectNovel(digest, { stories: [] })
    expect(novel).toEqual(digest)
    expect(novel.stories.every((s) => s.continuing === undefined)).toBe(true)
  })

  it('recognises a continuing story by an article in common even when its key changed', () => {
    const renamed = { stories: shownBy(yesterday).stories.map((s) => ({ ...s, key: `old-${s.key}` })) }
    expect(launchOf(selectNovel(digest, renamed))!.continuing).toEqual({ newArticles: 1 })
  })

  it('the next day, shows the story again with only that day’s article', () => {
    const extra = invented({ ...LAUNCH[0]!, id: 'sat5', title: '天枢三号卫星正式交付使用', date: '2031-05-10' })
    const withNews = buildDigest([extra, ...today])
    const novel = selectNovel(withNews, shownBy(digest))
    expect(launchOf(novel)!.articles.map((a) => a.id)).toEqual(['sat5'])
    expect(novel.stories.filter((s) => s.continuing === undefined)).toEqual([])
  })
})
