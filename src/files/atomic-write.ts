/**
 * Writes a file so that it is never half-written: a temp file in the same
 * directory, fsync, the original mode kept, then rename over the original.
 *
 * Only the fsync and the rename go to the thread pool; the other steps are
 * synchronous calls of a few microseconds each. Through fs/promises every step is a
 * thread-pool round trip that costs the main thread ~50 µs, which at
 * thousands of files competes with the re-scan checks running beside.
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsync,
  openSync,
  rename,
  statSync,
  unlinkSync,
  writeSync
} from 'node:fs'
import path from 'node:path'

export async function writeFileAtomic(
  file: string,
  text: string
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.freshbase-${randomBytes(6).toString('hex')}.tmp`
  )
  try {
    const mode = statSync(file, { throwIfNoEntry: false })?.mode
    const fd = openSync(temp, 'wx', mode === undefined ? 0o644 : mode & 0o7777)
    try {
      writeAll(fd, Buffer.from(text, 'utf8'))
      await new Promise<void>((resolve, reject) => {
        fsync(fd, error => (error === null ? resolve() : reject(error)))
      })
    } finally {
      closeSync(fd)
    }
    // The rename goes to the thread pool too: after an fsync it waits on
    // the journal (~1 ms each here), which at 1,000 files kept the event
    // loop, and the registry answers, waiting for a second (issue 8).
    await new Promise<void>((resolve, reject) => {
      rename(temp, file, error => (error === null ? resolve() : reject(error)))
    })
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // never created, or already renamed
    }
    throw new Error(
      `could not write ${file}: ${(error as Error).message}. The original file is unchanged; check that the directory is writable.`,
      { cause: error }
    )
  }
}

/** writeSync may write less than asked (e.g. a full disk mid-way): loop until done. */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0
  while (offset < bytes.length) {
    offset += writeSync(fd, bytes, offset, bytes.length - offset)
  }
}
