import iconv from 'iconv-lite'

/**
 * Cleaning of scraped article text: conversion damage is repaired, whitespace
 * normalised, and boilerplate lines (breadcrumbs, navigation, footers,
 * copyright, disclaimers, counters, credits) told apart from content.
 * Rules are conservative: a line is boilerplate only when it is short or starts
 * with a specific label, so real paragraphs are never dropped.
 */

// ---------------------------------------------------------------------------
// Character-level repair

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê'
/** A Hanzi, then a parenthesised pinyin syllable group (letters only, ≤ 12, with a tone mark). */
const PINYIN_GLOSS = new RegExp(`([\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff])[(（]([a-zA-Z${TONE_VOWELS}]{1,12})[)）]`, 'g')
const TONE_MARK = new RegExp(`[${TONE_VOWELS}]`)

/**
 * Removes pinyin glosses glued after characters by a converter.
 * @example stripPinyinGlosses('發(fā)展') === '發展' // but '(AI)', '(2024)', '(市、区)' stay
 */
export function stripPinyinGlosses(text: string): string {
  if (text.indexOf('(') === -1 && text.indexOf('（') === -1) return text
  return text.replace(PINYIN_GLOSS, (whole, han: string, gloss: string) => (TONE_MARK.test(gloss) ? han : whole))
}

/** C0/C1 controls other than tab and newline, U+FFFD, zero-width characters and BOMs left inside the text. */
const STRAY_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\u200b-\u200d\u2060\ufeff]/g

const NEEDS_NORMALIZING =
  /[\r\u0085\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\u200b-\u200d\u2060\ufeff\u00a0\u2000-\u200a\u202f\u205f\t]/

/** Normalises line breaks and spaces and removes characters that are never content. */
export function normalizeCharacters(text: string): string {
  // Most files need none of it: one scan instead of three.
  if (!NEEDS_NORMALIZING.test(text)) return text
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(STRAY_CHARS, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\t]/g, ' ')
}

const PUNCTUATION = new Set([...'。，、；：？！…—·“”‘’「」『』《》〈〉（）()【】,.;:?!"\'-'])

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
}

/**
 * `??` marks GBK text that lost a byte: the converter wrote `??` for the broken
 * bytes and decoded what followed one byte out of step, until an ASCII byte
 * (a GBK trail byte in 0x40–0x7E) brought it back in step. E.g. `。總局局長`
 * (`A1A3 BF82 BED6 BED6 E94C`) came out as `??偩志珠L`.
 */
const GBK_DAMAGE = /\?\?([^\x00-\x7f\n]{0,12}?[\x40-\x7e])?/g

/**
 * Repairs `??` damage. The garbled run (up to and including its ASCII
 * character) is re-encoded as GBK and every lead byte 0x81–0xFE is tried in
 * front of it; a candidate that decodes to as many Hanzi is supported when the
 * bigram it starts with occurs elsewhere in the document. The best supported
 * candidate replaces the run and `??` becomes `。` (the lost bytes were the
 * ideographic full stop); without support, `??` and the run are removed.
 * @example repairGbkDamage('總局黨委。發展??偩志珠L助理') === '總局黨委。發展。總局局長助理'
 */
export function repairGbkDamage(text: string): string {
  if (text.indexOf('??') === -1) return text
  return text.replace(GBK_DAMAGE, (whole: string, run: string | undefined, offset: number) => {
    const before = offset > 0 ? text.charCodeAt(offset - 1) : 0x0a
    // `??` after Latin text or digits is probably a real question mark pair (e.g. "what??").
    if (before !== 0x0a && !isHan(before) && !PUNCTUATION.has(text[offset - 1]!) && before !== 0x20) return whole
    if (!run) return ''
    const next = text[offset + whole.length] ?? ''
    const repaired = resync(run, next, text)
    if (repaired === undefined) return ''
    const prev = text[offset - 1]
    const stop = prev === undefined || prev === '\n' || PUNCTUATION.has(prev) ? '' : '。'
    return stop + repaired
  })
}

/** The best supported re-synchronised decoding of `run`; `next` is the character after it. */
function resync(run: string, next: string, doc: string): string | undefined {
  const bytes = iconv.encode(run, 'gbk')
  // GBK trail bytes are never 0x3F, so a '?' byte means a character GBK cannot encode.
  if (bytes.includes(0x3f)) return undefined
  const buf = Buffer.alloc(bytes.length + 1)
  bytes.copy(buf, 1)
  let best: string | undefined
  let bestScore = 0
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    buf[0] = lead
    const cand = iconv.decode(buf, 'gbk')
    if (cand.length !== run.length) continue
    let allHan = true
    for (let i = 0; i < cand.length; i++) if (!isHan(cand.charCodeAt(i))) allHan = false
    if (!allHan) continue
    // The new character and the one after it (inside the run, or just past it).
    const score = countOccurrences(doc, (cand + next).slice(0, 2))
    if (score > bestScore) {
      best = cand
      bestScore = score
    }
  }
  return best
}

function countOccurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0
  let n = 0
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++
  return n
}

// ---------------------------------------------------------------------------
// Line-level boilerplate

/** Why a line is not content; `undefined` for content. */
export type BoilerplateKind =
  'breadcrumb' | 'navigation' | 'footer' | 'copyright' | 'disclaimer' | 'print-close' | 'counter' | 'credit' | 'separator' | 'related'

const BREADCRUMB = /^(?:当前位置|當前位置|您的位置|您现在的位置|您現在的位置|现在位置|目前位置)\s*[:：]/
const CRUMB_TRAIL = /^(?:首页|首頁|主页|主頁|网站首页|網站首頁)\s*(?:>>?|»|›|→|\/)/
const CRUMB_SEPARATOR = /\s*(?:>>|>|»|›|→)\s*/
const NAV_SEPARATOR = /\s*[|｜丨]\s*/
const NAV_WORDS = /联系我们|聯繫我們|聯絡我們|关于我们|關於我們|网站地图|網站地圖|设为首页|設為首頁|加入收藏/
const FOOTER =
  /^(?:地\s*址|通讯地址|通訊地址|邮\s*编|郵\s*編|电\s*话|電\s*話|联系电话|聯絡電話|传\s*真|傳\s*真|邮\s*箱|郵\s*箱|E-?mail)\s*[:：]/i
const COPYRIGHT = /版权所有|版權所有|copyright|©|ICP\s*[备備证證]|公网安备|公網安備|主办单位|主辦單位|承办单位|承辦單位/i
const COPYRIGHT_START = /^(?:版权所有|版權所有|copyright|©|\(c\))/i
const DISCLAIMER = /^[(（【[]?\s*(?:免责声明|免責聲明|版权声明|版權聲明|特别声明|特別聲明)\s*[:：】\]]/
const COUNTER =
  /(?:浏览次数|瀏覽次數|浏览量|瀏覽量|阅读次数|閱讀次數|阅读量|閱讀量|閲讀量|点击数|點擊數|點選數|点击次数|點擊次數|點選次數|点击量|點擊量|點選量|访问量|訪問量)\s*[:：]?\s*\d*/
const PRINT_TOKENS = new Set([
  '打印',
  '列印',
  '关闭',
  '關閉',
  '打印本页',
  '打印本頁',
  '列印本頁',
  '关闭窗口',
  '關閉窗口',
  '關閉視窗',
  '关闭本页',
  '關閉本頁',
  '返回',
  '返回顶部',
  '返回頂部',
  '顶部',
  '頂部',
  '收藏',
  '分享',
  '分享到',
  '字号',
  '字號',
  '大',
  '中',
  '小',
  '打印此文',
  '保存',
  '纠错',
  '糾錯',
  '上一页',
  '下一页',
  '字体',
  '字體',
  '字型',
  '默认',
  '默認',
])
const CREDIT_LABEL =
  /^[(（]?\s*(?:(?:文章|信息|資訊|稿件|新闻|新聞)?(?:来源|來源)|编辑|編輯|责任编辑|責任編輯|责编|責編|作者|记者|記者|撰稿|审核|審核|稽核|审稿|審稿|校对|校對|供稿|通讯员|通訊員|摄影|攝影|初审|初審|复审|復審|终审|終審)\s*[:：]/
const WORDLIKE = /[\p{L}\p{N}]/u
const PREV_NEXT = /^(?:上一篇|下一篇|上一條|下一條|上一条|下一条)\s*[:：]/

/**
 * Classifies one trimmed line. `crumbs` are the breadcrumb items seen so far,
 * so that a lone section label repeating one of them is recognised.
 * @example classifyLine('版权所有 中国铝业集团有限公司 京ICP备16034488号-1') === 'copyright'
 */
export function classifyLine(line: string, crumbs: ReadonlySet<string> = new Set()): BoilerplateKind | undefined {
  const len = line.length
  // Disclaimers may be long paragraphs; they are recognised by their leading label alone.
  if (DISCLAIMER.test(line)) return 'disclaimer'
  if (len > 200) return undefined
  // Rules like `————` or `* * *`: no word, digit or Hanzi, so nothing to index.
  if (!WORDLIKE.test(line)) return 'separator'
  if (BREADCRUMB.test(line) || CRUMB_TRAIL.test(line) || (len <= 60 && isCrumbTrail(line))) return 'breadcrumb'
  if (/ICP\s*[备備证證]|公网安备|公網安備/.test(line)) return 'copyright'
  if (len <= 120 && COPYRIGHT.test(line) && (COPYRIGHT_START.test(line) || !/[。！？]/.test(line))) return 'copyright'
  if (len <= 100 && FOOTER.test(line)) return 'footer'
  if (len <= 100 && PREV_NEXT.test(line)) return 'navigation'
  if (len <= 80 && isNavigationLine(line)) return 'navigation'
  if (len <= 40 && isPrintLine(line)) return 'print-close'
  if (len <= 40 && COUNTER.test(line) && !/[。！？]/.test(line)) return 'counter'
  if (len <= 120 && isCreditLine(line)) return 'credit'
  if (len <= 12 && crumbs.has(line)) return 'breadcrumb'
  return undefined
}

/** `新闻中心 > 科技动态 > 正文`: three or more short items joined by `>`-like separators. */
function isCrumbTrail(line: string): boolean {
  if (line.indexOf('>') === -1 && line.indexOf('»') === -1 && line.indexOf('›') === -1) return false
  const items = line.split(CRUMB_SEPARATOR)
  if (items.length < 3) return false
  for (const item of items) if (item.length === 0 || item.length > 10 || /[。，,；;！？]/.test(item)) return false
  return true
}

function isNavigationLine(line: string): boolean {
  if (NAV_WORDS.test(line) && line.length <= 40) return true
  const items = line.split(NAV_SEPARATOR)
  if (items.length < 3) return false
  for (const item of items) if (item.length > 10 || /[。，,；;！？]/.test(item)) return false
  return true
}

function isPrintLine(line: string): boolean {
  const tokens = line
    .replace(/[【】[\]()（）<>|｜:：·]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
  if (tokens.length === 0) return false
  let hasAction = false
  for (const t of tokens) {
    if (!PRINT_TOKENS.has(t)) return false
    if (t !== '大' && t !== '中' && t !== '小') hasAction = true
  }
  return hasAction
}

/** `(来源:厅办公室、省科技宣传教育中心   编辑:袁晓玲)`, `责任编辑:张三`: credits, not content. */
export function isCreditLine(line: string): boolean {
  if (!CREDIT_LABEL.test(line)) return false
  const open = line[0] === '(' || line[0] === '（'
  if (open) return line.endsWith(')') || line.endsWith('）')
  // Unbracketed: only short ones, and not source/date header lines (metadata reads those).
  return line.length <= 40 && !/^(?:(?:文章|信息|稿件|新闻|新聞)?(?:来源|來源)|作者)\s*[:：]/.test(line)
}

/** The items of a breadcrumb line, without the label and the home/body items. */
export function breadcrumbItems(line: string): string[] {
  const body = line.replace(BREADCRUMB, '')
  return body
    .split(CRUMB_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(?:本站首页|首页|首頁|主页|主頁|网站首页|網站首頁|正文|正文内容|內文)$/.test(s))
}

/** A line of the article after character repair, with its boilerplate kind if any. */
export interface CleanLine {
  text: string
  kind?: BoilerplateKind
}

/**
 * Repairs the whole text, splits it into trimmed non-empty lines and
 * classifies each. Repairs run on the whole document first because the GBK
 * repair looks for supporting bigrams anywhere in it.
 */
export function cleanLines(raw: string): CleanLine[] {
  const text = repairGbkDamage(stripPinyinGlosses(normalizeCharacters(raw)))
  const out: CleanLine[] = []
  const crumbs = new Set<string>()
  for (const rawLine of text.split('\n')) {
    const line = collapseSpaces(rawLine)
    if (line.length === 0) continue
    const kind = classifyLine(line, crumbs)
    if (kind === 'breadcrumb') for (const c of breadcrumbItems(line)) crumbs.add(c)
    out.push(kind ? { text: line, kind } : { text: line })
  }
  markRelatedList(out)
  // Address/phone lines are footer only in the page's trailing block; inside the body they are content.
  let inTail = true
  for (let i = out.length - 1; i >= 0; i--) {
    const l = out[i]!
    if (l.kind === undefined) inTail = false
    else if (l.kind === 'footer' && !inTail) delete l.kind
  }
  return out
}

/** A "related news" heading: what follows it are other articles' titles. */
const RELATED_HEADING =
  /^[【[(（]?\s*(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关文章|相關文章|相关报道|相關報導|更多新闻|更多新聞|热门新闻|熱門新聞|热门文章|熱門文章|猜你喜欢|猜你喜歡|往期回顾|往期回顧|热点推荐|熱點推薦|更多阅读|更多閱讀)\s*[】\])）]?\s*[:：]?$/

/**
 * Marks a related-news heading near the end and the title-like lines after
 * it (no full stop, at most 60 characters) as `related`, when nothing but
 * such lines and boilerplate follow it.
 */
function markRelatedList(lines: CleanLine[]): void {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 15); i--) {
    if (lines[i]!.kind !== undefined || !RELATED_HEADING.test(lines[i]!.text)) continue
    const rest = lines.slice(i + 1)
    if (!rest.every((l) => l.kind !== undefined || (l.text.length <= 60 && !/[。；;]/.test(l.text)))) return
    for (const l of [lines[i]!, ...rest]) l.kind ??= 'related'
    return
  }
}

/** Trims and collapses runs of spaces (including ideographic spaces) to one. */
function collapseSpaces(line: string): string {
  const t = line.trim().replace(/[ \u3000]{2,}|\u3000/g, ' ')
  return t.length > 0 && (t[0] === ' ' || t[t.length - 1] === ' ') ? t.trim() : t
}
