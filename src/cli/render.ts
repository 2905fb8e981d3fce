/**
 * What the CLI prints: a table with one row per image mention, a summary,
 * and optionally a unified diff of the rewritten files; --explain is
 * explain.ts. Pure.
 */
import { chainsJson, rebuiltEdgeLines } from '../core/chains/rebuild-plan.js'
import { shortDigest } from '../core/digest.js'
import type { EvidenceMap } from '../core/evidence/types.js'
import { evidenceKey } from '../core/evidence/types.js'
import type { PlanRow } from '../core/plan.js'
import type { FileChange, RunReport } from '../pipeline/run.js'

export function renderTable(report: RunReport): string {
  const header = ['LOCATION', 'IMAGE', 'CURRENT', 'NEW', 'DECISION']
  const rows = report.plan.rows.map(row => [
    row.editLine === undefined
      ? `${row.file}:${row.line}`
      : `${row.file}:${row.line} (digest on ${row.editLine})`,
    row.source === 'file' ? '(whole file)' : row.image || '-',
    row.currentDigest === undefined ? '-' : shortDigest(row.currentDigest),
    row.newDigest === undefined ? '-' : shortDigest(row.newDigest),
    decisionText(row)
  ])
  return columns(header, rows)
}

/**
 * A plain-text table: columns two spaces apart, each as wide as its widest
 * cell up to 60 characters; the last column is not padded.
 */
export function columns(
  header: readonly string[],
  rows: readonly (readonly string[])[]
): string {
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)
      )
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

export function decisionText(row: PlanRow): string {
  if (row.decision === 'skipped') return `skipped: ${row.reason ?? ''}`
  if (row.decision === 'failed') {
    return `failed: ${row.reason ?? ''}${row.hint === undefined ? '' : ` ${row.hint}`}`
  }
  return row.decision
}

export function renderSummary(
  report: RunReport,
  mode: 'check' | 'apply'
): string {
  const count = (d: PlanRow['decision']): number =>
    report.plan.rows.filter(r => r.decision === d).length
  const verb = mode === 'apply' ? 'wrote' : 'would change'
  const lines = [
    `${many(report.filesScanned, 'file')}, ${many(report.plan.rows.length, 'image mention')}, ${many(report.uniqueImages, 'unique image')}: ` +
      `${count('pin')} to pin, ${count('update')} to update, ${count('up to date')} up to date, ` +
      `${count('skipped')} skipped, ${count('failed')} failed; ${verb} ${many(report.changes.length, 'file')}.`
  ]
  for (const [registry, remaining] of rateLimits(report)) {
    lines.push(`${registry}: ratelimit-remaining ${remaining}`)
  }
  // Issue 11: the Dockerfiles built here on a changed one, rebuilt after it.
  const rebuild = report.rebuild ?? []
  const edges = rebuiltEdgeLines(report.chains, rebuild)
  if (edges.length > 0) {
    lines.push(`rebuild in order: ${JSON.stringify(rebuild)}`)
    for (const edge of edges) lines.push(`  ${edge}`)
  }
  return lines.join('\n')
}

function many(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** The last `ratelimit-remaining` each registry reported. */
export function rateLimits(report: RunReport): Map<string, string> {
  const seen = new Map<string, string>()
  for (const r of report.plan.resolutions) {
    if (r.kind === 'resolved' && r.rateLimitRemaining !== undefined) {
      seen.set(r.key.slice(0, r.key.indexOf('/')), r.rateLimitRemaining)
    }
  }
  return seen
}

/** A unified diff; edits never add or remove lines, so lines pair one to one. */
export function renderDiff(changes: readonly FileChange[]): string {
  const out: string[] = []
  for (const { file, before, after } of changes) {
    out.push(`--- a/${file}`, `+++ b/${file}`)
    const a = before.split('\n')
    const b = after.split('\n')
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const [left, right] = [a[i], b[i]]
      if (left === right) continue
      out.push(`@@ -${i + 1} +${i + 1} @@`)
      if (left !== undefined) out.push(`-${left.replace(/\r$/, '')}`)
      if (right !== undefined) out.push(`+${right.replace(/\r$/, '')}`)
    }
  }
  return out.join('\n')
}

/**
 * The run as JSON; with `evidence` (check --explain), each pin or update row
 * carries its bump's ImageEvidence as `evidence` (null when none was found).
 */
export function renderJson(
  report: RunReport,
  mode: 'check' | 'apply',
  evidence?: EvidenceMap
): string {
  const rows =
    evidence === undefined
      ? report.plan.rows
      : report.plan.rows.map(row =>
          (row.decision === 'pin' || row.decision === 'update') &&
          row.key !== undefined &&
          row.newDigest !== undefined
            ? {
                ...row,
                evidence:
                  evidence.get(
                    evidenceKey(row.key, row.currentDigest, row.newDigest)
                  ) ?? null
              }
            : row
        )
  return JSON.stringify(
    {
      mode,
      filesScanned: report.filesScanned,
      uniqueImages: report.uniqueImages,
      rows,
      changedFiles: report.changes.map(c => c.file),
      rateLimits: Object.fromEntries(rateLimits(report)),
      chains: chainsJson(report.chains),
      rebuild: report.rebuild ?? []
    },
    null,
    2
  )
}
