import type { CleanLine } from './clean.js'
import { fold } from '../text/script.js'

/**
 * Title, publication date and source of an article, read from its header
 * lines (`来源：… 发布时间：…`, `發佈日期：…`, `中時新聞網 2025/11/18 21:27`),
 * from credit lines (`(来源:… 编辑:…)`) and, as a last resort, from a dated
 * lead of the body.
 */

/** What was read about an article, and the lines left as its body. */
export interface ArticleMetadata {
  /** The title line, when the file has one (it is not part of `body`), without a site suffix. */
  title?: string
  /** The site's name the title line ended with (`…｜晨光新聞網` → `晨光新聞網`). */
  site?: string
  /** `YYYY-MM-DD`. */
  date?: string
  source?: string
  /** Content lines, in order: no boilerplate, no metadata lines, no title. */
  body: string[]
}

/** What one header line says. */
export interface MetaLine {
  /** Publication date (`发布时间`, an unlabelled date, a bare date line). */
  date?: string
  /** A date labelled as an update (`更新時間`) or a document date (`成文日期`): used only when there is no publication date. */
  laterDate?: string
  source?: string
}

// ---------------------------------------------------------------------------
// Dates

/** Month and day after the year: `-`, `/` or `.` used throughout, or 年月日. */
const MONTH_DAY = String.raw`\s*(?:-\s*\d{1,2}\s*-|\/\s*\d{1,2}\s*\/|\.\s*\d{1,2}\s*\.|年\s*\d{1,2}\s*月)\s*\d{1,2}(?!\d)\s*日?`
/** A full date, `-`, `/` and `.` forms each with one separator throughout, or 年月日. */
const DATE = /(?<!\d)(\d{4})\s*([-/.年])\s*(\d{1,2})\s*(?:\2|月)\s*(\d{1,2})(?!\d)\s*日?/
/** `民國114年11月18日`, or a three-digit (ROC) year in a header: `114/11/18`. */
const ROC_DATE = /(?<!\d)(?:民國|民国)?\s*(1[0-4]\d|[89]\d)\s*([-/.年])\s*(\d{1,2})\s*(?:\2|月)\s*(\d{1,2})(?!\d)\s*日?/
const TIME =
  /(?:上午|下午|晚上|晚间|凌晨|中午|早上)?\s*(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?!\d)(?:\s*(?:AM|PM|am|pm))?(?:Z|[+-]\d{2}:?\d{2})?/
const WEEKDAY = /(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]|[(（][一二三四五六日][)）]/
/** Dates, times and weekdays in a header segment, to be lifted out before the rest is split into names. */
const DATE_TIME_PARTS = new RegExp(
  [
    String.raw`(?<!\d)\d{4}${MONTH_DAY}(?:\s*[Tt ]?\s*${TIME.source})?`,
    String.raw`(?<!\d)(?:民國|民国)?\s*(?:1[0-4]\d|[89]\d)${MONTH_DAY}`,
    TIME.source,
    WEEKDAY.source,
  ].join('|'),
  'g',
)

/**
 * The first date in a string, as `YYYY-MM-DD`.
 * @example normalizeDate('2024年3月29日') === '2024-03-29'
 * @example normalizeDate('2024.03.29') === '2024-03-29'
 */
export function normalizeDate(s: string): string | undefined {
  const m = DATE.exec(s)
  if (!m) return undefined
  return formatDate(Number(m[1]), Number(m[3]), Number(m[4]))
}

/** A date of a header, where a three-digit year is the ROC (Taiwan) calendar: `114/11/18` → `2025-11-18`. */
function headerDate(s: string): string | undefined {
  const western = normalizeDate(s)
  if (western) return western
  const m = ROC_DATE.exec(s)
  return m ? formatDate(Number(m[1]) + 1911, Number(m[3]), Number(m[4])) : undefined
}

function formatDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------
// Labels

type LabelKind = 'source' | 'published' | 'later' | 'other'

/**
 * Header labels in both scripts, with the Taiwan vocabulary OpenCC's cn→twp writes
 * (釋出 for 发布, 稽核 for 审核). Longer alternatives first, so `发布时间` wins over `时间`.
 */
const LABEL_GROUPS: Array<[LabelKind, string]> = [
  [
    'source',
    '(?:文章|信息|資訊|资讯|稿件|新闻|新聞|本文|内容|內容|消息|资料|資料|图片|圖片)?(?:来源|來源)|出处|出處|稿源|发布单位|發布單位|發佈單位|釋出單位|释出单位|发布机构|發布機構|發佈機構|釋出機構|释出机构',
  ],
  ['later', '(?:最后|最後)?(?:更新|修改|修订|修訂)(?:时间|時間|日期|于|於)?|成文日期|印发日期|印發日期|发文日期|發文日期'],
  [
    'published',
    '(?:发布|發布|發佈|釋出|释出|发表|發表|刊登|刊发|刊發|上传|上傳|录入|錄入|出版|发稿|發稿|首发|首發|报道|報導)(?:时间|時間|日期|于|於)?|时间|時間|日期',
  ],
  [
    'other',
    '作者|记者|記者|责任编辑|責任編輯|责编|責編|主编|主編|编辑|編輯|审核|審核|稽核|审校|審校|校对|校對|通讯员|通訊員|摄影|攝影|撰文|撰稿|字号|字號|字体|字體|字型|' +
      '浏览次数|瀏覽次數|浏览量|瀏覽量|浏览|瀏覽|阅读量|閱讀量|閲讀量|阅读|閱讀|閲讀|点击数|點擊數|點選數|点击量|點擊量|點選量|点击|點擊|访问量|訪問量|人气|人氣|热度|熱度|' +
      '评论|評論|分享到|分享|索引号|索引號|主题分类|主題分類|发文字号|發文字號|发文机关|發文機關|文号|文號|分类|分類|栏目|欄目|' +
      '关键词|關鍵詞|关键字|關鍵字|标签|標籤|体裁|體裁|文|图|圖',
  ],
]
/** A label: followed by a colon; `发布于`/`更新於` need none. */
const LABEL = new RegExp(`(${LABEL_GROUPS.map(([, alternatives]) => alternatives).join('|')})(?:\\s*[:：]|(?<=[于於])\\s*(?=\\d))`, 'g')
const LABEL_KIND = LABEL_GROUPS.map(([kind, alternatives]) => [kind, new RegExp(`^(?:${alternatives})$`)] as const)

function labelKind(label: string): LabelKind {
  for (const [kind, re] of LABEL_KIND) if (re.test(label)) return kind
  return 'other'
}

/** A line that starts with a label (after an optional bracket): a header or credit field, never a title. */
const STARTS_WITH_LABEL = new RegExp(`^[(（【[]?\\s*(?:${LABEL_GROUPS.map(([, a]) => a).join('|')})\\s*[:：]`)

/** Separators between the fields of a header line. */
const FIELD_SEPARATOR = /\s*[|｜丨│／]\s*|\s+|[【】[\]]/
/** Characters that may stand around a date that is a field of its own. */
const FIELD_EDGE = /[\s|｜丨│/／·•【】[\](（)）,，:：]/

/** A by-line token (`記者王小明`, `台北報導`, `文/张三`): neither a source nor content. */
const BYLINE =
  /^(?:记者|記者|作者|编辑|編輯|责编|責編|通讯员|通訊員|撰文|摄影|攝影|实习生|實習生|文|图|圖)|(?:报道|報導|报导|報道|电|電|摄|攝)$/

/** Could `s` be an outlet's name: short, no sentence punctuation, letters in it. */
function isNameLike(s: string, max: number): boolean {
  return s.length >= 2 && s.length <= max && !/[，。！？；,;!?：:“”"]/.test(s) && /\p{L}/u.test(s) && !WEEKDAY.test(s)
}

/**
 * A source as written, brackets kept whole: `央视网（北京）` stays, `（央视网）` loses the outer pair,
 * a dangling bracket or trailing punctuation goes.
 * @example cleanSource('央视网（北京）') === '央视网（北京）'
 */
export function cleanSource(value: string): string | undefined {
  let v = value.replace(/^[\s,，。;；|｜、:：]+|[\s,，。;；|｜、:：]+$/g, '')
  for (;;) {
    const before = v
    if (/^[(（【[]/.test(v) && /[)）】\]]$/.test(v) && balanced(v.slice(1, -1))) v = v.slice(1, -1).trim()
    if (/^[(（【[]/.test(v) && !balanced(v)) v = v.slice(1).trim()
    if (/[)）】\]]$/.test(v) && !balanced(v)) v = v.slice(0, -1).trim()
    if (v === before) break
  }
  if (v.length === 0 || v.length > 40 || DATE.test(v)) return undefined
  return v
}

/** Whether every bracket in `s` is closed in order. */
function balanced(s: string): boolean {
  let depth = 0
  for (const c of s) {
    if ('(（【['.includes(c)) depth++
    else if (')）】]'.includes(c) && --depth < 0) return false
  }
  return depth === 0
}

interface Tokens {
  dates: string[]
  /** Whether every date stands as a field of its own (not glued to a word, as in a headline). */
  datesStandAlone: boolean
  names: string[]
}

/** Lifts dates, times and weekdays out of a segment and splits the rest into name tokens. */
function tokens(segment: string): Tokens {
  const dates: string[] = []
  let datesStandAlone = true
  const rest = segment.replace(DATE_TIME_PARTS, (match: string, ...args: unknown[]) => {
    const offset = args[args.length - 2] as number
    const date = headerDate(match)
    if (date) {
      dates.push(date)
      const before = segment[offset - 1]
      const after = segment[offset + match.length]
      if ((before !== undefined && !FIELD_EDGE.test(before)) || (after !== undefined && !FIELD_EDGE.test(after))) datesStandAlone = false
    }
    return ' | '
  })
  const names = rest
    .split(FIELD_SEPARATOR)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && !/^[-–—_:：,，.。()（）·•/]+$/.test(t))
  return { dates, datesStandAlone, names }
}

/**
 * Reads a header line: labelled fields in both scripts (`来源：… 发布时间：…`,
 * `發佈日期：…`, `更新時間：…`), an unlabelled source before or after a date
 * (`中時新聞網 2025/11/18 21:27`, `2024-01-03 19:22 | 央视网`), a bare date line.
 * `undefined` when the line is not a header line (a headline, a sentence).
 * @example parseMetaLine('來源: 央視新聞客户端  發佈日期: 2024/01/14') // { source: '央視新聞客户端', date: '2024-01-14' }
 */
export function parseMetaLine(line: string): MetaLine | undefined {
  if (line.length > 160 || (line.length > 40 && /[。！？]/.test(line))) return undefined
  const labels = [...line.matchAll(LABEL)]
  const prefix = line.slice(0, labels[0]?.index ?? line.length).replace(/^[(（【[\s]+/, '')
  const head = tokens(prefix)
  if (labels.length === 0) {
    // Unlabelled: dates standing alone, and at most a source (and by-lines) beside them.
    if (head.dates.length === 0 || !head.datesStandAlone) return undefined
    // A label word without its colon (`来源｜央视网 2024-01-05`) names the field after it.
    const labelled = head.names.findIndex((n) => LABEL_KIND.some(([kind, re]) => kind === 'source' && re.test(n)))
    const names = head.names.filter(
      (n, i) => !BYLINE.test(n) && !LABEL_KIND.some(([, re]) => re.test(n)) && (labelled === -1 || i > labelled),
    )
    if (names.length > 2 || !names.every((n) => isNameLike(n, 24))) return undefined
    const out: MetaLine = { date: head.dates[0]! }
    const source = names[0] === undefined ? undefined : cleanSource(names[0])
    if (source !== undefined) out.source = source
    return out
  }
  // Text before the first label may only be a date, a time, a weekday or a source name, and then
  // the line must carry a date (`國家稅務總局發佈：從9月1日起…` is a sentence, `採訪…記者：…` a headline).
  if (prefix.length > 0) {
    if (head.names.length > 1 || !head.names.every((n) => isNameLike(n, 24)) || !head.datesStandAlone) return undefined
    if (head.dates.length === 0 && !DATE.test(line.slice(prefix.length)) && !ROC_DATE.test(line.slice(prefix.length))) return undefined
  }
  const out: MetaLine = {}
  if (head.dates[0]) out.date = head.dates[0]
  let unlabelledSource = head.names[0]
  for (let i = 0; i < labels.length; i++) {
    const m = labels[i]!
    const value = line.slice(m.index + m[0].length, i + 1 < labels.length ? labels[i + 1]!.index : line.length)
    const kind = labelKind(m[1]!)
    const t = tokens(value)
    if (kind === 'source') {
      // The source runs to the next field; Latin words (`China Daily`) stay together.
      const name = t.names.length > 0 ? joinLatin(t.names) : undefined
      const source = name === undefined ? undefined : cleanSource(name)
      if (source !== undefined) out.source ??= source
      if (t.dates[0]) out.date ??= t.dates[0]
    } else if (kind === 'published') {
      if (t.dates[0]) out.date ??= t.dates[0]
    } else if (kind === 'later') {
      if (t.dates[0]) out.laterDate ??= t.dates[0]
    } else if (t.dates[0] && i === 0 && prefix.length === 0) {
      // `作者：张三 2024-03-05`: a date after a credit is still the page's date.
      out.date ??= t.dates[0]
    }
    if (kind !== 'source' && kind !== 'other' && t.names.length === 1 && t.dates.length > 0) unlabelledSource ??= t.names[0]
  }
  if (out.source === undefined && unlabelledSource !== undefined && !BYLINE.test(unlabelledSource) && isNameLike(unlabelledSource, 24)) {
    const source = cleanSource(unlabelledSource)
    if (source !== undefined) out.source = source
  }
  return out
}

/** The first name of a field, with the Latin words after a Latin word (`China Daily`). */
function joinLatin(names: string[]): string {
  let out = names[0]!
  for (let i = 1; i < names.length && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(names[i]!); i++) out += ` ${names[i]!}`
  return out
}

/** The source named in a credit line: `(来源:厅办公室、省科技宣传教育中心 编辑:袁晓玲)` → `厅办公室、省科技宣传教育中心`. */
export function sourceFromCredit(line: string): string | undefined {
  for (const m of line.matchAll(LABEL)) {
    if (labelKind(m[1]!) !== 'source') continue
    const rest = line.slice(m.index + m[0].length)
    const next = rest.search(new RegExp(LABEL.source))
    const value = (next === -1 ? rest : rest.slice(0, next)).replace(/[)）]\s*$/, '')
    return cleanSource(value.replace(/\s{2,}.*$/, ''))
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Dates from the body (last resort)

/** A full date in running text, with what stands right before and after it. */
const BODY_DATE = /(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日|(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g
/** Before a date: it bounds a period (`自2026年1月1日起`), it is not the day of the news. */
const PERIOD_BEFORE = /(?:自|从|從|截至|截止|截止到|截止至|至|到|直至|迄今|以来|以來)\s*$/
const PERIOD_AFTER =
  /^\s*(?:(?:上午|下午|晚上|晚间|凌晨|中午|早上)?\s*\d{0,2}[时時点點]?)?\s*(?:起|前|之前|以前|后|後|之后|之後|以后|以後|止|为止|為止|至今|施行|实施|實施|生效|到期|截止|期间|期間|以来|以來|至|到|—|-|~|～)/
/** A month and day opening the lead, `3月29日，` or `4月7日上午，`. */
const LEAD_MONTH_DAY = /^(?:[^，,。]{0,24}?)(?<!\d)(\d{1,2})月(\d{1,2})日(?:上午|下午|晚上|晚间|晚|早上|凌晨|中午)?\s*[,，]/
/** A year that names the event of the lead, `2024年平頂山市科技工作會議召開`: the event is held in that year. */
const YEAR_NAMED_EVENT =
  /^(\d{4})年(?!度|以来|以來|前|底|末|初|上半年|下半年|全年|第|我国|我國|全国|全國|全省|全市|全年)[^，,。；;]{2,30}?(?:会议|會議|大会|大會|论坛|論壇|峰会|峰會|年会|年會|博览会|博覽會|交易会|交易會|运动会|運動會|座谈会|座談會|工作会|工作會)(?:在[^，,。]{1,12})?(?:召开|召開|举行|舉行|举办|舉辦|开幕|開幕|启动|啟動)/

/** Options of {@link dateFromBody}. */
export interface BodyDateOptions {
  /** No date later than this (`YYYY-MM-DD`, the file's date) is a publication date. */
  notAfter?: string
}

/**
 * A publication date from the body, for articles whose header has none: a
 * full date in the lead paragraph that is not a period's bound
 * (`自2026年1月1日起施行`), or the month and day opening the lead with the
 * year of the event it names (`3月29日，2024年…工作会议召开`), but never a
 * year of statistics (`1月3日，2024年我国民航…`) nor a date later than the file.
 * @example dateFromBody('3月29日,2024年平頂山市科技工作會議召開。會議全面貫徹落實黨的二十大精神。') === '2024-03-29'
 */
export function dateFromBody(paragraph: string, options: BodyDateOptions = {}): string | undefined {
  const ok = (date: string | undefined) =>
    date !== undefined && (options.notAfter === undefined || date <= options.notAfter) ? date : undefined
  for (const m of paragraph.matchAll(BODY_DATE)) {
    const before = paragraph.slice(Math.max(0, m.index - 6), m.index)
    const after = paragraph.slice(m.index + m[0].length, m.index + m[0].length + 12)
    if (PERIOD_BEFORE.test(before) || PERIOD_AFTER.test(after)) continue
    const date = m[1] ? formatDate(Number(m[1]), Number(m[2]), Number(m[3])) : formatDate(Number(m[4]), Number(m[5]), Number(m[6]))
    if (ok(date)) return date
  }
  const lead = LEAD_MONTH_DAY.exec(paragraph.replace(/^[\s\u3000]+/, ''))
  if (!lead) return undefined
  const rest = paragraph.replace(/^[\s\u3000]+/, '').slice(lead[0].length)
  const year = YEAR_NAMED_EVENT.exec(rest)
  if (!year) return undefined
  return ok(formatDate(Number(year[1]), Number(lead[1]), Number(lead[2])))
}

// ---------------------------------------------------------------------------
// Titles

const SENTENCE_END = /[。！？!?]/
/** A leading date or "recently" clause of a news lead: `3月29日,`, `4月7日上午,`, `近日,`. */
const LEAD_CLAUSE =
  /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?(?:上午|下午|晚上|晚间|晚|早上)?|近日|日前|昨天|今天|昨日|今日)\s*[,，、]\s*/

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
 * Whether a line can be a title: 2–200 characters, not ending like a
 * statement or a clause (`？` and `！` are fine), not a labelled field; a
 * line over 80 characters has no full stop and few commas.
 * @example isTitleLine('为什么要这样做？') === true
 */
export function isTitleLine(line: string): boolean {
  if (line.length < 2 || line.length > 200) return false
  if (/[。；;,，:：、]$/.test(line)) return false
  if (line.length > 80 && (/[。]/.test(line) || (line.match(/[，,]/g)?.length ?? 0) > 2)) return false
  return !STARTS_WITH_LABEL.test(line)
}

/** Separators between a headline and the site's name after it. */
const SUFFIX_SEPARATOR = /\s*(?:[_｜|丨]|\s[-–—－]\s|(?<![—-])[—－-](?![—-])|\s*--\s*)\s*/g
/** Words outlet and section names end with. */
const SITE_WORD =
  /(?:网|網|频道|頻道|新闻|新聞|在线|在線|官网|官網|客户端|客戶端|日报|日報|晚报|晚報|早报|早報|时报|時報|商报|商報|报社|報社|通讯社|通訊社|电视台|電視台|电台|電台|广播|廣播|周刊|週刊|杂志|雜誌|门户|門戶|中文网|中文網|新闻网|新聞網|资讯|資訊|首页|首頁|TV|News|news|\.com|\.cn|\.tw|\.hk|\.net|\.org)$/
const SECTION_MAX = 8

/**
 * Removes the site's name (and a section name before it) that a page appends
 * to its headline: `…_新闻频道_央视网`, `…｜三立新聞網`, `… - 中時新聞網`.
 * `extraSuffixes` are more trailing segments known to be site names (the
 * article's source, suffixes learned from the corpus). A headline's own
 * dash (`——`) is left alone.
 * @example stripTitleSuffix('嫦娥六号成功发射_新闻频道_央视网') === '嫦娥六号成功发射'
 */
export function stripTitleSuffix(title: string, extraSuffixes: ReadonlySet<string> = new Set()): string {
  return splitTitleSuffix(title, extraSuffixes).title
}

/**
 * The headline and the site named after it, as {@link stripTitleSuffix} splits them.
 * @example splitTitleSuffix('嫦娥六号成功发射_新闻频道_央视网') // { title: '嫦娥六号成功发射', site: '央视网' }
 */
export function splitTitleSuffix(title: string, extraSuffixes: ReadonlySet<string> = new Set()): { title: string; site?: string } {
  let out = title
  let site: string | undefined
  for (;;) {
    let last: RegExpExecArray | undefined
    for (const m of out.matchAll(SUFFIX_SEPARATOR)) last = m
    if (!last || last.index === 0) break
    const head = out.slice(0, last.index).trim()
    const tail = out.slice(last.index + last[0].length).trim()
    if (head.length < 4 || tail.length === 0) break
    const isSite = tail.length <= 20 && (SITE_WORD.test(tail) || extraSuffixes.has(tail) || extraSuffixes.has(fold(tail)))
    // After the site's name, a short section name (`新闻频道`, `國際`) goes too.
    const section = site !== undefined && tail.length <= SECTION_MAX && /[_｜|丨]/.test(last[0]) && !/[，,。！？!?]/.test(tail)
    if (!isSite && !section) break
    out = head
    site ??= tail
  }
  return site === undefined ? { title: out } : { title: out, site }
}

/** A headline compared with a body line: folded, without spaces and punctuation. */
function comparable(s: string): string {
  return fold(s).replace(/[\s\p{P}\p{S}]/gu, '')
}

/** Whether a body line repeats the headline (either may carry the site's name). */
function sameHeadline(line: string, title: string, suffixes: ReadonlySet<string> | undefined): boolean {
  return comparable(stripTitleSuffix(line, suffixes)) === comparable(stripTitleSuffix(title, suffixes))
}

/** A column name over the headline (`国内新闻`, `要闻`): short, and a longer title-like line follows. */
function isColumnName(line: string, next: string): boolean {
  return line.length <= 8 && next.length > line.length + 4
}

/** `标题：…`: a headline given with its label. */
const TITLE_LABEL = /^(?:标题|標題|题目|題目)\s*[:：]\s*(?=\S)/

/** A short `来源:` line may stand anywhere, e.g. after the last paragraph. */
const TRAILING_SOURCE = /^[(（【[]?\s*(?:(?:文章|信息|稿件|新闻|新聞|本文)?(?:来源|來源))\s*[:：].{1,40}$/

/** Options of {@link extractMetadata}. */
export interface MetadataOptions {
  /** The file's own date (`YYYY-MM-DD`): a date read from the body is never later. */
  fileDate?: string
  /** More title suffixes that are site names (learned from the corpus). */
  titleSuffixes?: ReadonlySet<string>
}

/**
 * Separates title, date and source from the body. The title is the first
 * title-like line of the header (a column name over it is passed over); header
 * lines are read before the first body paragraph, a short `来源:` line
 * anywhere; credit lines give the source when nothing better does; the body's
 * lead gives the date when no header does.
 */
export function extractMetadata(lines: readonly CleanLine[], options: MetadataOptions = {}): ArticleMetadata {
  let title: string | undefined
  let date: string | undefined
  let laterDate: string | undefined
  let source: string | undefined
  let creditSource: string | undefined
  let sawHeaderLine = false
  const body: string[] = []
  const content = lines.filter((l) => l.kind === undefined)
  let contentIndex = -1
  for (const { text, kind } of lines) {
    if (kind === 'credit') {
      creditSource ??= sourceFromCredit(text)
      continue
    }
    if (kind === 'counter') {
      // `发布日期:2022-04-11 15:54 浏览次数:` is both: keep what it says.
      const meta = parseMetaLine(text)
      date ??= meta?.date
      laterDate ??= meta?.laterDate
      source ??= meta?.source
      continue
    }
    if (kind) continue
    contentIndex++
    // The header is everything before the first body paragraph.
    const inHeader = body.length === 0
    const meta = inHeader || TRAILING_SOURCE.test(text) ? parseMetaLine(text) : undefined
    if (meta && (inHeader || meta.source)) {
      date ??= meta.date
      laterDate ??= meta.laterDate
      source ??= meta.source
      sawHeaderLine = true
      continue
    }
    // Pages often repeat the headline as the first line of the body.
    if (title !== undefined && body.length === 0 && sameHeadline(text, title, options.titleSuffixes)) continue
    if (inHeader && title === undefined && TITLE_LABEL.test(text)) {
      title = text.replace(TITLE_LABEL, '')
      continue
    }
    if (inHeader && isTitleLine(text)) {
      const next = content[contentIndex + 1]?.text
      if (title === undefined) {
        title = text
        continue
      }
      // `要闻` then the headline then the header line: the first was a column name.
      if (!sawHeaderLine && isColumnName(title, text) && isTitleLine(text) && next !== undefined && parseMetaLine(next)) {
        title = text
        continue
      }
    }
    body.push(text)
  }
  if (date === undefined && laterDate === undefined && body.length > 0) {
    const dateOptions: BodyDateOptions = options.fileDate === undefined ? {} : { notAfter: options.fileDate }
    date = dateFromBody(body[0]!, dateOptions) ?? trailingDate(body, dateOptions)
  }
  date ??= laterDate
  const out: ArticleMetadata = { body }
  if (title !== undefined) {
    const split = splitTitleSuffix(title, withSource(options.titleSuffixes, source ?? creditSource))
    out.title = split.title
    if (split.site !== undefined) out.site = split.site
  }
  if (date !== undefined) out.date = date
  source ??= creditSource
  if (source !== undefined) out.source = source
  return out
}

/** A date line signing off a notice (`科技局\n2024年3月5日`): among the last three lines, alone on its line. */
function trailingDate(body: readonly string[], options: BodyDateOptions): string | undefined {
  for (const line of body.slice(-3).reverse()) {
    if (line.length > 24) continue
    const meta = parseMetaLine(line)
    if (meta?.date && !meta.source && (options.notAfter === undefined || meta.date <= options.notAfter)) return meta.date
  }
  return undefined
}

function withSource(suffixes: ReadonlySet<string> | undefined, source: string | undefined): ReadonlySet<string> {
  if (source === undefined) return suffixes ?? new Set()
  return new Set([...(suffixes ?? []), source])
}
