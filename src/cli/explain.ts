/**
 * `check --explain` (issue 9): per proposed change the same as a pull
 * request shows — the summary line, the lines it changes, then the
 * packages, vulnerabilities, platforms and source — as plain text. Text from
 * registries and OSV is printed with control characters removed, so no
 * record can move the cursor or recolour a terminal.
 */
import type { EvidenceMap, ImageEvidence } from '../core/evidence/types.js'
import { formatPlatform } from '../core/platform.js'
import type { Update } from '../core/publish/groups.js'
import { summaryLine, missingText } from '../core/report/evidence-summary.js'
import type { ImageDetails } from '../core/report/image-details.js'
import type { ImageEntry } from '../core/report/image-entries.js'
import {
  evidenceOf,
  imageEntries,
  linesText
} from '../core/report/image-entries.js'
import { vulnerabilityCount } from '../core/report/vulnerability-count.js'
import type { RunReport } from '../pipeline/run.js'

export function renderExplain(
  report: RunReport,
  evidence: EvidenceMap
): string {
  const entries = imageEntries(proposedUpdates(report))
  if (entries.length === 0)
    return 'No base image digest changed; nothing to explain.'
  const details = registryDetails(report)
  return entries
    .map(entry => {
      const e = evidenceOf(evidence, entry)
      return [
        clean(`${entry.name}  ${changeText(entry)}`),
        `  ${clean(summaryLine(e, entry, details.get(entry.key)))}`,
        ...entry.files.map(f => `  ${clean(f.file)} ${linesText(f.lines)}`),
        ...evidenceLines(e),
        `  digests: ${entry.from ?? '(none)'} → ${entry.to}`
      ].join('\n')
    })
    .join('\n\n')
}

/** The pin and update rows as the updates a pull request would carry. */
export function proposedUpdates(report: RunReport): Update[] {
  return report.plan.rows.flatMap(row =>
    (row.decision === 'pin' || row.decision === 'update') &&
    row.key !== undefined &&
    row.newDigest !== undefined
      ? [
          {
            file: row.file,
            line: row.line,
            image: row.image,
            key: row.key,
            to: row.newDigest,
            ...(row.currentDigest === undefined
              ? {}
              : { from: row.currentDigest }),
            ...(row.editLine === undefined ? {} : { editLine: row.editLine })
          }
        ]
      : []
  )
}

function registryDetails(report: RunReport): Map<string, ImageDetails> {
  const details = new Map<string, ImageDetails>()
  for (const r of report.plan.resolutions) {
    if (r.kind !== 'resolved') continue
    const platforms = (r.manifests ?? []).map(m => formatPlatform(m.platform))
    details.set(r.key, { key: r.key, digest: r.digest, platforms })
  }
  return details
}

function changeText(entry: ImageEntry): string {
  return entry.from === undefined
    ? `pinned to ${entry.to.slice(0, 19)}`
    : `${entry.from.slice(0, 19)} → ${entry.to.slice(0, 19)}`
}

/** The evidence of one change as indented lines (also `behind --explain`). */
export function evidenceLines(e: ImageEvidence | undefined): string[] {
  if (e === undefined) return []
  const lines: string[] = []
  const missing = (label: string, text: string | undefined): void => {
    if (text !== undefined) lines.push(`  ${label}: ${clean(text)}`)
  }
  if (e.source.kind === 'found') {
    const link = e.source.value.link?.url ?? e.source.value.new?.url
    if (link !== undefined) lines.push(`  source: ${clean(link)}`)
  } else missing('source', missingText(e.source))
  if (e.packages.kind === 'found') lines.push(...packageLines(e))
  else missing('packages', missingText(e.packages))
  if (e.vulnerabilities.kind === 'found') lines.push(...vulnerabilityLines(e))
  else missing('vulnerabilities', missingText(e.vulnerabilities))
  if (e.platforms.kind === 'found') {
    lines.push('  platforms:')
    for (const d of e.platforms.value)
      lines.push(
        `    ${clean(d.platform)}  ${d.change}${d.counted ? '' : '  (not built here)'}`
      )
  } else missing('platforms', missingText(e.platforms))
  return lines
}

function packageLines(e: ImageEvidence): string[] {
  if (e.packages.kind !== 'found') return []
  const p = e.packages.value
  const where = [p.distro, p.platform].filter(x => x !== undefined).join(', ')
  if (p.changes.length === 0)
    return [`  packages (${clean(where)}): none changed of ${p.newCount}`]
  return [
    `  packages (${clean(where)}):`,
    ...p.changes.map(c => {
      const source =
        c.source === undefined || c.source === c.name
          ? ''
          : ` (source ${c.source})`
      const versions = `${c.oldVersion ?? '-'} → ${c.newVersion ?? '-'}`
      return `    ${c.change.padEnd(7)}  ${clean(`${c.name}${source}  ${versions}`)}`
    })
  ]
}

function vulnerabilityLines(e: ImageEvidence): string[] {
  if (e.vulnerabilities.kind !== 'found') return []
  const v = e.vulnerabilities.value
  const list = (title: string, vs: typeof v.fixed): string[] =>
    vs.length === 0
      ? []
      : [
          `  ${title} ${vulnerabilityCount(vs)}:`,
          ...vs.map(x =>
            clean(
              `    ${[
                x.id,
                x.cves.join(', '),
                x.severity,
                x.summary,
                x.packages.join(', '),
                x.url
              ]
                .filter(s => s !== undefined && s !== '')
                .join('  ')}`
            )
          )
        ]
  return [
    ...list('INTRODUCES', v.introduced),
    ...list('fixes', v.fixed),
    ...v.notChecked.map(n => `  not checked for vulnerabilities: ${clean(n)}`)
  ]
}

/** No control characters (ESC, CR, …) from a registry or OSV reach the terminal. */
export function clean(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
}
