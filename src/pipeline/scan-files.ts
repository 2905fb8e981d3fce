/**
 * The scan stage of the pipeline: files read (IO_PARALLELISM at a time) and
 * scanned, each with the scanner of its kind (core/scan.ts), each image site
 * handed on the moment its file is scanned so its first registry look goes
 * out while the scan goes on.
 *
 * The `.gitlab-ci.yml` files are read first: the files they include by
 * local path are GitLab CI whatever their name (issue 10).
 */
import type { Config } from '../config/config.js'
import type { KindSetting } from '../core/file-kind.js'
import { kindByName } from '../core/file-kind.js'
import { compileImageGlobs } from '../core/image-glob.js'
import type { ImageSite } from '../core/image-site.js'
import { mapLimited } from '../core/map-limited.js'
import type { PlanRow } from '../core/plan.js'
import { needsParse, scanFile } from '../core/scan.js'
import { gitlabLocalIncludes } from '../core/yaml/gitlab-ci.js'
import type { FileStore } from './ports.js'
import { gitlabIncludedPaths, scanKind } from './scan-kind.js'

export interface Scanned {
  readonly sites: ImageSite[]
  readonly texts: Map<string, string>
  /** What the scanner found per file, before ignore rules: the rewrite check compares against it. */
  readonly scans: Map<string, readonly ImageSite[]>
  readonly problems: PlanRow[]
  readonly counts: ScanCounts
}

/**
 * What the scan did with the files it read (issue 10, "Performance"): a
 * YAML file of no telling name is parsed only when the content check says
 * it can hold images, and the benchmark reads these figures (`--verbose`).
 */
export interface ScanCounts {
  readonly read: number
  readonly dockerfiles: number
  readonly yamlParsed: number
  readonly yamlSkipped: number
}

/** The debug line the CLI prints with --verbose (bench/bench.ts parses it). */
export function describeScan(counts: ScanCounts): string {
  return `scan: ${counts.read} files read, ${counts.dockerfiles} Dockerfiles scanned, ${counts.yamlParsed} YAML parsed, ${counts.yamlSkipped} YAML skipped by the content check`
}

type ReadResult = string | Error

/**
 * Reads and scans the files, IO_PARALLELISM at a time; each site is handed
 * to `onSite` as soon as its file is scanned. The result keeps the files'
 * order whatever order the reads finish in. A file whose kind is turned off
 * is neither read nor scanned.
 */
export async function scanAll(
  found: readonly string[],
  files: FileStore,
  config: Pick<Config, 'kinds' | 'ignore'>,
  onSite: (site: ImageSite) => void,
  /** Texts already read (the build declarations, issue 11): not read again. */
  preread: ReadonlyMap<string, string> = new Map()
): Promise<Scanned> {
  const isIgnored = compileImageGlobs(config.ignore)
  const pause = pauser()
  const read = async (file: string): Promise<ReadResult> =>
    files.read(file).catch((error: unknown) => error as Error)
  const kinds = new Set(config.kinds)
  const gitlab = await readGitlabFirst(found, read, kinds)
  const perFile = await mapLimited(found, IO_PARALLELISM, async file => {
    const kind = scanKind(file, kinds, gitlab.included)
    if (kind === undefined) return undefined
    const text =
      gitlab.texts.get(file) ?? preread.get(file) ?? (await read(file))
    await pause()
    if (text instanceof Error) return { ok: false as const, file, text }
    const yaml = kind === 'dockerfile' ? undefined : needsParse(kind, text)
    const raw = yaml === false ? [] : scanFile(file, text, kind)
    const sites = raw.map(site => markIgnored(site, isIgnored))
    sites.forEach(onSite)
    return { ok: true as const, file, text, raw, sites, yaml }
  })
  return collect(perFile)
}

type FileResult =
  | { ok: false; file: string; text: Error }
  | {
      ok: true
      file: string
      text: string
      raw: ImageSite[]
      sites: ImageSite[]
      /** Parsed as YAML (true), turned away by the content check (false), a Dockerfile. */
      yaml: boolean | undefined
    }

/** The files' results in the files' order, and what was counted. */
function collect(perFile: readonly (FileResult | undefined)[]): Scanned {
  const counts = { read: 0, dockerfiles: 0, yamlParsed: 0, yamlSkipped: 0 }
  const scanned: Scanned = {
    sites: [],
    texts: new Map(),
    scans: new Map(),
    problems: [],
    counts
  }
  for (const result of perFile) {
    if (result === undefined) continue
    if (!result.ok) {
      scanned.problems.push(fileProblem(result.file, result.text.message))
      continue
    }
    counts.read++
    if (result.yaml === undefined) counts.dockerfiles++
    else if (result.yaml) counts.yamlParsed++
    else counts.yamlSkipped++
    scanned.texts.set(result.file, result.text)
    scanned.scans.set(result.file, result.raw)
    for (const site of result.sites) scanned.sites.push(site)
  }
  return scanned
}

/**
 * With GitLab CI turned on: the `.gitlab-ci.yml` files, then the files they
 * include (and those include, a file read once), read before the others,
 * so every file's kind is known before it is scanned.
 */
async function readGitlabFirst(
  found: readonly string[],
  read: (file: string) => Promise<ReadResult>,
  kinds: ReadonlySet<KindSetting>
): Promise<{ included: Set<string>; texts: Map<string, ReadResult> }> {
  const texts = new Map<string, ReadResult>()
  const included = new Set<string>()
  if (!kinds.has('gitlab-ci')) return { included, texts }
  let next = found.filter(file => kindByName(file) === 'gitlab-ci')
  while (next.length > 0) {
    const batch = next
    const results = await mapLimited(batch, IO_PARALLELISM, read)
    batch.forEach((file, i) => texts.set(file, results[i] as ReadResult))
    const entries = batch.flatMap(file => {
      const text = texts.get(file)
      return typeof text === 'string' ? gitlabLocalIncludes(file, text) : []
    })
    next = gitlabIncludedPaths(entries, found).filter(file => {
      const fresh = !included.has(file) && kindByName(file) !== 'dockerfile'
      if (fresh) included.add(file)
      return fresh && !texts.has(file)
    })
  }
  return { included, texts }
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
