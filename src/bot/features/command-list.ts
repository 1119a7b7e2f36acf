/** A command for `setMyCommands`, described in Chinese and English. */
export interface CommandDescription {
  command: string
  zh: string
  en: string
}
