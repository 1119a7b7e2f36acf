/** Types shared by the text helpers and everything above them. */

/** Which Chinese script a text is mostly written in. */
export type Script = 'hans' | 'hant'

/** A span of the cleaned article text: `text.slice(start, end)`. */
export interface Span {
  start: number
  end: number
}
