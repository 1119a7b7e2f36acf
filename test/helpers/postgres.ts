/**
 * A fresh PostgreSQL database per test file, on the server the global setup
 * found (`test/setup/postgres.ts`), dropped at the end, so test files running
 * in parallel never see each other's rows.
 *
 * @example
 *   const server = inject('postgresUrl')
 *   describe.skipIf(!server)('on PostgreSQL', () => {
 *     let db: TestDatabase
 *     beforeAll(async () => (db = await createTestDatabase(server!)))
 *     afterAll(() => db.drop())
 *   })
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string
  name: string
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>
}

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function createTestDatabase(serverUrl: string, label = 'test'): Promise<TestDatabase> {
  const name = `keji_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase()
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  }
}
