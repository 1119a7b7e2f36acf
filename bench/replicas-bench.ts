/**
 * Replicas benchmark, in real time: two bot processes in webhook mode on one
 * PostgreSQL, fed by the fake Bot API. Prints
 * - the scheduled digest to N subscribed chats (default 10,000): chats with
 *   exactly one digest, chats with more, the most messages sent in any second
 *   overall, the average rate, and which replica delivered how many parts;
 * - searches per second through the webhook path on one replica (`/search`
 *   messages, whose replies Telegram's 30/s limit caps, and inline queries);
 * - how long an article uploaded through one replica takes to be found
 *   through the other.
 * Needs PostgreSQL (TEST_DATABASE_URL, default the local server); without it,
 * one line says it is skipped.
 *
 *   npx tsx bench/replicas-bench.ts [--chats N]
 */
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startFakeBotApi, type FakeBotApi } from '../test/fake-bot-api/server.js'
import { createTestDatabase } from '../test/helpers/postgres.js'
import { digestPartsDelivered, startReplica, until, type Replica } from '../test/helpers/replica.js'
import { DEFAULT_TEST_DATABASE_URL } from '../test/setup/postgres.js'

const SECRET = 'bench-webhook-secret-0123456789'

export interface ReplicasBenchOptions {
  chats: number
  print: (line: string) => void
}

const user = (id: number) => ({ id, is_bot: false, first_name: `读者${id}`, language_code: 'zh-hans' })

export async function runReplicasBench(opts: ReplicasBenchOptions): Promise<void> {
  const { print } = opts
  print('--- replicas (two webhook processes, one PostgreSQL) ---')
  const serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
  const probe = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 })
  try {
    await probe.connect()
    await probe.end()
  } catch (err) {
    print(`PostgreSQL is not reachable at ${serverUrl} (${(err as Error).message}): the replicas bench is skipped`)
    return
  }

  const api: FakeBotApi = await startFakeBotApi({ chatMemberStatus: 'administrator' })
  const db = await createTestDatabase(serverUrl, 'bench')
  const sql = new pg.Pool({ connectionString: db.url, max: 2 })
  const replicas: Replica[] = []
  const start = async (name: string): Promise<Replica> => {
    const replica = await startReplica({
      name,
      api,
      databaseUrl: db.url,
      secret: SECRET,
      // Not due until the chats are in: the bench queues the run itself (see below).
      env: { ADMIN_IDS: '1', DIGEST_CRON: '0 0 1 1 *' },
      readyTimeoutMs: 120_000,
    })
    replicas.push(replica)
    return replica
  }

  try {
    const a = await start('A')
    const b = await start('B')

    // Telegram delivers an update again until the webhook answers 200; so does the bench.
    let redelivered = 0
    const deliver = async (url: string, update: Parameters<FakeBotApi['postUpdate']>[1]) => {
      let res = await api.postUpdate(url, update)
      while (res.status !== 200) {
        redelivered++
        await new Promise((r) => setTimeout(r, 500))
        res = await api.postUpdate(url, update, res.updateId)
      }
    }

    // 1. Searches per second through the webhook path on one replica.
    const queries = ['黄河', '中国铜业', '科技创新', '煤炭', '采煤沉陷区', '研发投入', '昆明', '生态保护', '人才', '2024年']
    const rounds = 300
    let t = performance.now()
    await inParallel(rounds, 8, (i) =>
      deliver(a.url, {
        message: {
          message_id: i + 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 10_000 + i, type: 'private', first_name: '读者' },
          from: user(10_000 + i),
          text: `/search ${queries[i % queries.length]}`,
          entities: [{ type: 'bot_command', offset: 0, length: 7 }],
        },
      }),
    )
    await until(
      () => api.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) >= 10_000).length >= rounds,
      60_000,
      'search replies',
    )
    const searchSeconds = (performance.now() - t) / 1000
    t = performance.now()
    await inParallel(rounds, 8, (i) =>
      deliver(a.url, {
        inline_query: { id: `iq-${i}`, from: user(20_000 + i), query: queries[i % queries.length]!, offset: '', chat_type: 'sender' },
      }),
    )
    await until(() => api.calls.filter((c) => c.method === 'answerInlineQuery').length >= rounds, 60_000, 'inline answers')
    const inlineSeconds = (performance.now() - t) / 1000
    print(
      `searches through the webhook on one replica: /search ${(rounds / searchSeconds).toFixed(1)}/s (each reply a message; Telegram's 30 messages/s is the cap; ` +
        `at most ${api.maxSendsPerSecond()} replies arrived in one second), inline queries ${(rounds / inlineSeconds).toFixed(1)}/s (${rounds} each, 8 requests in flight; ` +
        `${redelivered} updates delivered again after a webhook answer other than 200)`,
    )

    // 2. An upload through A, found through B.
    const article =
      '青藏高原冻土监测科技工作会议在西宁召开\n2024-05-20\n\n会议部署了冻土监测网络建设任务。\n会议强调，要加强冻土变化对工程安全影响的研究。\n'
    const fileId = api.addFile(Buffer.from(article))
    const before = api.calls.length
    await api.postUpdate(a.url, {
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 1, type: 'private', first_name: 'admin' },
        from: user(1),
        document: {
          file_id: fileId,
          file_unique_id: fileId,
          file_name: 'permafrost.txt',
          mime_type: 'text/plain',
          file_size: article.length,
        },
      },
    })
    await until(
      () => api.calls.slice(before).some((c) => c.method === 'sendMessage' && c.payload.chat_id === 1),
      30_000,
      'the upload reply',
    )
    const uploaded = performance.now()
    let n = 0
    await until(
      async () => {
        const mark = api.calls.length
        await api.postUpdate(b.url, {
          inline_query: { id: `up-${++n}`, from: user(30_000 + n), query: '冻土监测', offset: '', chat_type: 'sender' },
        })
        return api.calls
          .slice(mark)
          .some((c) => c.method === 'answerInlineQuery' && JSON.stringify(c.payload.results ?? []).includes('青藏高原冻土监测'))
      },
      30_000,
      'replica B to find the upload',
      10,
    )
    print(`an upload through replica A found through replica B after ${Math.round(performance.now() - uploaded)} ms (target <= 2,000 ms)`)

    // 3. The scheduled digest to N chats across both replicas.
    const chats = Array.from({ length: opts.chats }, (_, i) => (i % 2 === 0 ? -1_000_000_000 - i : 5_000_000 + i))
    const now = Date.now()
    for (let i = 0; i < chats.length; i += 1000) {
      const slice = chats.slice(i, i + 1000)
      await sql.query(
        `INSERT INTO kv (namespace, key, value) SELECT 'subscriptions', id::text, jsonb_build_object('chatId', id, 'active', true, 'subscribedAt', $2::bigint)
         FROM unnest($1::bigint[]) AS id`,
        [slice, now],
      )
    }
    const wanted = new Set(chats)
    const isDigest = (c: { method: string; payload: Record<string, unknown> }) =>
      c.method === 'sendMessage' && wanted.has(Number(c.payload.chat_id)) && String(c.payload.text).includes('科技新闻日报')
    const runStarted = performance.now()
    const runStartedAt = Date.now()
    const firstCall = api.calls.length
    // What DIGEST_CRON's firing does: one job on the scheduled queue, which either replica plans.
    await fireScheduled(db.url)
    await until(
      () => {
        const got = new Set<number>()
        for (let i = firstCall; i < api.calls.length; i++) if (isDigest(api.calls[i]!)) got.add(Number(api.calls[i]!.payload.chat_id))
        return got.size >= chats.length
      },
      30 * 60_000,
      'every chat to get its digest',
      2000,
    )
    const runSeconds = (performance.now() - runStarted) / 1000
    // A moment more, so that a second copy sent late would be seen.
    await new Promise((r) => setTimeout(r, 3000))
    const perChat = new Map<number, number>()
    for (const c of api.calls.slice(firstCall))
      if (isDigest(c)) perChat.set(Number(c.payload.chat_id), (perChat.get(Number(c.payload.chat_id)) ?? 0) + 1)
    const once = [...perChat.values()].filter((v) => v === 1).length
    const twice = [...perChat.values()].filter((v) => v > 1).length
    if (process.env.BENCH_DEBUG) {
      const times = api.calls.filter(isDigest).map((c) => [c.at ?? 0, c.port ?? 0] as const)
      let best = [0, 0]
      for (let lo = 0, hi = 0; hi < times.length; hi++) {
        while (times[hi]![0] - times[lo]![0] >= 1000) lo++
        if (hi - lo + 1 > best[1]!) best = [lo, hi - lo + 1]
      }
      print(`worst window: ${JSON.stringify(times.slice(best[0], best[0]! + best[1]!).map(([t, p]) => [t - times[best[0]!]![0], p]))}`)
    }
    print(
      `digest to ${chats.length} chats, two replicas: ${once} chats exactly one digest, ${twice} more than one, ${chats.length - perChat.size} none; ` +
        `${runSeconds.toFixed(0)} s, ${(chats.length / runSeconds).toFixed(1)} messages/s on average`,
    )
    print(
      `send rate during the run: at most ${api.maxSendsPerSecond((c) => (c.at ?? 0) >= runStartedAt)} messages in any second overall ` +
        `(target <= 30; digests alone ${api.maxSendsPerSecond(isDigest)}); ` +
        `parts delivered by A ${digestPartsDelivered(a)}, by B ${digestPartsDelivered(b)}`,
    )
  } finally {
    await Promise.all(replicas.map((r) => r.cleanUp()))
    await sql.end()
    await api.close()
    await db.drop()
  }
}

/** Queues one job on the digest's scheduled queue, as pg-boss' cron does when DIGEST_CRON fires. */
async function fireScheduled(url: string): Promise<void> {
  const { default: PgBoss } = await import('pg-boss')
  const { DIGEST_QUEUES } = await import('../src/digest/jobs.js')
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 1 })
  await boss.start()
  await boss.send(DIGEST_QUEUES.scheduled, {})
  await boss.stop({ graceful: false, wait: true })
}

async function inParallel(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++)
    }),
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { chats: { type: 'string', default: '10000' } } })
  await runReplicasBench({ chats: Number(values.chats), print: (line) => process.stdout.write(`${line}\n`) })
}
