import { sentenceCover } from '../text/sentences.js'
import { escapeHtml } from './html.js'

/** Telegram's limit on a message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096

export interface SplitOptions {
  /** Largest HTML length of a part (default 4,096). */
  limit?: number
  /** HTML put before the first paragraph of the first part (e.g. the title), kept whole. */
  header?: string
  /** Turns a piece of plain text into HTML (default `escapeHtml`). Applied per piece, so no tag is ever cut. */
  toHtml?: (text: string) => string
}

/** Room kept for the `(k/N)` marker added to each part when there are several. */
const MARKER_ROOM = 24

/**
 * Splits plain-text paragraphs into HTML messages of at most `limit` characters:
 * parts break between paragraphs; a paragraph too long for one message is cut
 * between sentences, and a sentence too long is cut between characters. Every
 * piece is escaped on its own, so no part ends inside a tag or an entity.
 * Parts are numbered `(k/N)` when there is more than one.
 * @example splitParagraphs(['第一段', '第二段'], { header: '<b>标题</b>' }) // ['<b>标题</b>\n\n第一段\n\n第二段']
 */
export function splitParagraphs(paragraphs: string[], options: SplitOptions = {}): string[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT
  const toHtml = options.toHtml ?? escapeHtml
  const budget = limit - MARKER_ROOM
  if (budget < 16) throw new Error(`split: limit ${limit} is too small`)

  const units: string[] = []
  for (const p of paragraphs) {
    if (p.trim() === '') continue
    const html = toHtml(p)
    if (html.length <= budget) units.push(html)
    else units.push(...splitLongText(p, budget, toHtml))
  }

  const parts: string[] = []
  let current = options.header ?? ''
  for (const unit of units) {
    const joined = current === '' ? unit : `${current}\n\n${unit}`
    if (joined.length <= budget) {
      current = joined
    } else {
      if (current !== '') parts.push(current)
      current = unit
    }
  }
  if (current !== '') parts.push(current)
  if (parts.length <= 1) return parts
  return parts.map((part, i) => `${part}\n\n<i>(${i + 1}/${parts.length})</i>`)
}

/**
 * Cuts one over-long paragraph at sentence boundaries (then characters) into HTML pieces ≤ budget.
 * Lengths add up because escaping works piece by piece (`toHtml(a + b) === toHtml(a) + toHtml(b)`).
 */
function splitLongText(text: string, budget: number, toHtml: (t: string) => string): string[] {
  const sentences = sentenceCover(text).map((s) => text.slice(s.start, s.end))
  const pieces: string[] = []
  let current = ''
  let length = 0
  for (const sentence of sentences) {
    const html = toHtml(sentence)
    if (html.length > budget) {
      if (current !== '') pieces.push(current)
      current = ''
      length = 0
      pieces.push(...hardSplit(sentence, budget, toHtml))
      continue
    }
    if (length + html.length > budget) {
      pieces.push(current)
      current = ''
      length = 0
    }
    current += html
    length += html.length
  }
  if (current !== '') pieces.push(current)
  return pieces
}

/** Last resort: cuts between code points (never inside a surrogate pair or an escaped entity). */
function hardSplit(text: string, budget: number, toHtml: (t: string) => string): string[] {
  const pieces: string[] = []
  let current = ''
  for (const ch of text) {
    const html = toHtml(ch)
    if (current !== '' && current.length + html.length > budget) {
      pieces.push(current)
      current = ''
    }
    current += html
  }
  if (current !== '') pieces.push(current)
  return pieces
}
