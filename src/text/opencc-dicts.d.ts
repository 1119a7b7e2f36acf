/**
 * opencc-js ships each OpenCC dictionary as a module whose default export is
 * the table as text: `key value[ value…]` entries joined by `|`.
 */
declare module 'opencc-js/dict/TWPhrases' {
  const table: string
  export default table
}
declare module 'opencc-js/dict/TWPhrasesRev' {
  const table: string
  export default table
}
