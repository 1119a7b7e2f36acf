import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readArticle } from '../../src/index/read-article.js'
import type { Article } from '../../src/index/types.js'

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
export function article(id: string, title: string, paragraphs: string[], date?: string): Article {
  const text = paragraphs.join('\n')
  return {
    id,
    file: `${id}.txt`,
    title,
    ...(date ? { date } : {}),
    text,
    paragraphs: [],
    passages: [],
    script: 'hans',
    contentHash: `${id}-${text.length}`,
  }
}
