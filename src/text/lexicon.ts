import { dict, idf } from '@node-rs/jieba/dict.js'
import { segmenter } from './segmenter.js'

/**
 * The background of general Chinese the digest measures specificity against:
 * jieba's segmenter, its IDF table and the part of speech its dictionary gives
 * each word. Loaded once, lazily (about 0.5 s), and shared by every digest.
 */
export interface Lexicon {
  /** Splits folded (Simplified) text into words; the words concatenate back to the input. */
  cut(text: string): string[]
  /** Inverse document frequency of a word in general Chinese; unknown words get the table's median. */
  idf(word: string): number
  /** The dictionary's part of speech (`n`, `v`, `vn`, `nz`, …), or `undefined` for unknown words. */
  pos(word: string): string | undefined
}

let lexicon: Lexicon | undefined

/** The shared lexicon, built on first use. */
export function getLexicon(): Lexicon {
  if (!lexicon) lexicon = loadLexicon()
  return lexicon
}

function loadLexicon(): Lexicon {
  const decoder = new TextDecoder()
  const jieba = segmenter()
  const idfs = new Map<string, number>()
  for (const line of decoder.decode(idf).split('\n')) {
    const space = line.indexOf(' ')
    if (space <= 0) continue
    const value = Number(line.slice(space + 1))
    if (Number.isFinite(value)) idfs.set(line.slice(0, space), value)
  }
  const sorted = [...idfs.values()].sort((a, b) => a - b)
  const median = sorted[sorted.length >> 1] ?? 10
  const tags = new Map<string, string>()
  for (const line of decoder.decode(dict).split('\n')) {
    const parts = line.split(' ')
    if (parts.length >= 3 && parts[0]) tags.set(parts[0], parts[2]!.trim())
  }
  return {
    cut: (text) => jieba.cut(text, false),
    idf: (word) => idfs.get(word) ?? median,
    pos: (word) => tags.get(word),
  }
}
