import { createHash } from 'node:crypto'
import type { Logger } from '../../logger.js'
import type { Store } from '../../store/store.js'

/** A search remembered for its page buttons. */
export interface SavedSearch {
  query: string
  /** When it was last used (ms since epoch); the oldest are forgotten first. */
  at: number
}

/**
 * Short stable key of a query for callback data: the same query always gets
 * the same token, so buttons survive restarts as long as the store does.
 * @example searchToken('黄河') // 10 characters of base64url, e.g. 'mXb3…'
 */
export function searchToken(query: string): string {
  return createHash('sha256').update(query.normalize('NFC')).digest('base64url').slice(0, 10)
}

/**
 * Queries behind page buttons, kept in a `Store` (a file or a table in
 * production) so that pressing "next" on an old message after a restart still
 * works. Bounded: beyond `max` entries the least recently used are forgotten,
 * and their buttons say the search expired. Remembering is a convenience, never
 * a condition of answering: when the store cannot be written (a full or
 * read-only disk), the search is answered anyway and the failure is logged.
 */
export class SearchMemory {
  private writes = 0

  constructor(
    private readonly store: Store<SavedSearch>,
    private readonly now: () => Date,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly max = 5000,
  ) {}

  /** Saves the query (best effort) and returns its token. */
  async remember(query: string): Promise<string> {
    const token = searchToken(query)
    try {
      await this.store.write(token, { query, at: this.now().getTime() })
      if (++this.writes % 100 === 0) await this.prune()
    } catch (err) {
      this.logger.warn({ err }, 'bot: could not save a search for its page buttons; answering anyway')
    }
    return token
  }

  /** The query behind a token, or `undefined` when it was never saved or has been forgotten. */
  async recall(token: string): Promise<string | undefined> {
    return (await this.store.read(token))?.query
  }

  private async prune(): Promise<void> {
    const entries = await this.store.entries()
    if (entries.length <= this.max) return
    entries.sort((a, b) => a[1].at - b[1].at)
    for (const [token] of entries.slice(0, entries.length - this.max)) await this.store.delete(token)
  }
}
