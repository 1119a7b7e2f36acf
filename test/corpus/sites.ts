/**
 * Invented news sites, each with its own habits, for tests of reading and of
 * learned templates: a Taiwanese site (Traditional, `｜站名` titles, unlabelled
 * `站名 日期` lines, reporter datelines, photo credits, a copyright footer), a
 * mainland portal (`_频道_站名` titles, bracketed source, a lead-in with the
 * reporter, share and editor lines, related news), a provincial government
 * site (breadcrumbs, 字号 and 浏览次数 in the header, notices signed with a
 * date, a footer block) and a Hong Kong paper (a 作者 line and a column name
 * over the headline, 日期 labels). One story also runs on every site, as
 * outlets do with a shared report. All text is made up here.
 */
import { toTraditional } from '../../src/text/script.js'

/** One generated file and what a reader should find in it. */
export interface SiteArticle {
  file: string
  text: string
  gold: { title: string; date: string; source: string | null }
  /** The sentences the article is about: they must survive template removal. */
  content: string[]
  /** Template text the site wrapped it in: it must not. */
  template: string[]
}

/** xorshift32: the same seed gives the same sites. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 2 ** 32
  }
}

const SUBJECTS = [
  '市政府',
  '科技局',
  '研究团队',
  '该公司',
  '当地农民',
  '大学实验室',
  '交通部门',
  '环保组织',
  '医院',
  '气象台',
  '图书馆',
  '电力公司',
]
const ACTIONS = ['宣布启动', '顺利完成', '正在推进', '首次公开', '联合发布', '试点建设', '全面升级', '重新设计', '持续监测', '率先应用']
const OBJECTS = [
  '智慧农业示范区',
  '新能源公交线路',
  '城市防洪预警系统',
  '海水淡化装置',
  '老旧小区改造工程',
  '儿童阅读推广计划',
  '无人机巡检网络',
  '湿地生态修复项目',
  '远程问诊平台',
  '氢燃料电池生产线',
  '古籍数字化工程',
  '山区光纤入户工程',
]
const TAILS = [
  '预计明年投入使用',
  '覆盖全市{n}个街道',
  '总投资约{n}亿元',
  '已有{n}户居民受益',
  '相关负责人表示将继续扩大规模',
  '专家认为这将带动上下游产业发展',
  '目前进展顺利',
  '第一批{n}台设备已经到位',
  '市民可通过手机预约体验',
  '项目团队由{n}名工程师组成',
]
const NAMES = ['林小华', '陈大明', '王美玲', '张志强', '李雅婷', '黄建国', '吴佩珊', '刘宏伟', '赵敏', '周文杰']
const CITIES = ['台北', '新北', '台中', '高雄', '桃园', '台南']
const HEADS = ['{o}建设提速', '{s}{a}{o}', '{o}迎来新进展', '聚焦{o}：{s}{a}', '{o}为何受关注？', '{s}：{o}成效显著！']

/** Makes `n` articles for each of the four sites, plus one shared story on each. */
export function makeSites(perSite = 30, seed = 7): SiteArticle[] {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const num = () => String(2 + Math.floor(r() * 97))
  const pad = (x: number) => String(x).padStart(2, '0')
  const used = new Set<string>()
  /** A content sentence never used before, so content is each article's own. */
  const sentence = (): string => {
    for (;;) {
      const s = `${pick(SUBJECTS)}${pick(ACTIONS)}${pick(OBJECTS)}，${pick(TAILS).replace('{n}', num())}。`
      if (!used.has(s)) {
        used.add(s)
        return s
      }
    }
  }
  const headline = (): string => {
    for (;;) {
      const h = pick(HEADS).replace('{s}', pick(SUBJECTS)).replace('{a}', pick(ACTIONS)).replace('{o}', pick(OBJECTS))
      if (!used.has(h)) {
        used.add(h)
        return h
      }
    }
  }
  const paragraphs = (k: number) => Array.from({ length: k }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, sentence).join(''))
  const day = () => {
    const m = 1 + Math.floor(r() * 12)
    const d = 1 + Math.floor(r() * 28)
    return { Y: 2025, M: m, D: d, MM: pad(m), DD: pad(d), hh: pad(8 + Math.floor(r() * 12)), mm: pad(Math.floor(r() * 60)) }
  }
  const out: SiteArticle[] = []
  const shared = paragraphs(3)
  const sharedTitle = headline()
  const otherTitles = Array.from({ length: 12 }, headline)

  // 晨光新聞網: Taiwan, Traditional.
  for (let i = 0; i <= perSite; i++) {
    const isShared = i === perSite
    const t = day()
    const title = toTraditional(isShared ? sharedTitle : headline())
    const body = (isShared ? shared : paragraphs(3 + Math.floor(r() * 3))).map(toTraditional)
    const reporter = `記者${toTraditional(pick(NAMES))}／${toTraditional(pick(CITIES))}報導`
    const header =
      i % 2 === 0
        ? `晨光新聞網 ${t.Y}/${t.MM}/${t.DD} ${t.hh}:${t.mm}`
        : `發佈時間：${t.Y}/${t.MM}/${t.DD} ${t.hh}:${t.mm}\u3000更新時間：${t.Y}/${t.MM}/${t.DD} 23:59`
    const lines = [`${title}｜晨光新聞網`, header, reporter]
    const template = [reporter, '本網站所有內容，未經書面授權，不得轉載或公開傳輸。']
    body.forEach((p, j) => {
      if (j === 0 && r() < 0.6) {
        lines.push(`${p}（資料照）`)
        template.push('（資料照）')
      } else lines.push(p)
      if (j === 1 && r() < 0.5) {
        const credit = `（圖／記者${toTraditional(pick(NAMES))}攝）`
        lines.push(credit)
        template.push(credit)
      }
    })
    const related = [0, 1, 2].map(() => toTraditional(pick(otherTitles)))
    lines.push('延伸閱讀', ...related, '本網站所有內容，未經書面授權，不得轉載或公開傳輸。')
    template.push(...related)
    out.push({
      file: `tw-${pad(i)}.txt`,
      text: lines.join('\n'),
      gold: { title, date: `${t.Y}-${t.MM}-${t.DD}`, source: i % 2 === 0 ? '晨光新聞網' : null },
      content: body,
      template,
    })
  }

  // 东方科讯网: a mainland portal, Simplified.
  for (let i = 0; i <= perSite; i++) {
    const isShared = i === perSite
    const t = day()
    const title = isShared ? sharedTitle : headline()
    const body = isShared ? [...shared] : paragraphs(3 + Math.floor(r() * 3))
    const lead = `东方科讯网讯（记者 ${pick(NAMES)}）`
    const editor = `【纠错】 责任编辑：${pick(NAMES)}`
    const header =
      i % 2 === 0
        ? `${t.Y}-${t.MM}-${t.DD} ${t.hh}:${t.mm}:${pad(Math.floor(r() * 60))}\u3000来源：东方科讯网（上海）`
        : `来源：东方科讯网（上海）\u3000作者：${pick(NAMES)}\u3000发布时间：${t.Y}年${t.MM}月${t.DD}日`
    const lines = [`${title}_科技频道_东方科讯网`, header]
    if (r() < 0.3) lines.push(title)
    lines.push(lead + body[0]!, ...body.slice(1))
    const related = [0, 1, 2].map(() => pick(otherTitles))
    lines.push('分享到：微信 微博 QQ空间', editor, '相关新闻：', ...related)
    out.push({
      file: `cn-${pad(i)}.txt`,
      text: lines.join('\n'),
      gold: { title, date: `${t.Y}-${t.MM}-${t.DD}`, source: '东方科讯网（上海）' },
      content: body,
      template: [lead, '分享到：微信 微博 QQ空间', editor, ...related],
    })
  }

  // 江南省科学技术厅: a provincial government site; some pages are notices signed with a date.
  for (let i = 0; i <= perSite; i++) {
    const isShared = i === perSite
    const t = day()
    const notice = !isShared && i % 4 === 3
    const title = isShared ? sharedTitle : notice ? `关于开展${pick(OBJECTS)}申报工作的通知` : headline()
    const body = isShared ? [...shared] : paragraphs(2 + Math.floor(r() * 4))
    const lines = ['当前位置：首页 > 工作动态 > 厅内要闻', title]
    if (!notice)
      lines.push(
        i % 2 === 0
          ? `发布时间：${t.Y}-${t.MM}-${t.DD} ${t.hh}:${t.mm}\u3000\u3000来源：省科技厅\u3000\u3000字号：大 中 小`
          : `日期：${t.Y}年${t.M}月${t.D}日\u3000浏览次数：${num()}\u3000来源：江南省科学技术厅`,
      )
    lines.push(...body)
    if (notice) lines.push('江南省科学技术厅', `${t.Y}年${t.M}月${t.D}日`)
    lines.push(
      '【打印本页】【关闭窗口】',
      '主办单位：江南省科学技术厅\u3000承办单位：江南省科技信息中心',
      '网站标识码：3300000001 江ICP备05001234号',
    )
    out.push({
      file: `gov-${pad(i)}.txt`,
      text: lines.join('\n'),
      gold: { title, date: `${t.Y}-${t.MM}-${t.DD}`, source: notice ? null : i % 2 === 0 ? '省科技厅' : '江南省科学技术厅' },
      content: body,
      template: ['主办单位：江南省科学技术厅', '打印本页'],
    })
  }

  // 香江日報: Hong Kong, Traditional; a 作者 line or a column name over the headline.
  for (let i = 0; i <= perSite; i++) {
    const isShared = i === perSite
    const t = day()
    const title = toTraditional(isShared ? sharedTitle : headline())
    const body = (isShared ? shared : paragraphs(3 + Math.floor(r() * 3))).map(toTraditional)
    const lines = i % 3 === 0 ? [`作者：${toTraditional(pick(NAMES))}`, title] : i % 3 === 1 ? ['科技', title] : [title]
    lines.push(`日期：${t.Y}-${t.MM}-${t.DD}\u3000來源：香江日報`)
    const caption = '（圖：資料圖片）'
    body.forEach((p, j) => lines.push(j === 1 ? `${p}${caption}` : p))
    lines.push('相關新聞', toTraditional(pick(otherTitles)), '香江日報版權所有，轉載請註明出處')
    out.push({
      file: `hk-${pad(i)}.txt`,
      text: lines.join('\n'),
      gold: { title, date: `${t.Y}-${t.MM}-${t.DD}`, source: '香江日報' },
      content: body,
      template: [caption, '轉載請註明出處'],
    })
  }
  return out
}
