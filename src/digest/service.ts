/**
 * What the rest of the bot needs from the digest side.
 * (Placeholder interface; the digest work fills in the implementation and may add methods.)
 */
export interface DigestRunSummary {
  /** When the run started (ms since epoch). */
  at: number
  sent: number
  failed: number
  skipped: number
}

export interface DigestService {
  /** Number of chats with an active subscription. */
  subscribedChats(): Promise<number>
  /** The last scheduled run, if any. */
  lastRun(): Promise<DigestRunSummary | undefined>
}
