import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

/** The project's own cache folder (git-ignored). */
const CACHE_ROOT = resolve(import.meta.dirname, '..', '..', '.cache', 'corpora')

/**
 * Where the command-line tools keep what they derive from a corpus folder (parsed
 * articles, the index snapshot): one stable folder per corpus, so a second run
 * restarts from it instead of building again, and nothing piles up in /tmp.
 * `SEARCH_DATA_DIR` overrides it. Delete `.cache/` to reclaim the space.
 * @example derivedDataDir('../shared/news-dev/corpus') // '<project>/.cache/corpora/corpus-3f2a9c1b0d4e'
 */
export function derivedDataDir(corpus: string, env: Record<string, string | undefined> = process.env): string {
  if (env.SEARCH_DATA_DIR) return env.SEARCH_DATA_DIR
  const abs = realpathSync(corpus)
  return join(CACHE_ROOT, `${basename(abs)}-${createHash('sha1').update(abs).digest('hex').slice(0, 12)}`)
}
