/**
 * The PublishReport → step outputs, the job summary and annotations. Every
 * value written here comes from the plan, never from a credential.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { rebuildLevels } from '../core/chains/levels.js'
import { buildMatrix, cycleWarnings } from '../core/chains/rebuild-plan.js'
import { evidenceKey } from '../core/evidence/types.js'
import { evidenceJson } from '../core/report/evidence-json.js'
import type { GroupOutcome } from '../core/report/pr-summary.js'
import { renderSummary } from '../core/report/pr-summary.js'
import type { PublishReport } from '../pipeline/publish-run.js'
import { changedDockerfiles } from '../pipeline/chains.js'
import type { RunReport } from '../pipeline/run.js'

export function writeOutputs(result: PublishReport): void {
  const { published, groups } = result
  const primary = primaryOutcome(published.outcomes)
  const pushed = published.pushed.length > 0
  const changedFiles = [...new Set(groups.flatMap(g => g.files))]
  // One JSON value per bump, shared by its files' entries.
  const evidence = new Map<string, ReturnType<typeof evidenceJson>>()
  const evidenceOf = (id: string): ReturnType<typeof evidenceJson> => {
    if (!evidence.has(id))
      evidence.set(id, evidenceJson(result.evidence?.get(id)))
    return evidence.get(id) ?? null
  }
  const updates = groups.flatMap(g =>
    g.updates.map(u => ({
      file: u.file,
      line: u.line,
      image: u.image,
      from: u.from ?? null,
      to: u.to,
      evidence: evidenceOf(evidenceKey(u.key, u.from, u.to))
    }))
  )
  core.setOutput('updated', String(pushed))
  core.setOutput(
    'pull-request-number',
    primary?.pullRequestUrl === undefined
      ? ''
      : pullNumber(primary.pullRequestUrl)
  )
  core.setOutput('pull-request-url', primary?.pullRequestUrl ?? '')
  core.setOutput('pull-request-operation', primary?.operation ?? 'none')
  core.setOutput('branch', primary?.branch ?? '')
  core.setOutput('changed-files', JSON.stringify(changedFiles))
  core.setOutput('updates', JSON.stringify(updates))
  // The changed Dockerfiles and every Dockerfile built on them here, in
  // levels (issue 11): level n builds after every level before it.
  const levels = rebuildLevelsOf(result, changedFiles)
  core.setOutput(
    'build-matrix',
    JSON.stringify(buildMatrix(levels, result.report.chains))
  )
  core.setOutput('build-levels', JSON.stringify(levels))
  core.setOutput(
    'pull-requests',
    JSON.stringify(
      published.outcomes.map(o => ({
        branch: o.branch,
        operation: o.operation,
        url: o.pullRequestUrl ?? null,
        number:
          o.pullRequestUrl === undefined
            ? null
            : Number(pullNumber(o.pullRequestUrl)),
        compare_url: o.compareUrl ?? null
      }))
    )
  )
}

/** The outcome the single-PR outputs describe: the first group's, else the first close. */
function primaryOutcome(
  outcomes: readonly GroupOutcome[]
): GroupOutcome | undefined {
  return outcomes[0]
}

function pullNumber(url: string): string {
  return /\/pull\/(\d+)$/.exec(url)?.[1] ?? ''
}

/**
 * The rebuild set of the published groups' Dockerfiles (a file of another
 * kind is not built); without chains, each changed Dockerfile in level 0.
 */
function rebuildLevelsOf(
  result: PublishReport,
  changedFiles: readonly string[]
): string[][] {
  const dockerfiles = new Set(changedDockerfiles(result.report.plan.files))
  const changed = changedFiles.filter(file => dockerfiles.has(file))
  const chains = result.report.chains
  if (chains === undefined) return changed.length === 0 ? [] : [changed]
  return rebuildLevels(chains, changed)
}

export async function writeSummary(result: PublishReport): Promise<void> {
  const rows = result.report.plan.rows
  const markdown = renderSummary({
    outcomes: result.published.outcomes,
    images: result.images,
    skipped: rows.filter(r => r.decision === 'skipped'),
    failed: rows.filter(r => r.decision === 'failed'),
    rebuildNotes: result.rebuild.notes,
    dryRun: result.dryRun,
    ...(result.evidence === undefined ? {} : { evidence: result.evidence }),
    ...(result.report.chains === undefined
      ? {}
      : { chains: result.report.chains })
  })
  if (process.env['GITHUB_STEP_SUMMARY'] === undefined) return
  await core.summary.addRaw(markdown, true).write()
}

/** An error annotation on the Dockerfile line of every failure; warnings likewise. */
export function annotate(report: RunReport, root: string): void {
  // Build declarations not read and build cycles (issue 11).
  for (const p of report.chains?.problems ?? [])
    core.warning(p.message, {
      file: path.posix.join(root, p.file),
      startLine: p.line
    })
  for (const warning of cycleWarnings(report.chains)) core.warning(warning)
  for (const row of report.plan.rows) {
    const where = { file: path.posix.join(root, row.file), startLine: row.line }
    for (const warning of row.warnings) core.warning(warning, where)
    if (row.decision === 'failed') {
      core.error(
        `${row.reason ?? 'failed'}${row.hint === undefined ? '' : ` ${row.hint}`}`,
        {
          ...where,
          title: `Freshbase: ${row.image || row.file}`
        }
      )
    }
  }
}
