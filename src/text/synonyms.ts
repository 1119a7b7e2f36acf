import { getLexicon } from './lexicon.js'
import type { VocabularyVariant } from './vocabulary.js'

/**
 * Words a reader may ask with while the article says another: 降落 for 着陆,
 * 举办 for 召开, 别称 for 又名. Each group holds words (folded, Simplified)
 * that stand for one another in a question about news or an encyclopedia
 * entry; a word with a second everyday meaning (落地: to implement, 死 alone)
 * is left out. Written here for this bot; no Chinese synonym dictionary with a
 * licence we can ship is on npm.
 */
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  // Spaceflight and travel
  ['着陆', '降落'],
  ['抵达', '到达'],
  ['撤离', '撤出'],
  // Meetings, events, agreements
  ['举行', '举办', '召开'],
  ['会见', '会晤'],
  ['考察', '视察'],
  ['签署', '签订'],
  ['发布', '公布'],
  ['宣布', '宣告'],
  ['颁发', '授予'],
  ['荣获', '获得'],
  // Founding, building, opening
  ['成立', '创立', '创建', '创办'],
  ['创始人', '创办人'],
  ['建成', '竣工', '完工'],
  ['启用', '投用'],
  ['重开', '重新开放'],
  ['启动', '开启'],
  ['研制', '研发'],
  ['收购', '并购'],
  ['捐赠', '捐献'],
  ['实施', '施行'],
  // Lives
  ['出生', '诞生'],
  ['逝世', '去世', '过世', '辞世', '与世长辞', '病逝'],
  ['遇难', '罹难', '丧生'],
  ['受伤', '负伤'],
  ['结婚', '成婚'],
  ['担任', '出任'],
  ['饰演', '扮演'],
  // Conflict
  ['击败', '打败', '战胜'],
  ['袭击', '攻击'],
  ['占领', '攻占'],
  ['逮捕', '拘捕'],
  // Places and names
  ['位于', '坐落', '地处'],
  ['别名', '别称', '又名', '又称', '俗称', '也叫', '又叫', '也称'],
  ['名字', '名称'],
  ['命名', '取名'],
  // Quantities and change
  ['增长', '增加', '上升'],
  ['下降', '减少', '降低'],
  ['价格', '售价'],
  ['成交额', '交易额'],
  ['降雨', '降水'],
  ['气温', '温度'],
  ['暑假', '暑期'],
  ['首次', '第一次', '首度'],
  ['首任', '第一任'],
  ['原因', '缘故'],
  // People
  ['孩子', '儿童', '小孩'],
  ['游客', '旅客'],
  ['老兵', '老战士'],
  ['女子', '妇女', '女性'],
  // Things
  ['手机', '移动电话'],
  ['火车', '列车'],
  ['房子', '房屋', '民房'],
  ['公交车', '公共汽车', '公共汽电车'],
  ['电脑', '计算机'],
  ['比赛', '赛事'],
  ['影片', '片子'],
  ['出版', '发行'],
  ['播出', '播放'],
]

let table: Map<string, string[]> | undefined

function synonymTable(): Map<string, string[]> {
  if (table) return table
  table = new Map()
  for (const group of SYNONYM_GROUPS)
    for (const word of group)
      table.set(
        word,
        group.filter((w) => w !== word),
      )
  return table
}

/**
 * The query asked in other words: the k-th variant puts each word of the
 * table (a whole word as jieba cuts the folded query) in its k-th synonym,
 * for as many variants as the longest group allows. Empty when the query
 * holds none. Every article may be written either way (`scope` 'all').
 * @example synonymVariants('返回器降落在哪里') // [{ text: '返回器着陆在哪里', replaced: ['降落'], forms: ['着陆'], scope: 'all' }]
 */
export function synonymVariants(folded: string): VocabularyVariant[] {
  const synonyms = synonymTable()
  const words = getLexicon().cut(folded)
  const out: VocabularyVariant[] = []
  for (let k = 0; ; k++) {
    const replaced: string[] = []
    const forms: string[] = []
    const text = words
      .map((w, i) => {
        const form = synonyms.get(w)?.[k]
        // A question saying it both ways (原住民儿童…死了多少个孩子) says it first as it means it: the later word
        // takes the earlier's form, and the earlier stays.
        if (form === undefined || words.indexOf(form) > i) return w
        replaced.push(w)
        forms.push(form)
        return form
      })
      .join('')
    if (replaced.length === 0) return out
    out.push({ text, replaced, forms, scope: 'all' })
  }
}
