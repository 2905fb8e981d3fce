/**
 * The behind mode's step outputs and job summary (issue 11 part 2):
 * `behind` (JSON list of the images behind their base or stale, with the
 * base's old and new digests and the Dockerfile) and `behind-count`; a
 * table per image and platform; warnings for build declarations not read.
 */
import * as core from '@actions/core'
import { shortDigest } from '../core/digest.js'
import type { PlatformVerdict } from '../core/behind/model.js'
import { buildMatrix } from '../core/chains/rebuild-plan.js'
import { evidenceJson } from '../core/report/evidence-json.js'
import { summaryMarkdown } from '../core/report/evidence-summary.js'
import type { BehindPublishReport } from '../pipeline/behind-publish.js'
import { behindJson, rebuildRequest } from '../pipeline/behind-publish.js'
import { needsRebuild } from '../pipeline/behind-run.js'

const SOURCE_DATE =
  'an image\'s "created" may be a source date (SOURCE_DATE_EPOCH), not the time it was built'

export function writeBehindOutputs(result: BehindPublishReport): void {
  const rebuild = result.behind.entries.filter(needsRebuild)
  core.setOutput(
    'behind',
    JSON.stringify(
      rebuild.map(e => ({
        ...behindJson(e),
        evidence: evidenceJson(e.evidence)
      }))
    )
  )
  core.setOutput('behind-count', String(rebuild.length))
  const request = rebuildRequest(result.behind)
  core.setOutput('changed-files', JSON.stringify(request.files))
  // The same job can build them without a dispatch: a matrix by level.
  core.setOutput(
    'build-matrix',
    JSON.stringify(buildMatrix(result.behind.levels, result.behind.chains))
  )
  core.setOutput('build-levels', JSON.stringify(result.behind.levels))
  core.setOutput('updated', 'false')
  for (const p of result.behind.problems)
    core.warning(p.message, { file: p.file, startLine: p.line })
  if (rebuild.some(e => e.stale !== undefined))
    core.warning(`Stale images are rebuilt by max-age; ${SOURCE_DATE}.`)
}

export async function writeBehindSummary(
  result: BehindPublishReport
): Promise<void> {
  if (process.env['GITHUB_STEP_SUMMARY'] === undefined) return
  await core.summary.addRaw(behindMarkdown(result), true).write()
}

export function behindMarkdown(result: BehindPublishReport): string {
  const { behind } = result
  const rebuild = behind.entries.filter(needsRebuild).length
  const lines = [
    `## Freshbase: published images and their base (${result.branch})`,
    '',
    rebuild === 0
      ? 'Every image checked is built on the base its Dockerfile names now.'
      : `${rebuild} image(s) to rebuild${result.dryRun ? ' (dry run: nothing dispatched)' : ''}.`,
    '',
    '| Image | Platform | Status | Method | Built on → now | Why |',
    '| --- | --- | --- | --- | --- | --- |'
  ]
  for (const entry of behind.entries) {
    const { report, stale } = entry
    const staleText =
      stale === undefined
        ? ''
        : ` Stale: created ${stale.created} (${stale.days} days ago).`
    const verdicts: readonly (PlatformVerdict | undefined)[] =
      report.platforms.length > 0 ? report.platforms : [undefined]
    for (const v of verdicts)
      lines.push(
        row([
          `\`${report.image.image}\``,
          v?.platform ?? '-',
          `${v?.status ?? report.status}${stale === undefined ? '' : ', stale'}`,
          v === undefined || v.status === 'unknown' ? '-' : v.method,
          v === undefined ? '-' : digests(v),
          `${v === undefined ? (report.error ?? '') : why(v, report.image.base)}${staleText}`
        ])
      )
  }
  for (const u of behind.unchecked)
    lines.push(row([`\`${u.image}\``, '-', 'unknown', '-', '-', u.why]))
  lines.push(...evidenceBullets(behind.entries))
  if (behind.levels.length > 0)
    lines.push(
      '',
      `Rebuild order: ${behind.levels.map(l => l.map(f => `\`${f}\``).join(', ')).join(' → ')}`
    )
  if (behind.entries.some(e => e.stale !== undefined))
    lines.push('', `Note: ${SOURCE_DATE}.`)
  if (result.notes.length > 0)
    lines.push('', ...result.notes.map(n => `- ${n}`))
  return `${lines.join('\n')}\n`
}

/** Per image behind: what its base's move brings (issue 9 evidence), one line. */
function evidenceBullets(
  entries: BehindPublishReport['behind']['entries']
): string[] {
  const lines = entries.flatMap(({ report, evidence }) =>
    report.status === 'behind' && evidence !== undefined
      ? [
          `- \`${report.image.image}\`, base \`${report.image.base}\`: ${summaryMarkdown(evidence, evidence)}`
        ]
      : []
  )
  return lines.length === 0
    ? []
    : [
        '',
        'What the base change brings (since each image was built):',
        ...lines
      ]
}

function digests(v: PlatformVerdict): string {
  if (v.status === 'unknown') return '-'
  if (v.status === 'current') return `\`${shortDigest(v.builtOn)}\``
  const from = v.builtOn === undefined ? '?' : shortDigest(v.builtOn)
  return `\`${from}\` → \`${shortDigest(v.now)}\``
}

function why(v: PlatformVerdict, base: string): string {
  if (v.status === 'unknown') return v.why
  if (v.status === 'current') return v.note ?? `on ${base} as it is now`
  return v.note ?? `${base} has moved`
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(c => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`
}
