/**
 * The pipeline, one call per stage (DESIGN.md "The flow"):
 * discover → scan → dedupe → resolve → plan → rewrite (→ write).
 */
import type { Config } from '../config/config.js'
import { applyEdits, verifyRewrite } from '../core/dockerfile-rewrite.js'
import type { ImageSite } from '../core/dockerfile-scan.js'
import { scanDockerfile } from '../core/dockerfile-scan.js'
import { compileImageGlobs } from '../core/image-glob.js'
import { mapLimited } from '../core/map-limited.js'
import type { Plan, PlanRow } from '../core/plan.js'
import { planUpdates } from '../core/plan.js'
import { buildRequests, secondLook } from '../core/requests.js'
import type { Resolution } from '../core/resolution.js'
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
  const scanned = await logger.group('Scan', async () =>
    scanAll(found, files, config)
  )
  const requests = buildRequests(scanned.sites, config.registryMap)
  const resolutions = await logger.group('Resolve', async () =>
    resolveTwice(resolver, requests, options.describeChanges ?? true)
  )
  const planned = planUpdates(scanned.sites, resolutions, config)
  const { plan, changes } = await logger.group('Rewrite', async () =>
    Promise.resolve(rewriteAll(planned, scanned))
  )
  if (mode === 'apply') {
    await logger.group('Write', async () => {
      await mapLimited(changes, IO_PARALLELISM, async change =>
        files.write(change.file, change.after)
      )
    })
  }
  return {
    plan,
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

async function scanAll(
  found: readonly string[],
  files: FileStore,
  config: Config
): Promise<Scanned> {
  const isIgnored = compileImageGlobs(config.ignore)
  const texts = await mapLimited(found, IO_PARALLELISM, async file =>
    files.read(file).catch((error: unknown) => error as Error)
  )
  const scanned: Scanned = {
    sites: [],
    texts: new Map(),
    scans: new Map(),
    problems: []
  }
  found.forEach((file, i) => {
    const text = texts[i]
    if (text === undefined || text instanceof Error) {
      scanned.problems.push(fileProblem(file, text?.message ?? 'not read'))
      return
    }
    scanned.texts.set(file, text)
    const sites = scanDockerfile(file, text)
    scanned.scans.set(file, sites)
    for (const site of sites) {
      scanned.sites.push(markIgnored(site, isIgnored))
    }
  })
  return scanned
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
 * One manifest HEAD per unique tag; a second request (GET by tag, hashed)
 * only for images whose digest changed: to verify the bytes, check literal
 * --platform values, keep single-platform pins and describe the change.
 */
async function resolveTwice(
  resolver: DigestResolver,
  requests: ReturnType<typeof buildRequests>,
  describeChanges: boolean
): Promise<Resolution[]> {
  const first = await resolver.resolveAll(
    requests.map(r => ({ ...r, currentDigests: [], needsManifestBody: false }))
  )
  const again = secondLook(requests, first, describeChanges)
  if (again.length === 0) return first
  const second = new Map(
    (await resolver.resolveAll(again)).map(r => [r.key, r])
  )
  return first.map(r => second.get(r.key) ?? r)
}

function rewriteAll(
  planned: Plan,
  { texts, scans, problems }: Scanned
): { plan: Plan; changes: FileChange[] } {
  const changes: FileChange[] = []
  const refused = new Map<string, string>()
  for (const { file, edits } of planned.files) {
    const before = texts.get(file) ?? ''
    const applied = applyEdits(before, edits)
    const verdict = applied.ok
      ? verifyRewrite(file, before, applied.text, edits, scans.get(file))
      : applied
    if (applied.ok && verdict.ok)
      changes.push({ file, before, after: applied.text })
    else if (!verdict.ok) refused.set(file, verdict.error)
  }
  const rows = planned.rows.map(row => {
    const error = refused.get(row.file)
    if (
      error === undefined ||
      (row.decision !== 'pin' && row.decision !== 'update')
    )
      return row
    return {
      ...row,
      decision: 'failed' as const,
      reason: `${row.file}: not written: ${error}`
    }
  })
  const files = planned.files.filter(f => !refused.has(f.file))
  return { plan: { ...planned, rows: [...problems, ...rows], files }, changes }
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
