import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { htmlToTerminal, runConsole } from '../../src/bot/console.js'
import { createTestBot, testConfig } from '../helpers/test-bot.js'

async function session(lines: string[]): Promise<string> {
  const output = new PassThrough()
  let out = ''
  output.on('data', (d: Buffer) => (out += d.toString()))
  const { deps } = await createTestBot({ config: testConfig({}, { botToken: undefined }) })
  await runConsole(deps, {
    input: Readable.from([lines.join('\n') + '\n']),
    output,
    info: new PassThrough(),
    ansi: false,
  })
  return out
}

describe('the local console', () => {
  it('renders HTML readably: bold markers, entities decoded', () => {
    expect(htmlToTerminal('<b>黄河</b> &amp; &lt;b&gt;', false)).toBe('**黄河** & <b>')
    expect(htmlToTerminal('<b>黄河</b>', true)).toBe('\x1b[1m黄河\x1b[22m')
  })

  it('drives the same bot from piped lines and ends at end of input', async () => {
    const out = await session(['/search 科技', '5', '中国铜业的会议在哪里召开？'])
    expect(out).toContain('> /search 科技')
    expect(out).toContain('🔎 **「科技」**：共 4 篇，第 1/2 页')
    expect(out).toMatch(/\[1\] 📖 1 {3}\[2\] 📖 2 {3}\[3\] 📖 3/)
    expect(out).toContain('[4] 1/2   [5] 下一页 ›')
    // Button 5 is 下一页: the same message is edited to page 2.
    expect(out).toContain('(已更新 / edited #')
    expect(out).toContain('第 2/2 页')
    expect(out).toContain('云南昆明')
  })

  it('presses a read button by number and supports inline queries', async () => {
    const out = await session(['/search 量子', '1', 'inline 黄河', '9'])
    expect(out).toContain('**<b>量子</b>芯片 & 测控系统 </a> 研讨会**')
    expect(out).toContain('🔍 inline: 2 条 / results')
  })
})
