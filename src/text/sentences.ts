import type { Span } from './types.js'

/**
 * Sentences of Chinese (and Latin) text, as spans. Two shapes, named for the difference:
 * - `sentenceSpans`: each sentence trimmed of surrounding whitespace, a line break ends one;
 *   what excerpts, summaries and story sentences are made of.
 * - `sentenceCover`: adjacent spans that cover a range with no gap (whitespace stays with the
 *   sentence before it); what passages and message splitting cut at, so nothing is lost.
 */

/** Sentence-final punctuation, full and half width. */
const FINAL = new Set([...'。！？!?；;…'])
/** Closing quotes and brackets that stay with the sentence they end. */
export const CLOSING_MARKS: ReadonlySet<string> = new Set([...'”’」』）)》"\''])

/** End of the sentence whose final punctuation is at `i`: past repeated finals and closing marks. */
function sentenceEnd(text: string, i: number, limit: number): number {
  let end = i + 1
  while (end < limit && (FINAL.has(text[end]!) || CLOSING_MARKS.has(text[end]!))) end++
  return end
}

/** Code units of `FINAL`, for the hot loop (indexing a string by character allocates for Hanzi). */
const FINAL_CODES = new Set([...FINAL].map((c) => c.charCodeAt(0)))

/**
 * The sentences of `text`, trimmed; a line break also ends a sentence; empty pieces are dropped.
 * @example sentenceSpans('会议召开。大家发言！').length === 2
 */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = []
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (end > start) out.push({ start, end })
  }
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 0x0a && !FINAL_CODES.has(code)) continue
    const end = code === 0x0a ? i + 1 : sentenceEnd(text, i, text.length)
    push(start, end)
    start = end
    i = end - 1
  }
  push(start, text.length)
  return out
}

/**
 * Sentence spans covering `text.slice(start, end)` without gaps: a sentence ends after its
 * final punctuation and any closing quotes that follow.
 * @example sentenceCover('他说:“好。”我们走。') // [{0,7}, {7,11}]
 */
export function sentenceCover(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = []
  let s = start
  for (let i = start; i < end; i++) {
    if (!FINAL.has(text[i]!)) continue
    const e = sentenceEnd(text, i, end)
    out.push({ start: s, end: e })
    s = e
    i = e - 1
  }
  if (s < end) out.push({ start: s, end })
  return out
}

/**
 * Lines a site wraps around an article (navigation, bylines, share buttons,
 * copyright) that the cleaner may have left; never a summary or a theme sentence.
 */
const BOILERPLATE =
  /(来源[:：]|發布時間|发布时间|发布日期|發布日期|浏览次数|瀏覽次數|责任编辑|責任編輯|编辑[:：]|編輯[:：]|当前位置|當前位置|首页|首頁|打印本页|关闭窗口|關閉窗口|扫一扫|掃一掃|分享到|版权所有|版權所有|copyright|原标题|原標題|点击|點擊|上一篇|下一篇|字号|字號|供稿[:：]|通讯员|通訊員|记者\s|記者\s|图片来源|圖片來源)/i

/** Whether a sentence is site furniture rather than article content. */
export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.test(sentence)
}

/** Counts CJK ideographs, the measure of a sentence's real length. */
export function hanCount(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) n++
  }
  return n
}

/** Shortens text to at most `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return chars.slice(0, Math.max(1, max - 1)).join('') + '…'
}
