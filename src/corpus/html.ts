import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { normalizeDate, parseMetaLine, splitTitleSuffix } from './metadata.js'

const isHeaderLine = (line: string) => parseMetaLine(line) !== undefined

/**
 * A web page as a scraper saves it → the lines of its article. The main text
 * is found by Mozilla's Readability (Firefox's reader view) running on
 * linkedom, a small DOM; the title, date, source and site come from the
 * page's meta tags where it has them (Open Graph, `article:published_time`,
 * `pubdate`, JSON-LD `datePublished`, `og:site_name`).
 */

/** What a page says of itself, and its main text as lines. */
export interface HtmlPage {
  title?: string
  /** `YYYY-MM-DD`. */
  date?: string
  source?: string
  site?: string
  /** The main text, one block (paragraph, heading, list item) a line; the first may repeat the title. */
  lines: string[]
  /** Header lines of the page (source, date) found right under the headline, which Readability drops. */
  header: string[]
}

/** The part of the DOM this module walks (linkedom's nodes have it; the project has no DOM typings). */
interface DomNode {
  nodeType: number
  nodeName: string
  childNodes: ArrayLike<DomNode>
  textContent: string | null
  getAttribute?(name: string): string | null
}
interface DomDocument {
  title: string
  querySelector(selector: string): DomNode | null
  querySelectorAll(selector: string): ArrayLike<DomNode>
  documentElement: DomNode
  body: DomNode | null
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'TR',
  'TABLE',
  'BLOCKQUOTE',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'PRE',
  'DD',
  'DT',
  'DL',
])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME'])

/** Text of a subtree, a line break at every block and `<br>`. */
function blockText(node: DomNode): string {
  const parts: string[] = []
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      parts.push(n.textContent ?? '')
      return
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return
    const name = n.nodeName.toUpperCase()
    if (SKIP.has(name)) return
    if (name === 'BR') {
      parts.push('\n')
      return
    }
    const block = BLOCK.has(name)
    if (block) parts.push('\n')
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!)
    if (block) parts.push('\n')
  }
  walk(node)
  return parts.join('')
}

function toLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l.length > 0)
}

/** The first non-empty `content` of the meta tags named (by `name`, `property` or `itemprop`). */
function metaContent(doc: DomDocument, names: readonly string[]): string | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()))
  const metas = doc.querySelectorAll('meta')
  let found: string | undefined
  let rank = Infinity
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!
    const key = (m.getAttribute?.('property') ?? m.getAttribute?.('name') ?? m.getAttribute?.('itemprop') ?? '').toLowerCase()
    const content = m.getAttribute?.('content')?.trim()
    if (!wanted.has(key) || !content) continue
    const r = names.findIndex((n) => n.toLowerCase() === key)
    if (r < rank) {
      rank = r
      found = content
    }
  }
  return found
}

/** `datePublished` of the page's JSON-LD, if any. */
function jsonLdDate(doc: DomDocument): string | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length; i++) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(scripts[i]!.textContent ?? '')
    if (m) return m[1]
  }
  return undefined
}

const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'PubDate',
  'dc.date.issued',
  'dc.date',
  'date',
  'sailthru.date',
]

/**
 * Reads a saved web page. Never throws on odd markup; a page with no
 * readable main text gives the text of its body.
 * @example readHtml('<html><head><meta property="og:title" content="新型探测器完成海试"></head><body><article><p>…</p></article></body></html>').title === '新型探测器完成海试'
 */
export function readHtml(html: string): HtmlPage {
  const { document } = parseHTML(html) as unknown as { document: DomDocument }
  const page: HtmlPage = { lines: [], header: [] }
  const title = metaContent(document, ['og:title', 'twitter:title', 'title', 'headline']) ?? firstText(document, 'h1') ?? document.title
  if (title?.trim()) page.title = title.replace(/\s+/g, ' ').trim()
  const rawDate =
    metaContent(document, DATE_META) ??
    jsonLdDate(document) ??
    document.querySelector('time[datetime]')?.getAttribute?.('datetime') ??
    undefined
  const date = rawDate === undefined ? undefined : normalizeDate(rawDate)
  if (date !== undefined) page.date = date
  const source = metaContent(document, ['source', 'contentsource', 'article:source', 'og:article:source'])
  if (source) page.source = source
  // The site names itself in a meta tag, or at the end of the <title>.
  const site = metaContent(document, ['og:site_name', 'application-name', 'sitename']) ?? splitTitleSuffix(document.title.trim()).site
  if (site) page.site = site
  // Readability changes the document it reads: meta tags and the lines under the headline are read first.
  const h1 = firstText(document, 'h1')
  if (h1 !== undefined && document.body) {
    const all = toLines(blockText(document.body))
    const at = all.findIndex((l) => l === h1.replace(/\s+/g, ' '))
    if (at !== -1) page.header = all.slice(at + 1, at + 4).filter((l) => l.length <= 160 && isHeaderLine(l))
  }
  let main: DomNode | null | undefined
  try {
    // The content as a DOM node, not serialised HTML: its blocks become lines.
    const options = { serializer: (node: unknown): DomNode => node as DomNode, charThreshold: 100 }
    const article = new Readability<DomNode>(document, options).parse()
    main = article?.content
  } catch {
    main = undefined
  }
  page.lines = toLines(blockText(main ?? document.body ?? document.documentElement))
  return page
}

function firstText(doc: DomDocument, selector: string): string | undefined {
  const text = doc.querySelector(selector)?.textContent?.trim()
  return text ? text : undefined
}

/**
 * Whether bytes look like a web page (a `<!doctype html>` or `<html` near the start).
 * @example looksLikeHtml(Buffer.from('<!DOCTYPE html><html>…')) === true
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').trimStart().toLowerCase()
  return (
    head.startsWith('<!doctype html') || head.startsWith('<html') || /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head)
  )
}
