import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A command-line tool's parsed arguments and its one way to stop on bad input. */
export type CommandLine<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>> & {
  /** Prints the message and the usage to stderr and exits with status 2. */
  fail(this: void, message: string): never
}

/**
 * Parses `process.argv` for the tool `name` (as in `npm run name`). A parse error stops with the
 * usage; `--help` prints the usage and returns `undefined`, so the tool returns too.
 * @example const cli = commandLine('digest', USAGE, { options: { json: { type: 'boolean' } } }); if (!cli) return
 */
export function commandLine<T extends ParseArgsConfig>(name: string, usage: string, config: T): CommandLine<T> | undefined {
  const fail: (message: string) => never = (message) => {
    process.stderr.write(`${message}\n${usage}\n`)
    process.exit(2)
  }
  let parsed: ReturnType<typeof parseArgs<T>>
  try {
    parsed = parseArgs(config)
  } catch (err) {
    return fail(`${name}: ${(err as Error).message}`)
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`)
    return undefined
  }
  return Object.assign(parsed, { fail })
}
