/** The library: the corpus as admins manage it, kept current on reload, upload and removal. */

import type { ArticleMeta, SearchService } from '../search/types.js'

/** A file that could not be indexed, and why. */
export interface SkippedFile {
  file: string
  reason: string
}

export interface ReloadReport {
  added: ArticleMeta[]
  changed: ArticleMeta[]
  removed: ArticleMeta[]
  skipped: SkippedFile[]
  /** Wall time the reload took. */
  ms: number
}

export type AddResult =
  { ok: true; article: ArticleMeta; excerpt: string } | { ok: false; reason: string; existing?: ArticleMeta | undefined }

export interface LibraryStats {
  articles: number
  passages: number
  /** Bytes of the persisted index on disk. */
  indexBytes: number
  /** Process heap and RSS, bytes. */
  heapUsed: number
  rss: number
}

/**
 * The corpus as admins manage it: the current index plus the operations that
 * change it. Searches keep being served by the old index while a reload runs.
 */
export interface Library extends SearchService {
  /** Re-reads the corpus folder; only added or changed files are processed. Serialised: a second call waits. */
  reload(): Promise<ReloadReport>
  /** Whether a reload is running now. */
  readonly reloading: boolean
  /** Saves an uploaded article under a generated name and indexes it. */
  addArticle(bytes: Uint8Array): Promise<AddResult>
  /** Deletes an article's file and removes it from the index. */
  removeArticle(id: string): Promise<ArticleMeta | undefined>
  stats(): LibraryStats
}
