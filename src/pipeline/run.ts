/**
 * The pipeline, one call per stage (DESIGN.md "The flow"):
 * discover → scan → dedupe → resolve → plan → rewrite (→ write).
 */
import type { Config } from '../config/config.js'
import type { ProposedDigests } from '../core/kept-proposal.js'
import { proposedByKey } from '../core/kept-proposal.js'
import type { Plan } from '../core/plan.js'
import {
  buildRequests,
  firstLook,
  secondLook
} from '../core/resolve-requests.js'
import type { Digest } from '../core/digest.js'
import type { Resolution, ResolveRequest } from '../core/resolution.js'
import type { EvidencePorts } from './evidence.js'
import { finishFiles } from './finish-files.js'
import type { FileChange } from './finish-files.js'
import type { DigestResolver, FileStore, Logger } from './ports.js'
import { describeScan, scanAll } from './scan-files.js'

export type { FileChange } from './finish-files.js'

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
  /**
   * What the evidence of a bump is read through (issue 9): the resolver's
   * own registry slots and cache, and OSV unless turned off.
   */
  readonly evidence?: EvidencePorts
}

/** What the Action knows beyond the configuration; the CLI passes nothing. */
export interface RunOptions {
  /**
   * What the open pull requests propose (their hidden plan blocks, by
   * `${file} ${key}`): kept while the tag moves on from it only in platforms
   * that do not count (issue 9: an open PR is not touched for that).
   */
  readonly proposed?: ProposedDigests
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
  const looks = new FirstLooks(resolver)
  const scanned = await logger.group('Scan', async () =>
    scanAll(found, files, config, site => {
      const request = firstLook(site, config.registryMap)
      if (request !== undefined) looks.look(request)
    })
  )
  logger.debug(describeScan(scanned.counts))
  const requests = buildRequests(scanned.sites, config.registryMap)
  const proposed = options.proposed ?? new Map<string, never>()
  const byKey = proposedByKey(proposed)
  const finals = new Map(
    requests.map(request => [
      request.key,
      looks.final(request, byKey.get(request.key) ?? [])
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
    async () => finishFiles(scanned, finals, { ...config, proposed }, write)
  )
  const resolutions = await Promise.all(finals.values())
  return {
    plan: {
      rows: [...scanned.problems, ...done.flatMap(d => d.plan.rows)],
      files: done.flatMap(d => d.plan.files),
      resolutions
    },
    changes: done.flatMap(d => (d.change === undefined ? [] : [d.change])),
    filesScanned: found.length,
    uniqueImages: requests.length
  }
}

/**
 * Each image's first look goes out the moment the scanner meets it (one per
 * key, decided by that first site: pinned, a HEAD; not, a GET), so no
 * request waits on the scan of unrelated files (issue 8).
 */
class FirstLooks {
  private readonly looks = new Map<
    string,
    { readonly asked: ResolveRequest; readonly pending: Promise<Resolution> }
  >()

  constructor(private readonly resolver: DigestResolver) {}

  look(request: ResolveRequest): {
    readonly asked: ResolveRequest
    readonly pending: Promise<Resolution>
  } {
    let look = this.looks.get(request.key)
    if (look === undefined) {
      look = { asked: request, pending: this.resolver.resolve(request) }
      this.looks.set(request.key, look)
    }
    return look
  }

  /**
   * After the scan, with every site's pin known: the first look, or a
   * second one for stale pins of other sites it did not cover (the tag is
   * not asked again).
   */
  async final(
    request: ResolveRequest,
    proposed: readonly Digest[]
  ): Promise<Resolution> {
    const { asked, pending } = this.look(request)
    const first = await pending
    const again = secondLook(request, asked, first, proposed)
    if (again === undefined) return first
    const second = await this.resolver.resolve(again)
    // Reading what an open PR proposes is best effort: when only that was
    // asked and it failed, the first look stands (no PR is kept for it).
    const onlyProposed = secondLook(request, asked, first) === undefined
    return second.kind === 'failed' && onlyProposed ? first : second
  }
}
