import { escapeHtml } from './html.js'

/** Ids Telegram can make part of a tappable command (`/read_<id>`; commands are at most 32 characters). */
const COMMAND_SAFE = /^[A-Za-z0-9]{1,27}$/

/**
 * How a message links to an article: `/read_<id>`, which Telegram shows as a tappable
 * command, or `<code>/read <id></code>` to copy when the id cannot be part of a command.
 * @example readLink('5bda9448') === '/read_5bda9448'
 */
export function readLink(id: string): string {
  return COMMAND_SAFE.test(id) ? `/read_${id}` : `<code>/read ${escapeHtml(id)}</code>`
}
