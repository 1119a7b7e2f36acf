import type { Span } from './types.js'

/** A sentence of an article: its span in `Article.text` (and so in the folded text). */
export interface Sentence extends Span {
  /** Index among the article's sentences, in reading order. */
  index: number
}

// Sentence-final punctuation; closing quotes and brackets right after it stay with the sentence.
const FINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '…', '\n'])
const CLOSING = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'"])

/**
 * Splits text into sentences at sentence-final punctuation and line breaks.
 * Spans exclude surrounding whitespace; empty pieces are dropped.
 * @example splitSentences('会议召开。大家发言！').length === 2
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  const push = (end: number) => {
    let s = start
    let e = end
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) out.push({ start: s, end: e, index: out.length })
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (!FINAL.has(c)) continue
    let end = i + 1
    if (c !== '\n') {
      while (end < text.length && ((FINAL.has(text[end]!) && text[end] !== '\n') || CLOSING.has(text[end]!))) end++
    }
    push(end)
    start = end
    i = end - 1
  }
  push(text.length)
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
