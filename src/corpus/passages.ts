import type { Passage } from './article.js'
import { sentenceCover } from '../text/sentences.js'
import type { Span } from '../text/types.js'

/**
 * Paragraphs and passages of cleaned article text, as offsets into it, so a
 * search hit can be shown and highlighted in the original text.
 */

/** Passage sizing. */
export interface PassageOptions {
  /** A paragraph longer than this is split into sentence windows of at most this many characters when possible. */
  maxChars: number
  /** Whether consecutive windows share one sentence, so a match across a window edge is still found whole. */
  overlap: boolean
}

export const PASSAGE_DEFAULTS: PassageOptions = { maxChars: 300, overlap: true }

/**
 * Spans of the `\n`-separated paragraphs of `text` (empty lines skipped).
 * @example paragraphSpans('甲。\n乙。') // [{ start: 0, end: 2 }, { start: 3, end: 5 }]
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end > start) spans.push({ start, end })
    start = end + 1
  }
  return spans
}

const CLAUSE_END = new Set([...'，,、：:'])

/** Breaks spans longer than `max` at clause punctuation, then at `max` characters. */
function limitPieces(text: string, spans: Span[], max: number): Span[] {
  const out: Span[] = []
  for (const span of spans) {
    if (span.end - span.start <= max) {
      out.push(span)
      continue
    }
    let s = span.start
    while (span.end - s > max) {
      // Last clause boundary within the limit, else a hard cut.
      let cut = -1
      for (let i = s + max - 1; i > s; i--) {
        if (CLAUSE_END.has(text[i]!)) {
          cut = i + 1
          break
        }
      }
      if (cut === -1) cut = s + max
      out.push({ start: s, end: cut })
      s = cut
    }
    if (s < span.end) out.push({ start: s, end: span.end })
  }
  return out
}

/**
 * Passages of `text`: every paragraph is one; a paragraph longer than
 * `maxChars` becomes windows of consecutive sentences, each at most
 * `maxChars` long when possible, consecutive windows sharing one sentence.
 */
export function buildPassages(text: string, paragraphs: readonly Span[], options: PassageOptions = PASSAGE_DEFAULTS): Passage[] {
  const { maxChars: max, overlap } = options
  const passages: Passage[] = []
  paragraphs.forEach((p, paragraph) => {
    if (p.end - p.start <= max) {
      passages.push({ start: p.start, end: p.end, paragraph })
      return
    }
    const pieces = limitPieces(text, sentenceCover(text, p.start, p.end), max)
    let i = 0
    while (i < pieces.length) {
      const first = pieces[i]!
      let j = i
      while (j + 1 < pieces.length && pieces[j + 1]!.end - first.start <= max) j++
      passages.push({ start: first.start, end: pieces[j]!.end, paragraph })
      if (j + 1 >= pieces.length) break
      // Share the last sentence with the next window only if it leaves room for a new one.
      const shared = overlap && j > i && pieces[j + 1]!.end - pieces[j]!.start <= max
      i = shared ? j : j + 1
    }
  })
  return passages
}
