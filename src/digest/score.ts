import { toSimplified } from '../text/script.js'

/**
 * Scoring a digest against labelled stories (the format of `digest-stories.json`):
 * which labelled stories its themes cover, which themes are noise, which are
 * named after a word that is never a theme (an outlet, a programme, a slogan).
 */

/** A labelled story: its name and the files of the window that are mainly about it. */
export interface LabelledStory {
  name: string
  files: string[]
}

/** A labelled window: its stories and the names a theme must not have. */
export interface LabelledWindow {
  from: string
  to: string
  stories: LabelledStory[]
  non_themes: string[]
}

/** A theme as scored: its name and the files it cites. */
export interface ScoredTheme {
  name: string
  files: string[]
}

export interface DigestScore {
  /** Labelled stories covered by some theme / labelled stories. */
  recall: number
  /** Themes that cover a story / themes (0 without themes). */
  precision: number
  covered: string[]
  missed: string[]
  /** Themes whose cited files have no majority story. */
  unmatched: string[]
  /** Themes whose name, normalised, equals a non-theme. */
  nonThemeNames: string[]
  /** Files cited by more than one theme. */
  citedTwice: string[]
  /** For each theme, the story it covers (or undefined). */
  matches: Array<string | undefined>
}

/**
 * A name as the labels compare it: Simplified, NFKC, without spaces and
 * quotation or title marks (【】《》“” and the like).
 * @example normalizeName('《新聞聯播》') === '新闻联播'
 */
export function normalizeName(name: string): string {
  return toSimplified(name.normalize('NFKC'))
    .normalize('NFKC')
    .replace(/[\s【】《》〈〉“”‘’「」『』"'·・•]/g, '')
}

/**
 * Scores themes against a labelled window, as news-dev's README describes:
 * a story is covered when some theme cites at least two of its files and more
 * than half of that theme's cited files belong to it; precision is the share
 * of themes that cover a story; a theme named after a non-theme is a defect.
 */
export function scoreThemes(themes: readonly ScoredTheme[], window: LabelledWindow): DigestScore {
  const storiesOf = new Map<string, string[]>()
  for (const s of window.stories) for (const f of s.files) storiesOf.set(f, [...(storiesOf.get(f) ?? []), s.name])
  const covered = new Set<string>()
  const unmatched: string[] = []
  const matches: Array<string | undefined> = []
  for (const t of themes) {
    const files = [...new Set(t.files)]
    const count = new Map<string, number>()
    for (const f of files) for (const s of storiesOf.get(f) ?? []) count.set(s, (count.get(s) ?? 0) + 1)
    let match: string | undefined
    for (const s of window.stories) {
      const c = count.get(s.name) ?? 0
      if (c >= 2 && c * 2 > files.length && (match === undefined || c > (count.get(match) ?? 0))) match = s.name
    }
    // A theme may cover two stories at once only if one file serves both; the first majority is the match.
    for (const s of window.stories) {
      const c = count.get(s.name) ?? 0
      if (c >= 2 && c * 2 > files.length) covered.add(s.name)
    }
    matches.push(match)
    if (match === undefined) unmatched.push(t.name)
  }
  const forbidden = new Set(window.non_themes.map(normalizeName))
  const citations = new Map<string, number>()
  for (const t of themes) for (const f of new Set(t.files)) citations.set(f, (citations.get(f) ?? 0) + 1)
  return {
    recall: window.stories.length === 0 ? 1 : covered.size / window.stories.length,
    precision: themes.length === 0 ? 0 : (themes.length - unmatched.length) / themes.length,
    covered: window.stories.filter((s) => covered.has(s.name)).map((s) => s.name),
    missed: window.stories.filter((s) => !covered.has(s.name)).map((s) => s.name),
    unmatched,
    nonThemeNames: themes.map((t) => t.name).filter((n) => forbidden.has(normalizeName(n))),
    citedTwice: [...citations].filter(([, n]) => n > 1).map(([f]) => f),
    matches,
  }
}
