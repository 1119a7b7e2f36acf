/**
 * Vitest global setup: finds out once whether PostgreSQL answers at
 * TEST_DATABASE_URL (default the local server `.ci/run` starts) and hands the
 * answer to every test file (`inject('postgresUrl')`). When it does not, one
 * line says so and the tests that need it are skipped.
 */
import pg from 'pg'
import type { TestProject } from 'vitest/node'

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server tests may create databases on, or null when none answers. */
    postgresUrl: string | null
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    project.provide('postgresUrl', url)
  } catch (err) {
    process.stdout.write(
      `PostgreSQL is not reachable at ${url} (${(err as Error).message}): the PostgreSQL store, replica and webhook tests are skipped\n`,
    )
    project.provide('postgresUrl', null)
  } finally {
    await client.end().catch(() => undefined)
  }
}
