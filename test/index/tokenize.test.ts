import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/index/read-article.js'
import { fold } from '../../src/index/script.js'
import { findTerms, tokensWithPositions } from '../../src/index/tokenize.js'

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds')
const seedTexts = readdirSync(seedsDir)
  .sort()
  .map((file) => {
    const r = readArticle({ id: file, file, bytes: readFileSync(join(seedsDir, file)) })
    if (!r.ok) throw new Error(r.reason)
    return fold(r.article.text)
  })

const key = (t: { term: string; start: number; end: number }) => `${t.start}:${t.end}:${t.term}`

describe('findTerms', () => {
  it('finds exactly the tokens the tokenizer makes, for every kind of term in the seeds', () => {
    let seed = 3
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (const text of seedTexts) {
      const all = tokensWithPositions(text)
      const vocabulary = [...new Set(all.map((t) => t.term))]
      // Several random query-sized term sets, plus terms that occur only inside longer tokens.
      for (let round = 0; round < 20; round++) {
        const terms = new Set<string>()
        for (let i = 0; i < 12; i++) terms.add(vocabulary[Math.floor(rand() * vocabulary.length)]!)
        terms.add('0').add('1').add('年').add('科').add('2.0')
        const expected = all.filter((t) => terms.has(t.term)).map(key).sort()
        expect(findTerms(text, terms).map(key).sort()).toEqual(expected)
      }
    }
  })

  it('does not find a one-character term inside a longer run, nor a number inside a longer number', () => {
    const text = fold('科技创新，科。2024年投入12024元，增长2.06%')
    expect(findTerms(text, new Set(['科'])).map((t) => t.start)).toEqual([5])
    expect(findTerms(text, new Set(['2024'])).map((t) => t.start)).toEqual([7])
    expect(findTerms(text, new Set(['2.06%', '06'])).map((t) => t.term)).toEqual(['2.06%', '06'])
  })
})
