import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readArticle } from '../../src/corpus/read-article.js'
import type { Article } from '../../src/corpus/article.js'
import type { ArticleMeta } from '../../src/search/types.js'

const SEEDS = join(import.meta.dirname, '../../seeds')

/** The seed articles, read as the index reads them; id = the hash prefix of the file name. */
export function seedArticles(): Article[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const result = readArticle({ id: file.slice(4, 12), file, bytes: readFileSync(join(SEEDS, file)) })
      if (!result.ok) throw new Error(`seed ${file}: ${result.reason}`)
      return result.article
    })
}

/** A hand-made article: paragraphs joined like the cleaner joins them. */
export function article(id: string, title: string, paragraphs: string[], date?: string, source?: string): Article {
  const text = paragraphs.join('\n')
  return {
    id,
    file: `${id}.txt`,
    title,
    ...(date ? { date } : {}),
    ...(source ? { source } : {}),
    text,
    paragraphs: [],
    passages: [],
    script: 'hans',
    contentHash: `${id}-${text.length}`,
  }
}

/** A corpus the digest can read: `listArticles` + `getArticle`, with `addedAt` under the test's control. */
export class TestLibrary {
  private readonly articles = new Map<string, { article: Article; addedAt: number }>()

  constructor(articles: Article[] = [], addedAt = Date.UTC(2024, 5, 1)) {
    for (const a of articles) this.add(a, addedAt)
  }

  add(article: Article, addedAt: number): void {
    this.articles.set(article.id, { article, addedAt })
  }

  listArticles(): ArticleMeta[] {
    return [...this.articles.values()]
      .map(({ article: a, addedAt }) => ({
        id: a.id,
        file: a.file,
        title: a.title,
        ...(a.date ? { date: a.date } : {}),
        script: a.script,
        addedAt,
      }))
      .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))
  }

  getArticle(id: string): Article | undefined {
    return this.articles.get(id)?.article
  }
}
