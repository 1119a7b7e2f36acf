/**
 * What both digest command lines share: reading a corpus folder the way the
 * bot does (through the Library, with its derived data kept where
 * `npm run search` keeps it) and building the digest of a date window.
 */
import pino from 'pino'
import type { Article } from '../corpus/article.js'
import { articlesInWindow, buildDigest, corpusBackground, type Digest, type DigestOptions } from '../digest/build.js'
import { openLibrary } from '../library/library.js'
import { derivedDataDir } from './derived-data.js'

/** Articles are `.txt` files: a corpus folder may also hold a manifest or notes, which are not articles. */
const ARTICLE_FILE = /\.txt$/i

/** Reads every article of a corpus folder (its `.txt` files), as the bot's library does. */
export async function readCorpus(dir: string): Promise<Article[]> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  const library = await openLibrary({ seedsDir: dir, dataDir: derivedDataDir(dir), logger })
  try {
    return library
      .listArticles()
      .filter((m) => ARTICLE_FILE.test(m.file))
      .map((m) => library.getArticle(m.id))
      .filter((a) => a !== undefined)
  } finally {
    await library.close()
  }
}

/** A window's digest, and the articles it was built from (most recent first). */
export interface WindowDigest {
  digest: Digest
  window: Article[]
}

/**
 * The digest of the articles published in `[from, to]` (dates inclusive),
 * measured against the whole corpus as background. Without dates, every
 * article (undated ones last).
 */
export function digestOfWindow(
  corpus: readonly Article[],
  range: { from?: string; to?: string },
  options: DigestOptions = {},
): WindowDigest {
  const window =
    range.from === undefined && range.to === undefined
      ? [...articlesInWindow(corpus, '', '\uffff'), ...corpus.filter((a) => a.date === undefined)]
      : articlesInWindow(corpus, range.from ?? '', range.to ?? '\uffff')
  return { digest: buildDigest(window, { background: corpusBackground(corpus), ...options }), window }
}
