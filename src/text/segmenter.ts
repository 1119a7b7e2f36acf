import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | undefined

/**
 * The one jieba segmenter, with its default dictionary: the search tokenizer
 * and the digest's lexicon share it (loading the dictionary takes a few hundred ms).
 * @example segmenter().cut('中国铜业召开科技工作会议', false) // ['中国', '铜业', '召开', …]
 */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}
