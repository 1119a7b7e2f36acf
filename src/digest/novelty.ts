import type { Digest, DigestStory } from './build.js'
import { sourceCount } from './stories.js'

/** What a chat was shown of one story: its key and the articles listed under it. */
export interface ShownStory {
  key: string
  articleIds: string[]
}

/** What a chat was shown before: its stories, and every article a digest listed (in a story or not). */
export interface ShownBefore {
  stories: readonly ShownStory[]
  /** Article ids listed outside stories; those in `stories` count as seen too. */
  articleIds?: readonly string[]
}

/**
 * What to remember after showing `digest` to a chat: each story's key and
 * article ids, and every other article it listed. Pass it (merged with older
 * records) to `selectNovel` the next day.
 */
export function shownBy(digest: Digest): { stories: ShownStory[]; articleIds: string[] } {
  const inStories = new Set(digest.stories.flatMap((s) => s.articles.map((a) => a.id)))
  return {
    stories: digest.stories.map((s) => ({ key: s.key, articleIds: s.articles.map((a) => a.id) })),
    articleIds: digest.articles.filter((a) => !inStories.has(a.id)).map((a) => a.id),
  }
}

/**
 * The digest as a chat should see it, given what it was shown before:
 * - a story with no article the chat has seen is shown as it is;
 * - a story that continues one shown before (same key, or an article in common)
 *   is shown again only with the articles the chat has not seen, marked
 *   `continuing` with how many; its sentence, if it came from a seen article,
 *   becomes the newest new article's summary;
 * - a story with nothing new, and every article the chat has seen, are left out.
 * Pure: the same digest and record give the same result.
 * @example selectNovel(today, shownBy(yesterday)).stories[0].continuing // { newArticles: 2 }
 */
export function selectNovel(digest: Digest, before: ShownBefore): Digest {
  const seen = new Set<string>(before.articleIds ?? [])
  const previous = new Map<string, ShownStory>()
  const storyOfArticle = new Map<string, string>()
  for (const s of before.stories) {
    previous.set(s.key, s)
    for (const id of s.articleIds) {
      seen.add(id)
      storyOfArticle.set(id, s.key)
    }
  }
  const summaries = new Map(digest.articles.map((a) => [a.id, a.summary]))
  const stories: DigestStory[] = []
  for (const story of digest.stories) {
    const fresh = story.articles.filter((a) => !seen.has(a.id))
    if (fresh.length === 0) continue
    const continues = previous.has(story.key) || story.articles.some((a) => storyOfArticle.has(a.id))
    if (!continues) {
      stories.push(story)
      continue
    }
    const freshIds = new Set(fresh.map((a) => a.id))
    const items = story.items
      .map((item) => ({ ...item, articleIds: item.articleIds.filter((id) => freshIds.has(id)) }))
      .filter((item) => item.articleIds.length > 0)
    const { sentence, ...rest } = story
    const newest = fresh[0]!
    const summary = summaries.get(newest.id)
    const kept = sentence && freshIds.has(sentence.articleId) ? sentence : summary ? { articleId: newest.id, text: summary } : undefined
    stories.push({
      ...rest,
      ...(kept ? { sentence: kept } : {}),
      articles: fresh,
      items,
      sources: sourceCount(fresh),
      continuing: { newArticles: fresh.length },
    })
  }
  const shownIds = new Set(stories.flatMap((s) => s.articles.map((a) => a.id)))
  const articles = digest.articles.filter((a) => (a.storyKey !== undefined ? shownIds.has(a.id) : !seen.has(a.id)))
  return { ...digest, stories, articles }
}

/** What one digest showed a chat, on its day: kept with the subscription for the next days. */
export interface ShownRecord extends ShownBefore {
  day: string
  stories: ShownStory[]
  articleIds: string[]
}

/** How many past digests a chat's record keeps: a story is "shown before" for this many days. */
export const SHOWN_DAYS = 3

/**
 * A chat's record after a digest: the new one appended, the oldest beyond `SHOWN_DAYS` dropped
 * (a record of the same day is replaced).
 * @example remember(sub.shown, { day: '2024-11-15', ...shownBy(digest) })
 */
export function remember(records: readonly ShownRecord[] | undefined, next: ShownRecord): ShownRecord[] {
  return [...(records ?? []).filter((r) => r.day !== next.day), next].sort((a, b) => (a.day < b.day ? -1 : 1)).slice(-SHOWN_DAYS)
}

/** Several days' records as one `ShownBefore`. */
export function mergeShown(records: readonly ShownRecord[]): ShownBefore {
  return { stories: records.flatMap((r) => r.stories), articleIds: records.flatMap((r) => r.articleIds) }
}

/** Every article id the records showed, newest day first, once each. */
export function shownArticleIds(records: readonly ShownRecord[]): string[] {
  const ids = [...records].reverse().flatMap((r) => [...r.stories.flatMap((s) => s.articleIds), ...r.articleIds])
  return [...new Set(ids)]
}
