import { describe, expect, it, vi } from 'vitest'
import { checkBytes, checkDocument, createTelegramDownloader, DownloadError } from '../../src/bot/features/admin/upload.js'

const TOKEN = '123456:SECRET-token-abcdefghijklmnopqrstu'
const MB = 1024 * 1024

function fakeFetch(response: () => Response) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => response())
}

describe('checkDocument', () => {
  const doc = (d: { file_name?: string; mime_type?: string; file_size?: number }) => ({ file_id: 'f', file_unique_id: 'u', ...d })

  it('accepts .txt files within the limit, whatever the case of the extension', () => {
    expect(checkDocument(doc({ file_name: '科技日报.txt', mime_type: 'text/plain', file_size: MB }))).toBeUndefined()
    expect(checkDocument(doc({ file_name: 'NEWS.TXT' }))).toBeUndefined()
    expect(checkDocument(doc({ file_name: 'a.txt', mime_type: 'application/octet-stream' }))).toBeUndefined()
  })

  it('accepts a nameless text/plain file', () => {
    expect(checkDocument(doc({ mime_type: 'text/plain' }))).toBeUndefined()
  })

  it('refuses files over the limit, other extensions and non-text MIME types', () => {
    expect(checkDocument(doc({ file_name: 'a.txt', file_size: MB + 1 }))).toEqual({
      kind: 'too-large',
      bytes: MB + 1,
      limit: MB,
    })
    expect(checkDocument(doc({ file_name: 'a.txt.exe' }))?.kind).toBe('not-text')
    expect(checkDocument(doc({ file_name: 'a.txt', mime_type: 'application/zip' }))?.kind).toBe('not-text')
    expect(checkDocument(doc({}))?.kind).toBe('not-text')
  })
})

describe('checkBytes', () => {
  it('refuses empty, oversized and NUL-containing bytes, and accepts GBK text', () => {
    expect(checkBytes(new Uint8Array())).toEqual({ kind: 'empty' })
    expect(checkBytes(new Uint8Array(11), 10)?.kind).toBe('too-large')
    expect(checkBytes(new Uint8Array([0x41, 0x00, 0x42]))).toEqual({ kind: 'binary' })
    // "科技" in GBK.
    expect(checkBytes(new Uint8Array([0xbf, 0xc6, 0xbc, 0xbc]))).toBeUndefined()
  })
})

describe('createTelegramDownloader', () => {
  it('fetches from the public Bot API file endpoint by default', async () => {
    const fetch = fakeFetch(() => new Response('文章'))
    const bytes = await createTelegramDownloader(TOKEN, undefined, MB, fetch)('documents/file_1.txt')
    expect(fetch.mock.calls[0]?.[0]).toBe(`https://api.telegram.org/file/bot${TOKEN}/documents/file_1.txt`)
    expect(new TextDecoder().decode(bytes)).toBe('文章')
  })

  it('uses TELEGRAM_API_ROOT when set', async () => {
    const fetch = fakeFetch(() => new Response('x'))
    await createTelegramDownloader(TOKEN, 'http://127.0.0.1:8081/', MB, fetch)('documents/file 2.txt')
    expect(fetch.mock.calls[0]?.[0]).toBe(`http://127.0.0.1:8081/file/bot${TOKEN}/documents/file%202.txt`)
  })

  it('stops reading once the limit is passed', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024).fill(0x41))
      },
    })
    const fetch = fakeFetch(() => new Response(body))
    const bytes = await createTelegramDownloader(TOKEN, undefined, 10 * 1024, fetch)('documents/endless.txt')
    expect(bytes.length).toBeGreaterThan(10 * 1024)
    expect(pulled).toBeLessThan(20)
  })

  it('reports HTTP and network failures without the token', async () => {
    const notFound = createTelegramDownloader(
      TOKEN,
      undefined,
      MB,
      fakeFetch(() => new Response('', { status: 404 })),
    )
    await expect(notFound('documents/x.txt')).rejects.toThrow(new DownloadError('admin: download failed (HTTP 404)'))

    const offline = createTelegramDownloader(TOKEN, undefined, MB, async () => {
      throw new TypeError(`fetch failed for https://api.telegram.org/file/bot${TOKEN}/x`)
    })
    const err = await offline('documents/x.txt').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DownloadError)
    expect(String((err as Error).message)).not.toContain('SECRET')
  })
})
