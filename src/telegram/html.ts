import type { Excerpt } from '../search/types.js'
import type { Locale } from './locale.js'
import { forDisplay } from './display.js'

/**
 * Send options of every HTML message the bot and the digest send: parse mode HTML,
 * no link previews (a preview of the first link would push the text down).
 * @example ctx.reply(text, { ...HTML, reply_markup: keyboard })
 */
export const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const

/**
 * Escapes text for Telegram's HTML parse mode: `&`, `<`, `>` (and `"` for attribute safety).
 * @example escapeHtml('<b>量子</b> & 芯片') === '&lt;b&gt;量子&lt;/b&gt; &amp; 芯片'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/**
 * Renders an excerpt as HTML: highlighted spans in `<b>…</b>`, everything else escaped,
 * each segment converted to the chat's script separately so bold spans stay in place
 * even when a phrase conversion changes a length.
 * @example highlightExcerpt({ text: '黄河流域', start: 0, end: 4, highlights: [{ start: 0, end: 2 }] }, 'zh-Hant') === '<b>黃河</b>流域'
 */
export function highlightExcerpt(excerpt: Excerpt, locale: Locale): string {
  // Excerpts may span a paragraph break; a space keeps offsets and the result compact.
  const text = excerpt.text.replace(/\r?\n/g, (m) => ' '.repeat(m.length))
  let out = ''
  let pos = 0
  for (const h of excerpt.highlights) {
    const start = Math.max(pos, Math.min(h.start, text.length))
    const end = Math.max(start, Math.min(h.end, text.length))
    if (start > pos) out += escapeHtml(forDisplay(text.slice(pos, start), locale))
    if (end > start) out += `<b>${escapeHtml(forDisplay(text.slice(start, end), locale))}</b>`
    pos = end
  }
  if (pos < text.length) out += escapeHtml(forDisplay(text.slice(pos), locale))
  return out
}
