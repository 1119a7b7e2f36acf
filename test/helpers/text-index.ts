import { articleFromText } from '../../src/cli/eval.js'
import { SearchIndex } from '../../src/search/search-index.js'

/**
 * A search index in memory over invented articles, each given as id, title and
 * clean text (no file, no cleaning), as the evaluation builds one, and a date
 * (YYYY-MM-DD) for news.
 * @example indexOfTexts([['a', '星河智造发布芯片', '星河智造今天发布新一代芯片。', '2024-03-01']]).search('芯片')
 */
export function indexOfTexts(
  articles: ReadonlyArray<readonly [id: string, title: string, text: string, date?: string | undefined]>,
): SearchIndex {
  const index = new SearchIndex()
  for (const [id, title, text, date] of articles) {
    const { article, meta } = articleFromText(id, title, text)
    index.add(article, date ? { ...meta, date } : meta)
  }
  return index
}
