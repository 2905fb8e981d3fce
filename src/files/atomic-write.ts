/**
 * Writes a file so that it is never half-written: a temp file in the same
 * directory, fsync, the original mode kept, then rename over the original.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, stat, unlink } from 'node:fs/promises'
import path from 'node:path'

export async function writeFileAtomic(
  file: string,
  text: string
): Promise<void> {
  const mode = (await stat(file).catch(() => undefined))?.mode
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.freshbase-${randomBytes(6).toString('hex')}.tmp`
  )
  try {
    const handle = await open(
      temp,
      'wx',
      mode === undefined ? 0o644 : mode & 0o7777
    )
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw new Error(
      `could not write ${file}: ${(error as Error).message}. The original file is unchanged; check that the directory is writable.`,
      { cause: error }
    )
  }
}
