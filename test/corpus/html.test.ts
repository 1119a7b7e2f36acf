import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { looksLikeHtml, readHtml } from '../../src/corpus/html.js'
import { readArticle } from '../../src/corpus/read-article.js'
import type { Article } from '../../src/corpus/article.js'

/** A page as a scraper saves it: navigation, the article, a share line, a sidebar, a footer. */
function page(opts: { head?: string; info?: string; title?: string; h1?: string } = {}): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${opts.title ?? '新型深海探测器完成万米海试_科技频道_东方科讯网'}</title>${opts.head ?? ''}
<script>var tracker = "首页 科技 关于我们"</script><style>p { color: red }</style></head><body>
<nav><a href="/">首页</a> | <a href="/tech">科技</a> | <a href="/about">关于我们</a></nav>
<div class="main"><h1>${opts.h1 ?? '新型深海探测器完成万米海试'}</h1>
<div class="info">${opts.info ?? '2025-03-05 10:12:30　来源：东方科讯网（上海）'}</div>
<div class="content">
<p>新型深海探测器近日在南海完成万米海试，创造了多项下潜纪录，科研人员对结果十分满意。</p>
<p>据介绍，探测器下潜至一万零九百米深处，采集了沉积物和微生物样本，并传回了高清影像。</p>
<p>项目负责人表示，下一步将开展长期驻留试验，为深海科学研究提供新的平台。<br>相关成果将于年内发表。</p>
</div></div>
<aside><h3>热门文章</h3><ul><li><a href="/1">某地举办美食节</a></li><li><a href="/2">明星婚礼细节曝光</a></li></ul></aside>
<footer>版权所有 东方科讯网 沪ICP备12345678号</footer></body></html>`
}

function read(html: string | Uint8Array, file = 'page.html'): Article {
  const r = readArticle({ id: 'p', file, bytes: typeof html === 'string' ? Buffer.from(html) : html })
  if (!r.ok) throw new Error(r.reason)
  return r.article
}

describe('reading saved web pages', () => {
  it('keeps the article’s paragraphs and drops navigation, scripts, the sidebar and the footer', () => {
    const a = read(page())
    expect(a.text.split('\n')).toEqual([
      '新型深海探测器近日在南海完成万米海试，创造了多项下潜纪录，科研人员对结果十分满意。',
      '据介绍，探测器下潜至一万零九百米深处，采集了沉积物和微生物样本，并传回了高清影像。',
      '项目负责人表示，下一步将开展长期驻留试验，为深海科学研究提供新的平台。',
      '相关成果将于年内发表。',
    ])
    for (const junk of ['关于我们', '美食节', 'ICP', 'tracker', 'color']) expect(a.text).not.toContain(junk)
  })

  it('takes the title without the site suffix, and the date and source from the line under the headline', () => {
    expect(read(page())).toMatchObject({
      title: '新型深海探测器完成万米海试',
      date: '2025-03-05',
      source: '东方科讯网（上海）',
      site: '东方科讯网',
    })
  })

  it('prefers the page’s meta tags for title, date and site', () => {
    const head =
      '<meta property="og:title" content="深海探测器万米海试成功"><meta property="og:site_name" content="东方科讯">' +
      '<meta property="article:published_time" content="2025-03-04T22:00:00+08:00">'
    expect(read(page({ head }))).toMatchObject({ title: '深海探测器万米海试成功', date: '2025-03-04', site: '东方科讯' })
  })

  it('reads a page saved in GBK and a Traditional page', () => {
    const gbk = read(iconv.encode(page(), 'gbk'))
    expect(gbk.title).toBe('新型深海探测器完成万米海试')
    const hant = read(
      page({ title: '深海探測器完成萬米海試｜晨光新聞網', h1: '深海探測器完成萬米海試', info: '晨光新聞網 2025/11/18 21:27' }),
      'page.htm',
    )
    expect(hant).toMatchObject({ title: '深海探測器完成萬米海試', date: '2025-11-18', source: '晨光新聞網', site: '晨光新聞網' })
  })

  it('gives the body’s text when no article stands out', () => {
    const lines = readHtml('<html><body><p>只有一句话的页面。</p></body></html>').lines
    expect(lines).toEqual(['只有一句话的页面。'])
  })
})

describe('looksLikeHtml', () => {
  it('tells a web page from a text article', () => {
    expect(looksLikeHtml(Buffer.from('  <!DOCTYPE html><html><body></body></html>'))).toBe(true)
    expect(looksLikeHtml(Buffer.from('<html lang="zh"><head></head></html>'))).toBe(true)
    expect(looksLikeHtml(Buffer.from('深海探测器完成海试\n来源：东方科讯网'))).toBe(false)
  })
})
