/**
 * The pipeline, one call per stage (DESIGN.md "The flow"):
 * discover → scan → dedupe → resolve → plan → rewrite (→ write).
 */
import type { Config } from '../config/config.js'
import { applyEdits, verifyRewrite } from '../core/dockerfile/rewrite.js'
import type { ImageSite } from '../core/dockerfile/scan.js'
import { scanDockerfile } from '../core/dockerfile/scan.js'
import { canonicalKey } from '../core/image-ref.js'
import { compileImageGlobs } from '../core/image-glob.js'
import { mapLimited } from '../core/map-limited.js'
import type { Plan, PlanRow, PlannedEdit } from '../core/plan.js'
import { planUpdates } from '../core/plan.js'
import {
  buildRequests,
  firstLook,
  secondLook
} from '../core/resolve-requests.js'
import type { Resolution, ResolveRequest } from '../core/resolution.js'
import { Slots } from '../core/slots.js'
import type { DigestResolver, FileStore, Logger } from './ports.js'

export interface FileChange {
  readonly file: string
  readonly before: string
  readonly after: string
}

export interface RunReport {
  readonly plan: Plan
  /** Files whose new text passed the re-scan check (written when mode is apply). */
  readonly changes: readonly FileChange[]
  readonly filesScanned: number
  readonly uniqueImages: number
}

export interface RunPorts {
  readonly files: FileStore
  readonly resolver: DigestResolver
  readonly logger: Logger
}

export interface RunOptions {
  /**
   * Read every changed image's manifest once more (default true): its bytes
   * are hashed, so a registry whose HEAD answers a Docker-Content-Digest
   * that does not match the content never gets that digest written, and the
   * index gives the platforms and creation time a reviewer reads. Costs one
   * GET per changed image; none when nothing changed (the cron steady state).
   */
  readonly describeChanges?: boolean
}

export async function run(
  config: Config,
  ports: RunPorts,
  mode: 'check' | 'apply',
  options: RunOptions = {}
): Promise<RunReport> {
  const { files, resolver, logger } = ports
  const found = await logger.group('Discover', async () =>
    files.discover(config)
  )
  // Each image's first look goes out the moment the scanner meets it, so
  // the registry round trips overlap the rest of the scan; one per key.
  const firstLooks = new Map<string, Promise<Resolution>>()
  const lookFirst = async (request: ResolveRequest): Promise<Resolution> => {
    let pending = firstLooks.get(request.key)
    if (pending === undefined) {
      pending = resolver.resolve({
        ...request,
        currentDigests: [],
        needsManifestBody: false
      })
      firstLooks.set(request.key, pending)
    }
    return pending
  }
  const scanned = await logger.group('Scan', async () =>
    scanAll(found, files, config, site => {
      const request = firstLook(site, config.registryMap)
      if (request !== undefined) void lookFirst(request)
    })
  )
  const requests = buildRequests(scanned.sites, config.registryMap)
  const finals = new Map(
    requests.map(request => [
      request.key,
      resolveTwice(
        resolver,
        request,
        lookFirst(request),
        options.describeChanges ?? true
      )
    ])
  )
  // A file is planned, checked and (in apply mode) written as soon as its
  // own images are resolved, while the registry still answers for others.
  const write =
    mode === 'apply'
      ? async (change: FileChange) => files.write(change.file, change.after)
      : undefined
  const done = await logger.group(
    mode === 'apply' ? 'Resolve and write' : 'Resolve and rewrite',
    async () => finishFiles(scanned, finals, config, write)
  )
  const resolutions = await Promise.all(finals.values())
  const changes = done.flatMap(d => (d.change === undefined ? [] : [d.change]))
  return {
    plan: {
      rows: [...scanned.problems, ...done.flatMap(d => d.plan.rows)],
      files: done.flatMap(d => d.plan.files),
      resolutions
    },
    changes,
    filesScanned: found.length,
    uniqueImages: requests.length
  }
}

interface Scanned {
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
async function scanAll(
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
const IO_PARALLELISM = 16

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

/**
 * One manifest HEAD per unique tag (the first look, usually already on its
 * way); a second request (GET by tag, hashed) only for images whose digest
 * changed: to verify the bytes, check literal --platform values, keep
 * single-platform pins and describe the change.
 */
async function resolveTwice(
  resolver: DigestResolver,
  request: ResolveRequest,
  firstLook: Promise<Resolution>,
  describeChanges: boolean
): Promise<Resolution> {
  const first = await firstLook
  const again = secondLook(request, first, describeChanges)
  return again === undefined ? first : resolver.resolve(again)
}

interface FileDone {
  readonly plan: Pick<Plan, 'rows' | 'files'>
  readonly change?: FileChange
}

/**
 * Per file, in the files' order: waits for the file's own images, plans it
 * (planning never looks across files), applies the edits, re-scans the
 * result and writes it, at most IO_PARALLELISM files at once. A file that
 * fails the check or the write turns its pins and updates into failures
 * naming it; the other files go on.
 */
async function finishFiles(
  scanned: Scanned,
  finals: ReadonlyMap<string, Promise<Resolution>>,
  config: Config,
  write: ((change: FileChange) => Promise<void>) | undefined
): Promise<FileDone[]> {
  const slots = new Slots(IO_PARALLELISM)
  return Promise.all(
    [...sitesByFile(scanned.sites)].map(async ([file, sites]) => {
      const pending = new Map<string, Promise<Resolution>>()
      for (const site of sites) {
        const key = site.ref === undefined ? undefined : canonicalKey(site.ref)
        const final = key === undefined ? undefined : finals.get(key)
        if (key !== undefined && final !== undefined) pending.set(key, final)
      }
      const resolutions = await Promise.all(pending.values())
      const plan = planUpdates(sites, resolutions, config)
      const edits = plan.files[0]?.edits
      if (edits === undefined) return { plan }
      return slots.run(async () =>
        rewriteFile(file, edits, plan, scanned, write)
      )
    })
  )
}

async function rewriteFile(
  file: string,
  edits: readonly PlannedEdit[],
  plan: Pick<Plan, 'rows' | 'files'>,
  { texts, scans }: Scanned,
  write: ((change: FileChange) => Promise<void>) | undefined
): Promise<FileDone> {
  const before = texts.get(file) ?? ''
  const applied = applyEdits(before, edits)
  const verdict = applied.ok
    ? verifyRewrite(file, before, applied.text, edits, scans.get(file))
    : applied
  if (!verdict.ok) return refuse(plan, `${file}: not written: ${verdict.error}`)
  if (!applied.ok) return { plan }
  const change = { file, before, after: applied.text }
  try {
    await write?.(change)
  } catch (error) {
    return refuse(plan, (error as Error).message)
  }
  return { plan, change }
}

/** The file's pins and updates become failures with `reason`; nothing of it is written. */
function refuse(plan: Pick<Plan, 'rows' | 'files'>, reason: string): FileDone {
  const rows = plan.rows.map(row =>
    row.decision === 'pin' || row.decision === 'update'
      ? { ...row, decision: 'failed' as const, reason }
      : row
  )
  return { plan: { rows, files: [] } }
}

/** Sites grouped by file, files in scan order (a Map keeps insertion order). */
function sitesByFile(sites: readonly ImageSite[]): Map<string, ImageSite[]> {
  const byFile = new Map<string, ImageSite[]>()
  for (const site of sites) {
    const list = byFile.get(site.file)
    if (list === undefined) byFile.set(site.file, [site])
    else list.push(site)
  }
  return byFile
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
