import * as OpenCC from 'opencc-js'
import type { Script } from './types.js'

/**
 * Script handling with OpenCC: display conversion (phrase-aware) and a
 * length-preserving fold used for indexing and querying, so that offsets into
 * the folded text are offsets into the original text.
 */

// opencc-js's type declarations do not resolve under NodeNext (extensionless relative imports), so its
// converters are typed here.
type Convert = (text: string) => string
const t2s = OpenCC.Converter({ from: 'hk', to: 'cn' }) as Convert
const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' }) as Convert
const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' }) as Convert

/** Converts Traditional (Taiwan or Hong Kong variants) to Simplified, phrase-aware. For display. */
export function toSimplified(text: string): string {
  return t2s(tw2s(text))
}

/** Converts Simplified to Traditional (Taiwan standard), phrase-aware. For display. */
export function toTraditional(text: string): string {
  return s2t(text)
}

/** Per-UTF-16-unit fold table: width, case, Traditional → Simplified. Built once, lazily. */
let foldTable: Uint16Array | undefined
/** Code units that are Traditional-only (fold changes them) or Simplified-only (s2t changes them). */
let tradOnly: Uint8Array | undefined
let simpOnly: Uint8Array | undefined

function buildTables(): void {
  const table = new Uint16Array(65536)
  for (let c = 0; c < 65536; c++) table[c] = c
  // ASCII case.
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32
  // Full-width ASCII → ASCII (and case).
  for (let c = 0xff01; c <= 0xff5e; c++) {
    let a = c - 0xfee0
    if (a >= 0x41 && a <= 0x5a) a += 32
    table[c] = a
  }
  table[0x3000] = 0x20 // ideographic space
  table[0x00a0] = 0x20 // no-break space
  const trad = new Uint8Array(65536)
  const simp = new Uint8Array(65536)
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ]
  const chars: string[] = []
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) chars.push(String.fromCharCode(c))
  // One character per line so no phrase rule spans two characters.
  const joined = chars.join('\n')
  const toS = toSimplified(joined).split('\n')
  const toTJoined = toTraditional(joined)
  const toT = toTJoined.split('\n')
  const roundTrip = toSimplified(toTJoined).split('\n')
  if (toS.length !== chars.length || toT.length !== chars.length) throw new Error('script: OpenCC changed the line count')
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!.charCodeAt(0)
    const s = toS[i]!
    const t = toT[i]!
    // A character that Simplified→Traditional changes is itself Simplified (么, 干, 里):
    // never fold it, or 什么 would become 什幺.
    const isSimplified = t.length === 1 && t.charCodeAt(0) !== c && roundTrip[i] === chars[i]
    if (isSimplified) simp[c] = 1
    else if (s.length === 1 && s.charCodeAt(0) !== c) {
      table[c] = s.charCodeAt(0)
      trad[c] = 1
    }
  }
  foldTable = table
  tradOnly = trad
  simpOnly = simp
}

/**
 * Folds text to one script and width for matching: Traditional → Simplified
 * (character by character, from OpenCC's tables), full-width → half-width,
 * upper → lower case, and numbers written digit by digit in Chinese numerals
 * (二〇二五年 → 2025年, `numeralDigits`), and ranges between numbers written
 * with a dash (1到5月 → 1—5月, `numberRanges`). The result has the same length as the
 * input, so an offset into it is an offset into the original.
 * @example fold('採煤沉陷區 ＡＢＣ') === '采煤沉陷区 abc'
 */
export function fold(text: string): string {
  return numberRanges(numeralDigits(foldCharacters(text)))
}

/**
 * 到, 至 or a tilde between two numbers (1到5月, 1至5月, 4～6℃), or a hyphen between two
 * month numbers (1-10月; not the hyphens of a date, 2024-10-13): a range, written as news
 * writes it (1—5月).
 */
const RANGE_WORD = /(?<=\d)[到至~～](?=\d)|(?<=(?<![\d.-])\d{1,2})-(?=\d{1,2}月)/g

/** Writes the word or sign of a range between numbers as a dash, so 1到5月 and 1-5月 find 1—5月. */
function numberRanges(text: string): string {
  return /\d[到至~～-]\d/.test(text) ? text.replace(RANGE_WORD, '—') : text
}

function foldCharacters(text: string): string {
  if (!foldTable) buildTables()
  const table = foldTable!
  let first = 0
  // Most text needs no change: find the first character that does before allocating anything.
  while (first < text.length && table[text.charCodeAt(first)] === text.charCodeAt(first)) first++
  if (first === text.length) return text
  let out = ''
  const codes = new Array<number>(text.length)
  for (let i = 0; i < text.length; i++) codes[i] = i < first ? text.charCodeAt(i) : table[text.charCodeAt(i)]!
  // Build in chunks: String.fromCharCode has an argument limit.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192))
  return out
}

/** The digit each Chinese numeral writes, one by one (二〇二五 → 2025). */
export const CHINESE_DIGIT: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
}

/**
 * A number written digit by digit in Chinese numerals: a year (一九四九年, 二〇二五年)
 * or any run with 〇, which only such numbers use (二〇五所). Not 三四年 (three or four
 * years) nor 十一五: a run of other lengths without 〇 is a count or a name.
 */
const DIGIT_BY_DIGIT =
  /(?<![〇零一二三四五六七八九十百千万])[〇零一二三四五六七八九]{4}(?=年)|[〇零一二三四五六七八九]*〇[〇零一二三四五六七八九]*/g

/**
 * The value of a count in Chinese numerals up to 99 (六 → 6, 十八 → 18, 二十 → 20,
 * 二十一 → 21), or undefined for anything else.
 */
export function smallNumberValue(numeral: string): number | undefined {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(numeral)
  if (!m || numeral === '' || (m[1] !== '' && m[2] === '' && m[3] !== '')) return undefined
  const digit = (d: string) => Number(CHINESE_DIGIT[d])
  if (m[2] === '') return digit(m[1] || m[3]!)
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[3] ? digit(m[3]) : 0)
}

/** Writes numbers spelled digit by digit (DIGIT_BY_DIGIT) in Arabic digits, so 2025年 finds 二〇二五年. */
function numeralDigits(text: string): string {
  if (!text.includes('〇') && !text.includes('年')) return text
  return text.replace(DIGIT_BY_DIGIT, (run) => (run.length < 2 ? run : run.replace(/./g, (d) => CHINESE_DIGIT[d]!)))
}

/** Which script a text is mostly in: counts characters only one script uses. Ties go to Simplified. */
export function detectScript(text: string): Script {
  if (!foldTable) buildTables()
  let t = 0
  let s = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (tradOnly![c]) t++
    else if (simpOnly![c]) s++
  }
  return t > s ? 'hant' : 'hans'
}
