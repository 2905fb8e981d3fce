/**
 * The one line a reviewer reads first about a bumped image (issue 9 "Where
 * it shows"): what it fixes, which packages and platforms changed, where
 * its source is, e.g. "fixes 3 vulnerabilities (1 high), 12 packages
 * updated, linux/amd64 and linux/arm64 changed, source compare
 * nodejs/docker-node abc1234…def5678". Parts that were not found say why,
 * plainly; without any evidence it says what the registry told us.
 */
import { shortDigest } from '../digest.js'
import type {
  ImageEvidence,
  PackageEvidence,
  Part,
  PlatformDelta,
  SourceEvidence,
  VulnerabilityEvidence
} from '../evidence/types.js'
import type { Update } from '../publish/groups.js'
import type { ImageDetails } from './image-details.js'
import { escapeText, markdownLink, plural } from './markdown.js'
import { vulnerabilityCount } from './vulnerability-count.js'

/** What a summary needs of an update: the image and its digest change. */
export type ImageChange = Pick<Update, 'key' | 'from' | 'to'>

/**
 * A phrase of the summary; `linked` is shown as a link to `url` after
 * `text`. Missing parts (absent, unavailable) go last, after a semicolon,
 * so their reasons do not run into what was found.
 */
export interface SummaryPart {
  readonly text: string
  readonly linked?: string
  readonly url?: string
  readonly missing?: true
}

function missingPart(label: string, part: Part<unknown>): SummaryPart {
  return { text: `${label}: ${missingText(part) ?? ''}`, missing: true }
}

/** "a, b; c: why; d: why". */
function joined(
  parts: readonly SummaryPart[],
  show: (p: SummaryPart) => string
): string {
  const found = parts.filter(p => p.missing !== true).map(show)
  const missing = parts.filter(p => p.missing === true).map(show)
  return [found.join(', '), ...missing].filter(t => t !== '').join('; ')
}

export function summaryLine(
  e: ImageEvidence | undefined,
  update: ImageChange,
  details?: ImageDetails
): string {
  return joined(
    summaryParts(e, update, details),
    p => `${p.text}${p.linked ?? ''}`
  )
}

/** The same line in Markdown: escaped text, the source as a link. */
export function summaryMarkdown(
  e: ImageEvidence | undefined,
  update: ImageChange,
  details?: ImageDetails
): string {
  const line = joined(summaryParts(e, update, details), p => {
    const linked = p.linked === undefined ? '' : escapeText(p.linked)
    const link = p.url === undefined ? undefined : markdownLink(linked, p.url)
    return `${escapeText(p.text)}${link ?? linked}`
  })
  // A sentence in a body; the CLI keeps the bare phrase list.
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`
}

export function summaryParts(
  e: ImageEvidence | undefined,
  update: ImageChange,
  details?: ImageDetails
): SummaryPart[] {
  if (e === undefined) return withoutEvidence(update, details)
  const parts: (SummaryPart | undefined)[] =
    e.from === undefined
      ? [firstPin(e.platforms), sourcePart(e.source)]
      : [
          ...vulnerabilityParts(e.vulnerabilities),
          packagePart(e.packages),
          platformPart(e.platforms),
          sourcePart(e.source)
        ]
  return parts.filter(p => p !== undefined)
}

/** No evidence was gathered: the digest change, and the platforms the registry listed. */
function withoutEvidence(
  update: ImageChange,
  details: ImageDetails | undefined
): SummaryPart[] {
  const to = shortDigest(update.to)
  const change =
    update.from === undefined
      ? `pinned to ${to}`
      : `digest ${shortDigest(update.from)} → ${to}`
  // The index's platforms say nothing about a single-platform pin.
  const platforms =
    details?.digest === update.to ? details.platforms : ([] as string[])
  return [
    { text: change },
    ...(platforms.length === 0
      ? []
      : [{ text: `platforms ${platforms.join(', ')}` }]),
    { text: 'no evidence gathered' }
  ]
}

/** Why a part is missing, as the reader should see it. */
export function missingText(part: Part<unknown>): string | undefined {
  if (part.kind === 'found') return undefined
  return part.kind === 'absent' ? part.why : `evidence unavailable: ${part.why}`
}

function firstPin(platforms: Part<readonly PlatformDelta[]>): SummaryPart {
  if (platforms.kind !== 'found')
    return { text: `first pin; platforms: ${missingText(platforms) ?? ''}` }
  const names = platforms.value.map(d => d.platform)
  return {
    text:
      names.length === 0
        ? 'first pin'
        : `first pin of ${listed(names, 'platform')}`
  }
}

function vulnerabilityParts(part: Part<VulnerabilityEvidence>): SummaryPart[] {
  if (part.kind !== 'found') return [missingPart('vulnerabilities', part)]
  const { fixed, introduced, notChecked } = part.value
  const parts: SummaryPart[] = []
  if (fixed.length > 0)
    parts.push({ text: `fixes ${vulnerabilityCount(fixed)}` })
  if (introduced.length > 0)
    parts.push({ text: `introduces ${vulnerabilityCount(introduced)}` })
  if (parts.length === 0 && notChecked.length === 0)
    parts.push({ text: 'no known vulnerability fixed or introduced' })
  if (notChecked.length > 0)
    parts.push({
      text: `${plural(notChecked.length, 'package')} not checked for vulnerabilities`
    })
  return parts
}

function packagePart(part: Part<PackageEvidence>): SummaryPart {
  if (part.kind !== 'found') return missingPart('packages', part)
  const { changes, newCount } = part.value
  const counts = (['updated', 'added', 'removed'] as const)
    .map(kind => [kind, changes.filter(c => c.change === kind).length] as const)
    .filter(([, n]) => n > 0)
  if (counts.length === 0)
    return { text: `same ${plural(newCount, 'package')}` }
  const text = counts
    .map(([kind, n], i) =>
      i === 0 ? `${plural(n, 'package')} ${kind}` : `${n} ${kind}`
    )
    .join(', ')
  return { text }
}

function platformPart(
  part: Part<readonly PlatformDelta[]>
): SummaryPart | undefined {
  if (part.kind !== 'found') return missingPart('platforms', part)
  const counted = part.value.filter(d => d.counted)
  const phrases = (['changed', 'added', 'removed'] as const).flatMap(kind => {
    const names = counted.filter(d => d.change === kind).map(d => d.platform)
    return names.length === 0 ? [] : [`${listed(names, 'platform')} ${kind}`]
  })
  if (phrases.length > 0) return { text: phrases.join(', ') }
  return part.value.length === 0
    ? undefined
    : { text: 'no platform built here changed' }
}

/** "linux/amd64", "linux/amd64 and linux/arm64", "a, b and c", else "5 platforms". */
export function listed(names: readonly string[], noun: string): string {
  if (names.length > 3) return plural(names.length, noun)
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}

function sourcePart(part: Part<SourceEvidence>): SummaryPart | undefined {
  if (part.kind !== 'found') return missingPart('source', part)
  const { link } = part.value
  const ref = part.value.new ?? part.value.old
  if (ref === undefined) return undefined
  const repo = repositoryName(ref.url)
  if (link?.kind === 'compare') {
    const [a, b] = [part.value.old?.revision, part.value.new?.revision]
    const range = a && b ? ` ${shortRevision(a)}…${shortRevision(b)}` : ''
    return { text: 'source ', linked: `compare ${repo}${range}`, url: link.url }
  }
  const revision = link?.kind === 'commit' ? ref.revision : undefined
  return {
    text: 'source ',
    linked: revision ? `${repo}@${shortRevision(revision)}` : repo,
    url: link?.url ?? ref.url
  }
}

/** "https://github.com/nodejs/docker-node" → "nodejs/docker-node"; other hosts keep theirs. */
export function repositoryName(url: string): string {
  const match = /^https?:\/\/([^/]+)\/(.+?)\/?$/i.exec(url)
  if (match === null) return url
  const [, host = '', path = ''] = match
  return /^(github\.com|gitlab\.com)$/i.test(host) ? path : `${host}/${path}`
}

/** Commit hashes to 7 characters; tags and branch names as written. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40,64}$/i.test(revision) ? revision.slice(0, 7) : revision
}
