import type { CleanLine } from './clean.js'

/**
 * Title, publication date and source of an article, read from its header
 * lines (`来源:… 发布时间:…`), from credit lines (`(来源:… 编辑:…)`) and, as
 * a fallback, from the first paragraph of the body.
 */

/** What was read about an article, and the lines left as its body. */
export interface ArticleMetadata {
  /** The title line, when the file has one (it is not part of `body`). */
  title?: string
  /** `YYYY-MM-DD`. */
  date?: string
  source?: string
  /** Content lines, in order: no boilerplate, no metadata lines, no title. */
  body: string[]
}

/** Labels of header fields. Longer labels first so `发布时间` wins over `时间`. */
const LABEL =
  /((?:文章|信息|稿件|新闻|新聞)?(?:来源|來源)|出处|出處|发布时间|發布時間|发布日期|發布日期|发表时间|發表時間|更新时间|更新時間|时间|時間|日期|作者|浏览次数|瀏覽次數|点击数|點擊數|责任编辑|責任編輯|编辑|編輯)\s*[:：]/g
const HAS_LABEL = new RegExp(LABEL.source)
const SOURCE_LABEL = /来源|來源|出处|出處/
const DATE_LABELS = /时间|時間|日期/
const STARTS_WITH_LABEL =
  /^[(（【[]?\s*(?:(?:文章|信息|稿件|新闻|新聞)?(?:来源|來源)|出处|出處|发布时间|發布時間|发布日期|發布日期|发表时间|發表時間|更新时间|更新時間|时间|時間|日期|作者)\s*[:：]/
const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/
const BARE_DATE_LINE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/

/**
 * The first date in a string, as `YYYY-MM-DD`.
 * @example normalizeDate('2024年3月29日') === '2024-03-29'
 * @example normalizeDate('2024.03.29') === '2024-03-29'
 */
export function normalizeDate(s: string): string | undefined {
  const m = DATE.exec(s)
  if (!m) return undefined
  return formatDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

function formatDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The fields of a labelled line: `{ label: value }`, each value running to the next label. */
function labelledFields(line: string): Array<[string, string]> {
  const matches = [...line.matchAll(LABEL)]
  const fields: Array<[string, string]> = []
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!
    const start = m.index + m[0].length
    const end = i + 1 < matches.length ? matches[i + 1]!.index : line.length
    fields.push([m[1]!, line.slice(start, end).trim()])
  }
  return fields
}

/** Trims a source value: brackets, punctuation and anything that is clearly not a name. */
function cleanSource(value: string): string | undefined {
  const v = value.replace(/^[\s(（【[]+|[\s)）】\],，。;；|｜]+$/g, '').trim()
  if (v.length === 0 || v.length > 40 || DATE.test(v)) return undefined
  return v
}

/**
 * Reads a metadata line such as `来源: 中国铜业有限公司时间: 2024-05-11` or
 * `发布日期:2022-04-11 15:54 浏览次数:`; `undefined` when the line is not one.
 */
export function parseMetaLine(line: string): { date?: string | undefined; source?: string | undefined } | undefined {
  if (line.length > 120) return undefined
  if (BARE_DATE_LINE.test(line)) {
    const date = normalizeDate(line)
    return date ? { date } : undefined
  }
  const startsWithDate = /^\d{4}\s*[-/.年]/.test(line)
  if (!STARTS_WITH_LABEL.test(line) && !(startsWithDate && HAS_LABEL.test(line))) return undefined
  const out: { date?: string | undefined; source?: string | undefined } = {}
  if (startsWithDate) {
    const date = normalizeDate(line)
    if (date) out.date = date
  }
  for (const [label, value] of labelledFields(line)) {
    if (SOURCE_LABEL.test(label)) out.source ??= cleanSource(value)
    else if (DATE_LABELS.test(label)) out.date ??= normalizeDate(value)
  }
  return out
}

/** The source named in a credit line: `(来源:厅办公室、省科技宣传教育中心 编辑:袁晓玲)` → `厅办公室、省科技宣传教育中心`. */
export function sourceFromCredit(line: string): string | undefined {
  for (const [label, value] of labelledFields(line)) if (SOURCE_LABEL.test(label)) return cleanSource(value)
  return undefined
}

const SENTENCE_END = /[。！？!?]/
/** A leading date or "recently" clause of a news lead: `3月29日,`, `4月7日上午,`, `近日,`. */
const LEAD_CLAUSE =
  /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?(?:上午|下午|晚上|晚间|晚|早上)?|近日|日前|昨天|今天|昨日|今日)\s*[,，、]\s*/

/**
 * A date in the first paragraph, for articles without a dated header: a full
 * date anywhere in it, else a `M月D日` and a `YYYY年` in its first sentence.
 * @example dateFromBody('3月29日,2024年平頂山市科技工作會議召開。') === '2024-03-29'
 */
export function dateFromBody(paragraph: string): string | undefined {
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(paragraph)
  if (full) {
    const [y, m, d] = full[1] ? [full[1], full[2], full[3]] : [full[4], full[5], full[6]]
    const date = formatDate(Number(y), Number(m), Number(d))
    if (date) return date
  }
  const end = paragraph.search(SENTENCE_END)
  const first = end === -1 ? paragraph : paragraph.slice(0, end)
  const md = /(?<!\d)(\d{1,2})月(\d{1,2})日/.exec(first)
  const y = /(?<!\d)(\d{4})年/.exec(first)
  if (!md || !y) return undefined
  return formatDate(Number(y[1]), Number(md[1]), Number(md[2]))
}

/**
 * A headline-like first clause of the body, for files without a title line:
 * the first sentence without its leading date clause, if it is 6–40
 * characters and has no inner commas or colons.
 * @example titleFromBody('3月29日,2024年平頂山市科技工作會議召開。會議…') === '2024年平頂山市科技工作會議召開'
 */
export function titleFromBody(paragraph: string): string | undefined {
  const end = paragraph.search(SENTENCE_END)
  if (end === -1) return undefined
  const sentence = paragraph.slice(0, end).replace(LEAD_CLAUSE, '').trim()
  if (sentence.length < 6 || sentence.length > 40) return undefined
  if (/[,，;；:：、“”"]/.test(sentence)) return undefined
  return sentence
}

/**
 * Whether a line can be a title: 2–80 characters, not ending like a sentence,
 * not a labelled field.
 */
export function isTitleLine(line: string): boolean {
  if (line.length < 2 || line.length > 80) return false
  if (/[。！？!?；;…,，:：]$/.test(line)) return false
  return !STARTS_WITH_LABEL.test(line)
}

/** A short `来源:` line may stand anywhere, e.g. after the last paragraph. */
const TRAILING_SOURCE = /^(?:(?:文章|信息|稿件|新闻|新聞)?(?:来源|來源))\s*[:：].{1,40}$/

/**
 * Separates title, date and source from the body. The title is the first
 * content line when it looks like one; metadata lines are read before the
 * first body paragraph, and a short `来源:` line anywhere; credit lines give
 * the source when nothing better does.
 */
export function extractMetadata(lines: readonly CleanLine[]): ArticleMetadata {
  let title: string | undefined
  let date: string | undefined
  let source: string | undefined
  let creditSource: string | undefined
  const body: string[] = []
  for (const { text, kind } of lines) {
    if (kind === 'credit') {
      creditSource ??= sourceFromCredit(text)
      continue
    }
    if (kind === 'counter') {
      // `发布日期:2022-04-11 15:54 浏览次数:` is both: keep what it says.
      const meta = parseMetaLine(text)
      date ??= meta?.date
      source ??= meta?.source
      continue
    }
    if (kind) continue
    // The header is everything before the first body paragraph.
    const inHeader = body.length === 0
    const meta = inHeader || TRAILING_SOURCE.test(text) ? parseMetaLine(text) : undefined
    if (meta && (meta.date || meta.source || inHeader)) {
      date ??= meta.date
      source ??= meta.source
      continue
    }
    // Pages often repeat the headline as the first line of the body.
    if (title !== undefined && body.length === 0 && text === title) continue
    if (title === undefined && inHeader && isTitleLine(text)) {
      title = text
      continue
    }
    body.push(text)
  }
  if (date === undefined && body.length > 0) date = dateFromBody(body[0]!)
  const out: ArticleMetadata = { body }
  if (title !== undefined) out.title = title
  if (date !== undefined) out.date = date
  source ??= creditSource
  if (source !== undefined) out.source = source
  return out
}
