import { describe, expect, it } from 'vitest'
import { buildPassages, paragraphSpans } from '../../src/corpus/passages.js'

/** A sentence of exactly `n` characters ending in 。 */
function sentence(n: number, ch = '科'): string {
  return ch.repeat(n - 1) + '。'
}

describe('paragraphSpans', () => {
  it('gives one span per line, as offsets into the text', () => {
    const text = '会议召开。\n许波指出,要提高站位。\n高贵超主持会议。'
    const spans = paragraphSpans(text)
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['会议召开。', '许波指出,要提高站位。', '高贵超主持会议。'])
  })
})

describe('buildPassages', () => {
  it('makes each short paragraph one passage', () => {
    const text = '会议召开。\n许波指出,要提高站位。'
    const passages = buildPassages(text, paragraphSpans(text))
    expect(passages).toEqual([
      { start: 0, end: 5, paragraph: 0 },
      { start: 6, end: 17, paragraph: 1 },
    ])
  })

  it('splits a long paragraph into sentence windows of at most 300 characters that overlap by one sentence', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => sentence(60 + i * 3, String.fromCharCode(0x4e00 + i)))
    const text = `短段落。\n${sentences.join('')}`
    const passages = buildPassages(text, paragraphSpans(text)).filter((p) => p.paragraph === 1)
    expect(passages.length).toBeGreaterThan(3)
    for (const p of passages) {
      const s = text.slice(p.start, p.end)
      expect(s.length).toBeLessThanOrEqual(300)
      // Windows start and end on sentence boundaries.
      expect(s.endsWith('。')).toBe(true)
      expect(sentences.some((x) => s.startsWith(x))).toBe(true)
    }
    // Consecutive windows share exactly one sentence.
    for (let i = 1; i < passages.length; i++) {
      const prev = text.slice(passages[i - 1]!.start, passages[i - 1]!.end)
      const next = text.slice(passages[i]!.start, passages[i]!.end)
      const shared = sentences.filter((x) => prev.includes(x) && next.includes(x))
      expect(shared).toHaveLength(1)
    }
    // Together they cover the paragraph from its first to its last character.
    expect(passages[0]!.start).toBe(text.indexOf('\n') + 1)
    expect(passages[passages.length - 1]!.end).toBe(text.length)
  })

  it('cuts a sentence longer than the limit at commas, then by length', () => {
    const clause = '科'.repeat(99) + ','
    const text = clause.repeat(5) + '技'.repeat(650) + '。'
    const passages = buildPassages(text, paragraphSpans(text))
    expect(passages.length).toBeGreaterThan(3)
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(300)
    expect(text.slice(passages[0]!.start, passages[0]!.end)).toBe(clause.repeat(3))
    // Every character of the paragraph is in some passage.
    const covered = new Uint8Array(text.length)
    for (const p of passages) covered.fill(1, p.start, p.end)
    expect(covered.every((c) => c === 1)).toBe(true)
  })

  it('can be told not to overlap', () => {
    const text = sentence(200) + sentence(200) + sentence(200)
    const passages = buildPassages(text, paragraphSpans(text), { maxChars: 300, overlap: false })
    expect(passages.map((p) => [p.start, p.end])).toEqual([
      [0, 200],
      [200, 400],
      [400, 600],
    ])
  })
})
