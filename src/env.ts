import { config } from 'dotenv'

/**
 * Loads `.env` from the working directory into `process.env`, once, at start-up
 * (`src/main.ts` and the command-line tools). A variable already set in the
 * environment wins over the file; a missing file is not an error.
 * @example loadEnv() // then parseConfig(process.env)
 */
export function loadEnv(path = '.env'): void {
  config({ path, quiet: true, override: false })
}
