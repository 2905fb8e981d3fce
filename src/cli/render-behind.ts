/**
 * What `freshbase behind` prints (issue 11 part 2): one row per image and
 * platform (image, platform, status, method, built-on → now, why), the
 * images not checked, a summary; --json the same as data; --explain the
 * evidence of each behind image's base move. Pure.
 */
import { shortDigest } from '../core/digest.js'
import type { PlatformVerdict } from '../core/behind/model.js'
import { evidenceJson } from '../core/report/evidence-json.js'
import type { BehindEntry, BehindRunReport } from '../pipeline/behind-run.js'
import { needsRebuild } from '../pipeline/behind-run.js'
import { clean, evidenceLines } from './explain.js'
import { columns } from './render.js'

/** Said wherever an image is stale: `created` is not always the build time. */
export const SOURCE_DATE_WARNING =
  'an image\'s config "created" may be a source date (SOURCE_DATE_EPOCH, reproducible builds), not the time it was built, so "stale" may only mean old sources'

export function renderBehindTable(report: BehindRunReport): string {
  const header = [
    'IMAGE',
    'PLATFORM',
    'STATUS',
    'METHOD',
    'BUILT ON → NOW',
    'WHY'
  ]
  const rows: string[][] = []
  for (const entry of report.entries) rows.push(...entryRows(entry))
  for (const u of report.unchecked)
    rows.push([u.image, '-', 'unknown', '-', '-', u.why])
  return columns(
    header,
    rows.map(r => r.map(clean))
  )
}

function entryRows(entry: BehindEntry): string[][] {
  const { report, stale } = entry
  const image = report.image.image
  const staleText =
    stale === undefined
      ? ''
      : `stale: created ${stale.created} (${stale.days} days ago), older than max-age.`
  if (report.error !== undefined || report.platforms.length === 0) {
    const why = [report.error ?? 'no platform was checked.', staleText]
    return [[image, '-', 'unknown', '-', '-', why.filter(Boolean).join(' ')]]
  }
  return report.platforms.map(v => [
    image,
    v.platform,
    stale === undefined ? v.status : `${v.status}, stale`,
    v.status === 'unknown' ? '-' : v.method,
    digestsText(v),
    [whyText(v, report.image.base), staleText].filter(Boolean).join(' ')
  ])
}

function digestsText(v: PlatformVerdict): string {
  if (v.status === 'unknown') return '-'
  if (v.status === 'current') return shortDigest(v.builtOn)
  const from = v.builtOn === undefined ? '?' : shortDigest(v.builtOn)
  return `${from} → ${shortDigest(v.now)}`
}

function whyText(v: PlatformVerdict, base: string): string {
  if (v.status === 'unknown') return v.why
  if (v.status === 'current') return v.note ?? `built on ${base} as it is now.`
  return v.note ?? `${base} has moved since this image was built.`
}

export function renderBehindSummary(report: BehindRunReport): string {
  const count = (s: string): number =>
    report.entries.filter(e => e.report.status === s).length
  const stale = report.entries.filter(e => e.stale !== undefined).length
  const failed = report.entries.filter(e => e.report.error !== undefined).length
  const total = report.entries.length + report.unchecked.length
  const lines = [
    `${total} published image${total === 1 ? '' : 's'}: ${count('behind')} behind, ${count('current')} current, ` +
      `${count('unknown') + report.unchecked.length} unknown (${failed} failed to be read), ${stale} stale.`
  ]
  if (report.levels.length > 0)
    lines.push(
      `Rebuild, in order: ${report.levels.map(l => l.join(', ')).join(' → ')}.`
    )
  if (stale > 0) lines.push(`Note: ${SOURCE_DATE_WARNING}.`)
  for (const p of report.problems)
    lines.push(`${p.file}:${p.line}: ${p.message}`)
  return lines.join('\n')
}

/** Per behind image: the evidence of its base's move. */
export function renderBehindExplain(report: BehindRunReport): string {
  const behind = report.entries.filter(e => e.report.status === 'behind')
  if (behind.length === 0)
    return 'No image is behind its base; nothing to explain.'
  return behind
    .map(e =>
      [
        clean(`${e.report.image.image}  on ${e.report.image.base}`),
        ...(e.evidence === undefined
          ? [
              '  (the base it was built on is not known, so its move has no evidence)'
            ]
          : evidenceLines(e.evidence))
      ].join('\n')
    )
    .join('\n\n')
}

/** The whole report as data; each image says whether it is to be rebuilt. */
export function renderBehindJson(report: BehindRunReport): string {
  return JSON.stringify(
    {
      mode: 'behind',
      images: report.entries.map(e => ({
        ...e.report,
        rebuild: needsRebuild(e),
        stale: e.stale ?? null,
        ...(e.evidence === undefined
          ? {}
          : { evidence: evidenceJson(e.evidence) })
      })),
      unchecked: report.unchecked,
      levels: report.levels,
      problems: report.problems,
      ...(report.entries.some(e => e.stale !== undefined)
        ? { warning: SOURCE_DATE_WARNING }
        : {})
    },
    null,
    2
  )
}
