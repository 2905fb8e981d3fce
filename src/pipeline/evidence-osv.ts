/**
 * The vulnerabilities part of a bump's evidence (issue 9 "Vulnerabilities",
 * EVIDENCE.md §3): one OSV querybatch for the old and new versions of the
 * changed source packages, then the full record only of the ids that differ,
 * a few at a time. An unknown ecosystem is "not checked", never "no CVEs".
 */
import { mapLimited } from '../core/map-limited.js'
import type {
  OsvRecord,
  PackageEvidence,
  Part,
  VulnerabilityEvidence
} from '../core/evidence/types.js'
import {
  differingIds,
  osvQueries,
  vulnerabilityDelta,
  vulnerabilityList
} from '../core/evidence/vulnerabilities.js'
import type { VulnerabilityDatabase } from './ports.js'
import { messageOf } from './evidence-reads.js'

/** GET /v1/vulns/{id} calls in flight at once, per bump. */
const RECORD_CONCURRENCY = 8

export async function vulnerabilityPart(
  packages: Part<PackageEvidence>,
  osv: VulnerabilityDatabase | undefined,
  enabled: boolean
): Promise<Part<VulnerabilityEvidence>> {
  if (!enabled) {
    return { kind: 'absent', why: 'OSV lookup turned off (osv: false)' }
  }
  if (osv === undefined) {
    return { kind: 'unavailable', why: 'no OSV client was set up for this run' }
  }
  if (packages.kind !== 'found') {
    return { kind: packages.kind, why: `no package delta: ${packages.why}` }
  }
  const { changes, ecosystem } = packages.value
  if (ecosystem === undefined) {
    const names = [...new Set(changes.map(c => c.source ?? c.name))].sort()
    const distro = packages.value.distro ?? 'this distro'
    return {
      kind: 'found',
      value: {
        ecosystem: 'unknown',
        fixed: [],
        introduced: [],
        notChecked: names.map(
          n => `${n} (no OSV ecosystem known for ${distro})`
        )
      }
    }
  }
  return askOsv(osv, packages.value, ecosystem)
}

async function askOsv(
  osv: VulnerabilityDatabase,
  packages: PackageEvidence,
  ecosystem: string
): Promise<Part<VulnerabilityEvidence>> {
  const plan = osvQueries(packages.changes, ecosystem)
  const empty = { ecosystem, fixed: [], introduced: [], notChecked: [] }
  if (plan.queries.length === 0) return { kind: 'found', value: empty }
  let results: string[][]
  try {
    results = await osv.queryBatch(plan.queries)
  } catch (error) {
    return { kind: 'unavailable', why: `OSV query failed: ${messageOf(error)}` }
  }
  const delta = vulnerabilityDelta(plan, results)
  const records = new Map<string, OsvRecord>()
  // A record that cannot be read still shows by its id (and the CVE in it).
  await mapLimited(differingIds(delta), RECORD_CONCURRENCY, async id => {
    try {
      records.set(id, await osv.vulnerability(id))
    } catch {
      // left out of `records`: vulnerabilityList shows the bare id
    }
  })
  return {
    kind: 'found',
    value: {
      ...empty,
      fixed: vulnerabilityList(delta.fixed, records),
      introduced: vulnerabilityList(delta.introduced, records)
    }
  }
}
