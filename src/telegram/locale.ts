/** The language a chat is answered in: Simplified or Traditional Chinese, or English. */
export type Locale = 'zh-Hans' | 'zh-Hant' | 'en'
