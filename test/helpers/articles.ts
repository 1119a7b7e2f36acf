/**
 * Invented articles for bot tests (never text of a real outlet), written as the
 * files a scraper leaves, and the real library opened over them: bot tests
 * search the real index, not a stand-in.
 *
 * @example
 *   const corpus = await openTestLibrary()
 *   const id = corpus.idOf(COPPER)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary, type OpenedLibrary } from '../../src/library/library.js'
import { silentLogger } from '../../src/logger.js'

/** What a test article is made of. */
export interface ArticleSeed {
  /** File name in the corpus folder. */
  file: string
  title: string
  date?: string
  source?: string
  paragraphs: string[]
}

/** Simplified: Yellow River ecology work conference. */
export const YELLOW_RIVER: ArticleSeed = {
  file: 'yellow-river.txt',
  title: '黄河流域生态保护科技工作会议在郑州召开',
  date: '2024-03-15',
  source: '河南科技网',
  paragraphs: [
    '3月14日,黄河流域生态保护和高质量发展科技工作会议在郑州召开。会议总结了2023年科技工作成效,部署2024年重点任务。',
    '会议指出,要围绕黄河流域生态保护、水沙调控和盐碱地治理等方向,组织实施一批重大科技项目,推动科技成果在沿黄九省区转化应用。',
    '会议强调,各单位要加强协同创新,完善科技投入机制,培养高水平科技人才队伍。',
  ],
}

/** Traditional: coal geology bureau meeting, also about the Yellow River. */
export const COAL_GEOLOGY: ArticleSeed = {
  file: 'coal-geology.txt',
  title: '中國煤炭地質總局召開科技專題工作會',
  date: '2024-09-29',
  source: '森工機械',
  paragraphs: [
    '9月23日,中國煤炭地質總局黨委書記、科技創新領導小組組長賈春曲主持召開科技專題工作會,深入學習黃河流域生態保護和高質量發展座談會精神。',
    '會議要求,通過科技創新支撐、促進黃河流域生態保護和高質量發展,加快推進採煤沉陷區綜合治理技術攻關。',
  ],
}

/** Copper industry conference in Kunming (Simplified); answers "where was it held?". */
export const COPPER: ArticleSeed = {
  file: 'copper.txt',
  title: '中国铜业召开2024年科技工作会议',
  date: '2024-02-20',
  source: '中国铜业',
  paragraphs: [
    '2月19日,中国铜业在云南昆明召开2024年科技工作会议,总结2023年科技创新工作,安排部署2024年重点工作。',
    '会议提出,要聚焦铜铝铅锌等关键金属,加快绿色冶炼和资源综合利用技术研发。',
  ],
}

/** Hostile markup in the title, source and body: must be shown literally, never interpreted. */
export const HOSTILE: ArticleSeed = {
  file: 'hostile.txt',
  title: '<b>量子</b>芯片 & 测控系统 </a> 研讨会',
  date: '2024-05-08',
  source: '<i>科技</i>&日报',
  paragraphs: [
    '研讨会讨论了量子芯片的测控方案 <script>alert(1)</script>,与会专家认为 A&B 两条路线各有优势 </a><a href="x">。',
    '量子芯片测控系统的国产化率已超过 80% & 仍在提升,<b>不是粗体</b>。',
  ],
}

function longParagraphs(): string[] {
  const topics = ['人工智能', '新能源', '生物医药', '新材料', '集成电路', '现代农业', '智能制造', '数字经济']
  const paragraphs: string[] = []
  for (let i = 0; i < 50; i++) {
    const topic = topics[i % topics.length]!
    paragraphs.push(
      `第${i + 1}项:围绕${topic}领域,省科技厅组织实施重大科技专项,支持企业牵头组建创新联合体,` +
        `开展关键核心技术攻关,推动科技成果转化和产业化应用。` +
        `今年计划新增高新技术企业${100 + i}家,建设省级重点实验室${5 + (i % 7)}个,培育科技型中小企业${1000 + i * 10}家。` +
        `同时,加强科技金融服务,完善科技成果评价机制,营造良好创新生态,为高质量发展提供有力支撑。`,
    )
  }
  // One paragraph far over Telegram's 4,096 limit, so it has to be split at sentence boundaries.
  const sentences: string[] = []
  for (let i = 0; i < 90; i++) sentences.push(`第${i + 1}句:加快建设国家创新高地,推动创新链产业链资金链人才链深度融合。`)
  paragraphs.splice(20, 0, sentences.join(''))
  return paragraphs
}

/** A very long article (> 10,000 characters), including one paragraph longer than 4,096. */
export const LONG_REPORT: ArticleSeed = {
  file: 'long-report.txt',
  title: '河南省2024年科技创新工作要点',
  date: '2024-01-10',
  source: '河南省科学技术厅',
  paragraphs: longParagraphs(),
}

export const DEFAULT_ARTICLES: readonly ArticleSeed[] = [YELLOW_RIVER, COAL_GEOLOGY, COPPER, HOSTILE, LONG_REPORT]

/** `count` plain articles, to fill pages. */
export function manyArticles(count: number): ArticleSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `n${String(i).padStart(4, '0')}.txt`,
    title: `第${i + 1}篇：省科技厅部署科技创新重点任务`,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-01`,
    source: '科技日报',
    paragraphs: [`第${i + 1}篇正文：会议部署了年度科技创新重点任务，推进关键核心技术攻关。`],
  }))
}

/** The file a scraper would leave: the title, a source and date line, then the paragraphs. */
export function articleFile(seed: ArticleSeed): string {
  const meta = [seed.source ? `来源：${seed.source}` : '', seed.date ? `发布时间：${seed.date}` : ''].filter(Boolean).join('　')
  return [seed.title, ...(meta ? [meta] : []), ...seed.paragraphs].join('\n') + '\n'
}

/** A corpus folder of these articles, and the real library opened over it. */
export interface TestCorpus {
  library: OpenedLibrary
  /** The corpus folder (articles). */
  seedsDir: string
  /** The library's DATA_DIR. */
  dataDir: string
  /** The id the library gave an article. */
  idOf: (seed: ArticleSeed) => string
  /** Closes the library and deletes both folders. */
  close(): Promise<void>
}

/**
 * Writes the articles into a fresh folder and opens the real library on it.
 * @example const corpus = await openTestLibrary([COPPER]); await corpus.library.search('铜业')
 */
export async function openTestLibrary(seeds: readonly ArticleSeed[] = DEFAULT_ARTICLES): Promise<TestCorpus> {
  const root = mkdtempSync(join(tmpdir(), 'keji-corpus-'))
  const seedsDir = join(root, 'seeds')
  const dataDir = join(root, 'data')
  mkdirSync(seedsDir)
  for (const seed of seeds) writeFileSync(join(seedsDir, seed.file), articleFile(seed))
  const library = await openLibrary({ seedsDir, dataDir, logger: silentLogger })
  return {
    library,
    seedsDir,
    dataDir,
    idOf: (seed) => {
      const meta = library.listArticles().find((m) => m.file === seed.file)
      if (!meta) throw new Error(`test corpus: no article for ${seed.file}`)
      return meta.id
    },
    close: async () => {
      await library.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
