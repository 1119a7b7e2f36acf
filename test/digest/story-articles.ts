import type { Article } from '../../src/corpus/article.js'
import { toTraditional } from '../../src/text/script.js'
import { article } from './seed-articles.js'

/**
 * An invented feed of sci-tech news (none of it real): two stories — a satellite
 * launch told by four articles, a typhoon by three — among unrelated reports.
 * Every article opens with the same outlet dateline and ends with the same
 * footer, as scraped news does; some are in Traditional script.
 */

const DATELINE = '星河日报讯（记者 周明）'
const FOOTER = '欢迎关注星河日报客户端，获取更多科技新闻。'

interface Draft {
  id: string
  title: string
  paragraphs: string[]
  date: string
  source?: string
  traditional?: boolean
}

function write(d: Draft): Article {
  const paragraphs = [DATELINE + d.paragraphs[0]!, ...d.paragraphs.slice(1), FOOTER]
  const a = article(d.id, d.title, paragraphs, d.date, d.source)
  if (!d.traditional) return a
  return { ...a, title: toTraditional(a.title), text: toTraditional(a.text), script: 'hant' }
}

/** The four articles of the launch of 天枢三号 (two in Traditional). */
export const LAUNCH: Draft[] = [
  {
    id: 'sat1',
    title: '天枢三号遥感卫星成功发射',
    date: '2031-05-06',
    paragraphs: [
      '5月6日10时12分，我国在青崖卫星发射中心使用长风四号运载火箭，成功将天枢三号遥感卫星发射升空，卫星顺利进入预定轨道。',
      '天枢三号遥感卫星主要用于国土资源普查、农作物估产和防灾减灾，设计寿命八年。',
    ],
  },
  {
    id: 'sat2',
    title: '天枢三号卫星传回首批遥感影像',
    date: '2031-05-08',
    traditional: true,
    paragraphs: [
      '天枢三号遥感卫星发射升空后第三天，传回首批高分辨率遥感影像，清晰显示了湿地和农田的细节。',
      '地面站工作人员表示，天枢三号卫星各项指标正常，将于下月完成在轨测试。',
    ],
  },
  {
    id: 'sat3',
    title: '天枢三号卫星在轨测试顺利推进',
    date: '2031-05-09',
    paragraphs: [
      '天枢三号遥感卫星在轨测试顺利推进，相机、数传和姿态控制分系统均已完成首轮测试。',
      '研制团队表示，天枢三号卫星的遥感影像将向农业、水利和应急管理部门开放共享。',
    ],
  },
  {
    id: 'sat4',
    title: '天枢三号研制团队：卫星影像将服务防灾减灾',
    date: '2031-05-09',
    traditional: true,
    paragraphs: [
      '天枢三号遥感卫星研制团队今天介绍，卫星影像将为洪涝、干旱和地质灾害的监测预警提供支撑。',
      '团队负责人说，天枢三号卫星的遥感数据处理系统已完成与应急管理部门的对接。',
    ],
  },
]

/** The three articles of typhoon 海棠 (one in Traditional). */
export const TYPHOON: Draft[] = [
  {
    id: 'ty1',
    title: '台风海棠逼近东南沿海',
    date: '2031-05-07',
    paragraphs: [
      '今年第3号台风海棠正以每小时20公里的速度向东南沿海靠近，预计明天夜间登陆。',
      '气象部门发布台风橙色预警，提醒沿海渔船回港避风。',
    ],
  },
  {
    id: 'ty2',
    title: '台风海棠登陆 多地出现强降雨',
    date: '2031-05-08',
    traditional: true,
    paragraphs: [
      '台风海棠于8日凌晨在东南沿海登陆，登陆时中心附近最大风力12级，沿海多地出现强降雨。',
      '受台风海棠影响，部分航班和铁路列车停运，沿海城市启动防台风应急响应。',
    ],
  },
  {
    id: 'ty3',
    title: '台风海棠过后 灾后恢复有序展开',
    date: '2031-05-09',
    paragraphs: [
      '台风海棠过境后，受灾地区抢修电力和通信设施，灾后恢复工作有序展开。',
      '气象部门解除台风预警，提醒公众注意台风过后的地质灾害风险。',
    ],
  },
]

/** Reports that belong to no story. */
export const OTHERS: Draft[] = [
  {
    id: 'q1',
    title: '量子精密测量实验室在江城揭牌',
    date: '2031-05-06',
    paragraphs: ['量子精密测量实验室今天在江城揭牌，将开展原子钟和量子传感器研究。', '实验室首批引进二十名青年科研人员。'],
  },
  {
    id: 'ev1',
    title: '四月新能源汽车销量同比增长',
    date: '2031-05-07',
    paragraphs: ['行业协会数据显示，四月新能源汽车销量同比增长三成，动力电池装车量创新高。', '出口市场保持增长，海外订单持续增加。'],
  },
  {
    id: 'rb1',
    title: '大学生机器人大赛在海州开幕',
    date: '2031-05-08',
    traditional: true,
    paragraphs: ['第十届大学生机器人大赛今天在海州开幕，来自百余所高校的队伍参赛。', '赛事设置搬运、救援和足球三个项目。'],
  },
  {
    id: 'md1',
    title: '医学影像辅助诊断系统进入临床试用',
    date: '2031-05-08',
    paragraphs: ['一款医学影像辅助诊断系统在五家医院进入临床试用，可在数秒内标出肺部结节。', '医生表示，系统减少了漏诊。'],
  },
  {
    id: 'mt1',
    title: '新型耐高温合金研制成功',
    date: '2031-05-09',
    paragraphs: ['科研人员研制出一种新型耐高温合金，可在一千二百摄氏度下长期工作。', '这种合金有望用于航空发动机叶片。'],
  },
  {
    id: 'sc1',
    title: '科普开放日吸引万名市民',
    date: '2031-05-09',
    traditional: true,
    paragraphs: ['本周末的科普开放日吸引上万名市民走进实验室和科技馆。', '孩子们在现场体验了虚拟现实和天文观测。'],
  },
]

/** The whole invented window, most recent first (as digests receive articles). */
export function inventedWindow(): Article[] {
  return [...LAUNCH, ...TYPHOON, ...OTHERS]
    .map(write)
    .sort((a, b) => (b.date! < a.date! ? -1 : b.date! > a.date! ? 1 : a.id < b.id ? -1 : 1))
}

/** Writes one more invented article the same way. */
export function invented(d: Draft): Article {
  return write(d)
}

export { DATELINE, FOOTER }
