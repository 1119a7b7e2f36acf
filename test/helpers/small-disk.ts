/**
 * A real, small filesystem for disk-full tests: a tmpfs of a few kilobytes
 * mounted on a temporary folder (needs root, as CI and these machines run;
 * elsewhere `mountSmallDisk` returns undefined and the caller skips with a line).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SmallDisk {
  dir: string
  /** Fills every free byte (a filler file), so the next write fails with ENOSPC. */
  fill(): void
  /** Deletes the filler. */
  free(): void
  unmount(): void
}

/** Mounts a tmpfs of `kilobytes`; undefined when this process may not mount. */
export function mountSmallDisk(kilobytes = 256): SmallDisk | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return undefined
  }
  const filler = join(dir, 'filler')
  return {
    dir,
    fill: () => {
      try {
        writeFileSync(filler, Buffer.alloc(kilobytes * 1024))
      } catch {
        // ENOSPC: the filler took what there was.
      }
    },
    free: () => unlinkSync(filler),
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Why disk tests are skipped, printed once when they are. */
export const NO_SMALL_DISK = 'disk-full tests skipped: this process cannot mount a tmpfs (run as root to include them)'
