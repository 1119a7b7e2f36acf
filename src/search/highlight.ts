import { wordOccurrences } from './coverage.js'
import type { ParsedQuery, QueryWord } from './tokenize.js'
import type { Span } from '../text/types.js'

/**
 * Highlights: the words that carry the query, whole, where an excerpt holds
 * them. Not bigram fragments (碳中和 marks 碳中和, not 碳中; 2024年 marks
 * nothing in 2023年), and not every common word of a question (中国铜业的会议
 *在哪里召开 marks 中国铜业, not each 会议 and 召开).
 */

/**
 * A word carries the query when it is at least this share as specific as the
 * most specific query word the excerpt holds (铜业 8.7 carries; 会议 5.0 does not).
 */
export const CARRYING_SHARE = 0.7

/** At most this many marked spans in one excerpt: a few words that answer, not every repeat of them. */
export const MAX_HIGHLIGHTS = 3

/**
 * Spans of `folded` (the folded excerpt text) to mark: each occurrence of a
 * carrying word, widened by the whole jieba pieces of its query segment that
 * the text also holds next to it (铜业 → 中国铜业, 碳中 → 碳中和).
 * Sorted, non-overlapping.
 * @example highlightSpans(fold('中国铜业召开会议'), parseQuery('中国铜业的会议在哪里召开？')) // [{ start: 0, end: 4 }]
 */
export function highlightSpans(folded: string, query: Pick<ParsedQuery, 'words' | 'segments' | 'cuts'>): Span[] {
  const found: Array<{ word: QueryWord; at: number[] }> = []
  for (const word of query.words) {
    const at = wordOccurrences(folded, word.text)
    if (at.length > 0) found.push({ word, at })
  }
  if (found.length === 0) return []
  const top = Math.max(...found.map((f) => f.word.weight))
  // Each carrying word's first occurrence, then its second, …, up to MAX_HIGHLIGHTS spans.
  const carrying = found.filter((f) => f.word.weight >= CARRYING_SHARE * top)
  const spans: Span[] = []
  for (let k = 0; spans.length < MAX_HIGHLIGHTS; k++) {
    const round = carrying.filter((f) => k < f.at.length)
    if (round.length === 0) break
    for (const { word, at } of round) {
      const span = widen(folded, at[k]!, word, query)
      if (!spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span)
      if (spans.length === MAX_HIGHLIGHTS) break
    }
  }
  return mergeSpans(spans)
}

/** Widens one occurrence of `word` by whole pieces of its segment that the text holds on either side. */
function widen(folded: string, at: number, word: QueryWord, query: Pick<ParsedQuery, 'segments' | 'cuts'>): Span {
  const segment = query.segments[word.segment]!
  const cuts = query.cuts[word.segment]!
  let start = at
  let end = at + word.text.length
  let from = word.start
  let to = word.end
  for (let i = cuts.length - 1; i >= 0; i--) {
    const c = cuts[i]!
    if (c >= from) continue
    const piece = segment.slice(c, from)
    if (folded.slice(start - piece.length, start) !== piece) break
    start -= piece.length
    from = c
  }
  for (const c of cuts) {
    if (c <= to) continue
    const piece = segment.slice(to, c)
    if (folded.slice(end, end + piece.length) !== piece) break
    end += piece.length
    to = c
  }
  return { start, end }
}

/** Merges overlapping or touching spans. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }
  return out
}
