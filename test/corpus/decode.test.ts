import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/corpus/decode.js'

const SIMPLIFIED =
  '中国铜业召开2024年科技工作会议\n来源: 中国铜业有限公司时间: 2024-05-11\n许波强调,要提高政治站位,坚定不移打好科技创新“主动战”。'
const TRADITIONAL = '3月29日,2024年平頂山市科技工作會議召開。會議全面貫徹落實黨的二十大精神和習近平總書記視察河南重要講話重要指示。'

function decoded(bytes: Uint8Array): { text: string; encoding: string } {
  const r = decodeBytes(bytes)
  if (!r.ok) throw new Error(`expected text, got: ${r.reason}`)
  return r
}

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decoded(Buffer.from(SIMPLIFIED, 'utf8'))).toEqual({ ok: true, text: SIMPLIFIED, encoding: 'utf-8' })
  })

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TRADITIONAL, 'utf8')])
    const r = decoded(bytes)
    expect(r.text).toBe(TRADITIONAL)
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('reads UTF-16 LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SIMPLIFIED, 'utf-16le')])
    expect(decoded(bytes)).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-16le' })
  })

  it('reads UTF-16 BE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TRADITIONAL, 'utf-16be')])
    expect(decoded(bytes)).toMatchObject({ text: TRADITIONAL, encoding: 'utf-16be' })
  })

  it('reads GBK-encoded Simplified text', () => {
    expect(decoded(iconv.encode(SIMPLIFIED, 'gbk'))).toMatchObject({ text: SIMPLIFIED, encoding: 'gb18030' })
  })

  it('reads GBK-encoded Traditional text (GBK has Traditional characters too)', () => {
    expect(decoded(iconv.encode(TRADITIONAL, 'gbk')).text).toBe(TRADITIONAL)
  })

  it('reads GB18030 text with characters outside GBK', () => {
    const text = '科技创新𠮷与会同志交流研讨。'
    expect(decoded(iconv.encode(text, 'gb18030')).text).toBe(text)
  })

  it('reads Big5-encoded Traditional text', () => {
    expect(decoded(iconv.encode(TRADITIONAL, 'big5'))).toMatchObject({ text: TRADITIONAL, encoding: 'big5' })
  })

  it('tells GBK from Big5 even for a short headline', () => {
    expect(decoded(iconv.encode('臺灣科技會議', 'big5')).text).toBe('臺灣科技會議')
    expect(decoded(iconv.encode('科技工作会议', 'gbk')).text).toBe('科技工作会议')
  })

  it('reads UTF-16 LE without a BOM when it is clearly Chinese text', () => {
    expect(decoded(iconv.encode(`${SIMPLIFIED}\n`, 'utf-16le'))).toMatchObject({ text: `${SIMPLIFIED}\n`, encoding: 'utf-16le' })
  })

  it('keeps UTF-8 with a truncated last character as UTF-8 instead of turning it into mojibake', () => {
    const bytes = Buffer.from(SIMPLIFIED + '科', 'utf8').subarray(0, -1)
    const r = decoded(bytes)
    expect(r.encoding).toBe('utf-8')
    expect(r.text.startsWith(SIMPLIFIED)).toBe(true)
  })

  it('skips an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' })
  })

  it('skips a file holding only whitespace', () => {
    expect(decodeBytes(Buffer.from(' \r\n\t\u3000\n', 'utf8'))).toEqual({ ok: false, reason: 'empty file' })
  })

  it('skips binary data with NUL bytes (a PNG header)', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
    expect(decodeBytes(png)).toEqual({ ok: false, reason: 'not a text file (binary data)' })
  })

  it('skips data full of control characters even without NUL bytes', () => {
    const bytes = Buffer.alloc(400)
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26)
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason: 'not a text file (binary data)' })
  })

  it('skips high-byte noise that no encoding reads as Chinese', () => {
    let seed = 42
    const bytes = new Uint8Array(3000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 25)
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason: 'not a text file (binary data)' })
  })

  it('keeps a text that has a few stray control characters', () => {
    const r = decoded(Buffer.from(`科技\u0007创新工作会议召开,与会同志交流研讨。`, 'utf8'))
    expect(r.text).toContain('科技\u0007创新')
  })

  it('never throws on random bytes, and gives a known reason when it skips them', () => {
    let seed = 7
    for (let n = 0; n < 50; n++) {
      const bytes = new Uint8Array(1 + n * 13)
      for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24
      const r = decodeBytes(bytes)
      if (r.ok) expect(r.text).not.toContain('\u0000')
      else expect(['not a text file (binary data)', 'empty file']).toContain(r.reason)
    }
  })
})
