import iconv from 'iconv-lite'

/**
 * Bytes → text. Scraped articles arrive as UTF-8 (with or without BOM),
 * UTF-16 with BOM, GB18030/GBK or Big5; the encoding is never declared, so it
 * is detected: BOM, then strict UTF-8, then whichever of GB18030 and Big5
 * reads as more plausible Chinese.
 */

/** The encodings `decodeBytes` can tell apart. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'

/** Decoded text, or why the bytes are not a readable text file. */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string }

/**
 * About 1,150 of the most frequent Hanzi in Simplified and Traditional news-like
 * prose (top 800 of each script, merged). Correct decodings are mostly made of
 * these; a GBK file read as Big5 (or the reverse) yields rarer characters.
 */
const COMMON_HANZI =
  '的年在为一中是国于有大人月后以成时长和学生日上名个与出地及部了不会公西作之分任被用由其子主赛家区可他南加至行第位到来本自高米发而下海多方斯球尔北开物山经台三里代' +
  '市并军得东称内队世路也面入场现亚种对等天同约新道员所最当前建此这间文政院小形次或王理式特合战法美要体制者动线因业电教平十元过事二克金首两立数期都利港能司委但外目' +
  '科化将使广民马基系机花定龙德度四罗香原英水起总全比女书常州表华力车运直士联组性重共巴色省心剧工正从进安城就设视江布阿湾如达该兰拉语无果县林状类界关处标叶列们通近' +
  '号治曾职她统保包太明属府纪参游洲黄单品尼选武演计身岛谷毛室别结程著京交播条量改节皇意口校则产格务实居相塞河然食只始先应提资济少川百又古获门已万六副级族接死去它塔' +
  '更曲佛还神足卡即馆纳专向决义今受影酸头角越集转打片石录画史爱乐点音青康流举商随氏信议取持草群放每离活型亲手字盟初亦冠带历植空命老光律准五官朝湖连波具记医泰丽管歌' +
  '陆儿班我男伊收宗九回育较田佐局吉据维领强传圆完白张铁帝柱往质那耶没风未研复易座指超团欧占社甲功树福说些认效街际版牙非很留红变七导根印支木言括才翼堂究知积李边兴反' +
  '情飞权药土父博升夫故店独投算银母给半雷干志造图唱环见令岁段展观届晋好奥件致站艺齿苏尖刘何航景再师象早服深哥园排划供周伯牌杀桥引伦黑短魏题失编季且杆另助续示八项担' +
  '击清威席术办护镇戏营网松忠存低蓝落推各便解退底漫修争缘密鱼汗棱友整宫宣创做协杨盐率辽洞许筑派样邦恩兵敦弹普病客败圣汉费域森规血皮蒙需含附售泳韩破热终牠源星党双己' +
  '止竹富注厘监几宁调姓坡楼拿黎境沙臣备器洛枝牛料除顶温亡宋警乌奖野毕村速构端裂辑防均呈鸟像写评浙汇胜细素继千攻显艾报气夏津云望技仍若钟弟督藏拍众佩夺精射央看般剂乡' +
  '茶披闻模配船奇久曼埃伤感毫似范旅断问求阳住盛假澳永骑绩拥装希刚坐距层陈查赫拔诸证归优织份晚容消嘉批莫延考例置户征掌潘婚序围让增满休息阶培鲁须码隆喜鲜着余态依祖把' +
  '國為於後時學軍會與發區東來個對這經戰並動亞開長爾內統業過現機進馬稱將聯羅產間當體電華權種島義總關灣約兩數議設領員紀從達語則臺黨隊車運縣場實蘭組賽選認們書濟傳萬結' +
  '屬爭說計變資漢術維際務擊廣決條帶報線歐無蘇視還舉據導張納陸論處許規歷該別團類強點鐵較風韓劉繼門網響應奧隨沒獲氣轉龍構興衛圖質續參殺級連溫俄樂題號製離給邊敗積築藝' +
  '獨觀勢倫極護革環協圍專聲問記職織農辦營劃標單復裝降層眾頭慶守創堡略票承終僅抗聖師烈步見移哈幾洋遠陽思魯樣親典轄必唐施君畫鎮兒採熱薩火控拜候托黃麗漸擁調丁策案滅滿' +
  '備突逐飛想範梅恆雖鄭話察園斷遊獎坦項嚴封費勝登郵證係廷顯燕卻態雙壓遷艦真稻節役館裡烏郡紅庫盃餘仁朱勒測簽準籍岸絕貴萊併槍衝奪諸階價油讓晉確陳責瑞句憲駐錄鄉魚貿擴' +
  '寧頓姆臨甚雲戶負歸愛億索屆杜劇諾載遺值判亂企減舊沿細鬥侵訊款益束耳醫識鮮詞寫隸'

let commonTable: Uint8Array | undefined
function commonChars(): Uint8Array {
  if (!commonTable) {
    commonTable = new Uint8Array(65536)
    for (let i = 0; i < COMMON_HANZI.length; i++) commonTable[COMMON_HANZI.charCodeAt(i)] = 1
  }
  return commonTable
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads bytes as text, never throws.
 * @example decodeBytes(iconv.encode('科技创新', 'gbk')) // { ok: true, text: '科技创新', encoding: 'gb18030' }
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  const decoded = decodeDetected(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  if (!decoded || isBinaryText(decoded.text)) return { ok: false, reason: 'not a text file (binary data)' }
  if (decoded.text.trim().length === 0) return { ok: false, reason: 'empty file' }
  return { ok: true, ...decoded }
}

type Decoded = { text: string; encoding: TextEncodingName }

/** BOM, then NUL bytes (binary or BOM-less UTF-16), then strict UTF-8, then the legacy encodings. */
function decodeDetected(buf: Buffer): Decoded | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' }
  // NUL bytes never occur in the 8-bit encodings we accept.
  if (buf.indexOf(0) !== -1) return guessUtf16(buf)
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf
  const text = tryUtf8(body)
  return text !== undefined ? { text, encoding: 'utf-8' } : bestLegacyDecoding(body)
}

/** Share of non-ASCII characters above which an implausible decoding means the bytes are not text at all. */
const MAX_IMPLAUSIBLE_NON_ASCII = 0.3

/**
 * Not valid UTF-8: GB18030 or Big5, whichever reads as more plausible Chinese.
 * UTF-8 with a few broken bytes (a truncated last character, a bad splice)
 * competes too, so it is not turned into mojibake.
 */
function bestLegacyDecoding(buf: Buffer): Decoded | undefined {
  const candidates: Decoded[] = [
    { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' },
    { text: iconv.decode(buf, 'big5'), encoding: 'big5' },
    { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' },
  ]
  let best = candidates[0]!
  let bestScore = plausibility(best.text)
  for (const c of candidates.slice(1)) {
    const score = plausibility(c.text)
    if (score > bestScore) {
      best = c
      bestScore = score
    }
  }
  // Random high bytes decode "cleanly" as rare GBK characters; no reading being plausible means binary.
  if (bestScore < 0) {
    let nonAscii = 0
    for (let i = 0; i < best.text.length; i++) if (best.text.charCodeAt(i) >= 0x80) nonAscii++
    if (nonAscii > best.text.length * MAX_IMPLAUSIBLE_NON_ASCII) return undefined
  }
  return best
}

/** UTF-16 without a BOM: accepted only if one byte order reads as mostly common Hanzi. */
function guessUtf16(buf: Buffer): Decoded | undefined {
  if (buf.length % 2 !== 0) return undefined
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = iconv.decode(buf, encoding)
    if (text.indexOf('\u0000') !== -1) continue
    let common = 0
    const table = commonChars()
    for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)]) common++
    if (common >= 4 && common > text.length * 0.3) return { text, encoding }
  }
  return undefined
}

function tryUtf8(buf: Uint8Array): string | undefined {
  try {
    return utf8.decode(buf)
  } catch {
    return undefined
  }
}

/**
 * How much a decoding looks like Chinese prose: common Hanzi count for,
 * replacement, private-use, rare (extension A, compatibility) and
 * non-Chinese-script characters count against.
 */
export function plausibility(text: string): number {
  const table = commonChars()
  let score = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (table[c]) score += 1
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) score -= 5
    else if (c >= 0x4e00 && c <= 0x9fff) score -= 0.2
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff)) score -= 2
    // Kana, Greek, Cyrillic, box drawing: what Big5 lead bytes A3-AF turn into under GBK.
    else if ((c >= 0x0370 && c <= 0x052f) || (c >= 0x2500 && c <= 0x257f) || (c >= 0x3040 && c <= 0x30ff)) score -= 1
  }
  return score
}

/** NUL or many C0 control characters (other than tab, newlines, form feed) mean this is not prose. */
function isBinaryText(text: string): boolean {
  const n = Math.min(text.length, 65536)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return true
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++
  }
  return controls > 8 && controls > n / 100
}
