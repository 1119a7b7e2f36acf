/** An article: what reading one file of the corpus gives. */

import type { Script, Span } from '../text/types.js'

/**
 * A passage: a paragraph, or a window of sentences of a long paragraph,
 * with its offsets into the cleaned article text.
 */
export interface Passage extends Span {
  /** Index of the paragraph this passage belongs to. */
  paragraph: number
}

/** An article as read from one file: cleaned text plus what was read about it. */
export interface Article {
  /** Stable short id (derived from the file's path inside the corpus folder), e.g. `a1b2c3d4`. */
  id: string
  /** File name relative to the corpus folder, e.g. `000_a26d11e632a73800.txt`. */
  file: string
  /** Title read from the text, or the file name without extension. */
  title: string
  /** Publication date as `YYYY-MM-DD`, when one could be read. */
  date?: string
  /** Source (来源) when present. */
  source?: string
  /**
   * The site the page comes from, when it names itself: the name appended to
   * the headline (`…｜晨光新聞網`) or an HTML page's site name. Learned
   * templates are per site (else per source).
   */
  site?: string
  /** Cleaned text: boilerplate removed, damage repaired, paragraphs joined by `\n`. Title not repeated. */
  text: string
  /** Paragraph spans into `text`. */
  paragraphs: Span[]
  /** Passages into `text` (paragraphs; long ones split into sentence windows). */
  passages: Passage[]
  /** The script most of the text is written in. */
  script: Script
  /** sha256 (hex) of the cleaned text; equal hashes mean exact duplicates. */
  contentHash: string
}
