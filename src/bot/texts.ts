import type { Text } from '../telegram/i18n.js'

/** Every reply the bot's own features send, in one place. Chinese is written once, in Simplified. */
export const TEXTS = {
  startPrivate: {
    zh:
      '你好！我是科技新闻搜索机器人，可以在中文科技新闻里帮你查找文章（简体、繁体都能搜）。\n\n' +
      '<b>可以这样用：</b>\n' +
      '{commands}\n' +
      '直接发一个问题 — 我会找出最相关的段落，例如 <code>中国铜业的会议在哪里召开？</code>\n' +
      '搜索示例：<code>/search 黄河流域</code>\n\n' +
      '在任何聊天里输入 <code>@{bot} 关键词</code> 也能搜索。',
    en:
      'Hello! I search Chinese science-and-technology news (Simplified and Traditional script).\n\n' +
      '<b>How to use me:</b>\n' +
      '{commands}\n' +
      'Send a question — I answer with the best passages, e.g. <code>中国铜业的会议在哪里召开？</code>\n' +
      'A search: <code>/search 黄河流域</code>\n\n' +
      'In any chat, type <code>@{bot} keywords</code> to search inline.',
  },
  startGroup: {
    zh: '我是科技新闻搜索机器人。用 <code>/search 黄河流域</code> 搜索，或 @{bot} 加上你的问题。私聊我查看完整说明。',
    en: 'I search Chinese science-and-technology news. Use <code>/search 黄河流域</code>, or mention @{bot} with a question. Message me privately for full help.',
  },
  searchUsage: {
    zh: '请在 /search 后面写上要找的关键词，例如：\n<code>/search 黄河流域</code>\n<code>/search 科技工作会议</code>',
    en: 'Put the keywords after /search, for example:\n<code>/search 黄河流域</code>\n<code>/search 科技工作会议</code>',
  },
  searchHeader: {
    zh: '🔎 <b>「{query}」</b>：共 {total} 篇，第 {page}/{pages} 页',
    en: '🔎 <b>“{query}”</b>: {articles}, page {page}/{pages}',
  },
  questionHeader: {
    zh: '💬 关于 <b>「{query}」</b>，最相关的段落：',
    en: '💬 The most relevant passages for <b>“{query}”</b>:',
  },
  source: { zh: '来源：{source}', en: 'Source: {source}' },
  readHint: { zh: '📖 全文：{command}', en: '📖 Full text: {command}' },
  noResults: {
    zh: '没有找到与「{query}」相关的文章。\n试试更短或更常见的关键词，例如「黄河」「科技工作会议」，或者把问题拆成两三个词。',
    en: 'Nothing found for “{query}”.\nTry shorter or more common keywords, e.g. 黄河 or 科技工作会议, or split the question into two or three words.',
  },
  previous: { zh: '‹ 上一页', en: '‹ Previous' },
  next: { zh: '下一页 ›', en: 'Next ›' },
  readButton: { zh: '📖 {n}', en: '📖 {n}' },
  searchExpired: {
    zh: '这次搜索已过期，请重新搜索。',
    en: 'This search has expired, please search again.',
  },
  readUsage: {
    zh: '请在 /read 后面写上文章编号，例如 <code>/read {example}</code>。编号显示在搜索结果里。',
    en: 'Put the article id after /read, e.g. <code>/read {example}</code>. Ids are shown in search results.',
  },
  articleNotFound: {
    zh: '找不到编号为 {id} 的文章，它可能已被删除。请重新搜索。',
    en: 'There is no article with id {id}; it may have been removed. Please search again.',
  },
  articleTruncated: {
    zh: '（全文太长，只发送了前 {parts} 部分。）',
    en: '(The article is too long; only the first {parts} parts were sent.)',
  },
  readFullButton: { zh: '📖 阅读全文', en: '📖 Read the full article' },
  langButton: { zh: '🌐 语言 / Language', en: '🌐 Language / 语言' },
  slowDown: {
    zh: '⏳ 你搜索得太快了，请稍等几秒再试。',
    en: '⏳ You are searching too fast; please wait a few seconds and try again.',
  },
  slowDownShort: { zh: '太快了，请稍等几秒。', en: 'Too fast, please wait a few seconds.' },
  langPrompt: {
    zh: '请选择回复和文章显示的语言：',
    en: 'Choose the language for replies and articles:',
  },
  langSet: {
    zh: '好的，以后用{name}回复。',
    en: 'OK, I will reply in {name} from now on.',
  },
  langAdminsOnly: { zh: '只有群管理员可以更改本群的语言。', en: 'Only group admins can change the language of this group.' },
  unknownCommand: {
    zh: '我不认识这个命令。发送 /help 查看可用的命令。',
    en: 'I don’t know that command. Send /help to see what I can do.',
  },
  textOnly: {
    zh: '我只能读文字消息。请发送关键词或问题，例如「黄河流域生态保护」。',
    en: 'I can only read text. Send keywords or a question, e.g. 黄河流域生态保护.',
  },
  notSaved: {
    zh: '抱歉，这项更改没能保存（服务器存储出了问题），所以没有生效。请稍后再试。',
    en: 'Sorry, this change could not be saved (a storage problem on the server), so nothing changed. Please try again later.',
  },
  apology: {
    zh: '抱歉，处理你的请求时出错了，请稍后再试。',
    en: 'Sorry, something went wrong while handling your request. Please try again later.',
  },
  inlineLatest: { zh: '最新文章', en: 'Latest articles' },
  inlineNoResults: { zh: '没有找到「{query}」的相关文章', en: 'Nothing found for “{query}”' },
  inlineNoResultsHint: {
    zh: '试试更短或更常见的中文关键词，例如「黄河」「人工智能」。',
    en: 'The articles are in Chinese: try Chinese keywords, e.g. 人工智能 (AI), 芯片 (chips), 黄河 (Yellow River).',
  },
  unanswered: {
    zh: '没有找到关于「{missing}」的文章，所以「{query}」在这里没有答案。这里收录的是中文科技新闻；可以换个说法，或用 /search 搜索别的关键词。',
    en: 'No article here is about “{missing}”, so “{query}” has no answer in these articles (Chinese sci-tech news). Try other words, or /search another topic.',
  },
  unsaid: {
    zh: '相关的文章都没有提到「{unsaid}」，所以「{query}」在这里没有答案。可以换个问法，或用 /search 搜索关键词。',
    en: 'The articles on this never mention “{unsaid}”, so “{query}” has no answer here. Try asking another way, or /search keywords.',
  },
  unknown: {
    zh: '相关的报道说「{unknown}」还不清楚或仍在调查，所以「{query}」在这里还没有答案。可以稍后再问，或用 /search 搜索关键词。',
    en: 'The reports on this say the “{unknown}” is not known yet or still under investigation, so “{query}” has no answer here yet. Ask again later, or /search keywords.',
  },
  noResultsEnglish: {
    zh: '没有找到与「{query}」相关的文章。文章都是中文的，请用中文关键词搜索，例如 <code>/search 人工智能</code>。',
    en:
      'Nothing found for “{query}”. The articles are in Chinese, so search with Chinese keywords, e.g. ' +
      '<code>/search 人工智能</code> (artificial intelligence), <code>/search 芯片</code> (chips) or <code>/search 新能源</code> (new energy). ' +
      'Names written in Latin letters (ChatGPT, 5G) work as they are.',
  },
  greeting: {
    zh: '大家好！我是科技新闻搜索机器人。用 <code>/search 关键词</code> 搜索中文科技新闻，或 @{bot} 加上你的问题；群管理员可以用 /subscribe 订阅每日摘要。私聊我查看完整说明。',
    en: 'Hello! I search Chinese science-and-technology news. Use <code>/search keywords</code>, or mention @{bot} with a question; group admins can /subscribe to a daily digest. Message me privately for full help.',
  },
  readInPrivate: { zh: '📖 在私聊中阅读全文', en: '📖 Read it all in a private chat' },
  readShortened: {
    zh: '（全文较长，为免刷屏，在私聊中阅读全文。）',
    en: '(The full article is long; read it in a private chat so the group is not flooded.)',
  },
} satisfies Record<string, Text>

/** The language picker's labels are shown in their own script whatever the chat's locale. */
export const LOCALE_LABELS = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
} as const
