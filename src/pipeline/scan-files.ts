/**
 * The scan stage of the pipeline: files read (IO_PARALLELISM at a time) and
 * scanned, each image site handed on the moment its file is scanned so its
 * first registry look goes out while the scan goes on.
 */
import type { Config } from '../config/config.js'
import type { ImageSite } from '../core/dockerfile/scan.js'
import { scanDockerfile } from '../core/dockerfile/scan.js'
import { compileImageGlobs } from '../core/image-glob.js'
import { mapLimited } from '../core/map-limited.js'
import type { PlanRow } from '../core/plan.js'
import type { FileStore } from './ports.js'

export interface Scanned {
  readonly sites: ImageSite[]
  readonly texts: Map<string, string>
  /** What the scanner found per file, before ignore rules: the rewrite check compares against it. */
  readonly scans: Map<string, readonly ImageSite[]>
  readonly problems: PlanRow[]
}

/**
 * Reads and scans the files, IO_PARALLELISM at a time; each site is handed
 * to `onSite` as soon as its file is scanned. The result keeps the files'
 * order whatever order the reads finish in.
 */
export async function scanAll(
  found: readonly string[],
  files: FileStore,
  config: Config,
  onSite: (site: ImageSite) => void
): Promise<Scanned> {
  const isIgnored = compileImageGlobs(config.ignore)
  const pause = pauser()
  const perFile = await mapLimited(found, IO_PARALLELISM, async file => {
    const text = await files
      .read(file)
      .catch((error: unknown) => error as Error)
    await pause()
    if (text instanceof Error) return { ok: false as const, file, text }
    const raw = scanDockerfile(file, text)
    const sites = raw.map(site => markIgnored(site, isIgnored))
    sites.forEach(onSite)
    return { ok: true as const, file, text, raw, sites }
  })
  const scanned: Scanned = {
    sites: [],
    texts: new Map(),
    scans: new Map(),
    problems: []
  }
  for (const result of perFile) {
    if (!result.ok) {
      scanned.problems.push(fileProblem(result.file, result.text.message))
      continue
    }
    scanned.texts.set(result.file, result.text)
    scanned.scans.set(result.file, result.raw)
    for (const site of result.sites) scanned.sites.push(site)
  }
  return scanned
}

/**
 * Reads that finish at once (local files) and scanning would keep the event
 * loop to themselves until the last file: the registry answers to the first
 * looks would wait. This gives the loop a turn every few milliseconds.
 */
function pauser(everyMs = 1): () => Promise<void> {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < everyMs) return
    await new Promise<void>(resolve => setImmediate(resolve))
    last = performance.now()
  }
}

/** Files read or written at once: enough to hide I/O latency, few enough for fd limits. */
export const IO_PARALLELISM = 16

function markIgnored(
  site: ImageSite,
  isIgnored: ReturnType<typeof compileImageGlobs>
): ImageSite {
  const glob =
    site.ref === undefined || site.skip !== undefined
      ? undefined
      : isIgnored(site.ref)
  if (glob === undefined) return site
  return {
    ...site,
    skip: { code: 'ignored', message: `matches ignore pattern "${glob}"` }
  }
}

function fileProblem(file: string, message: string): PlanRow {
  return {
    file,
    line: 1,
    image: '',
    source: 'from',
    decision: 'failed',
    reason: message,
    warnings: []
  }
}
