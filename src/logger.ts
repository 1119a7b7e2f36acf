import pino from 'pino'

/** The logger every component receives; pino's, narrowed to what we use. */
export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug' | 'child'>

/** JSON lines on stderr, so stdout stays free for the console and the CLI. */
export function createLogger(level: string): pino.Logger {
  return pino({ level }, pino.destination(2))
}

/** A logger that drops everything (tests). */
export const silentLogger: pino.Logger = pino({ level: 'silent' })
