/**
 * What reviewers read: the pull request title, body and commit message for
 * one group, the job summary, and the hidden machine-readable block the next
 * run reads to recognize "already proposed". Pure and deterministic.
 *
 * This module owns the types, the templates and the title/commit message;
 * the body and shared Markdown pieces live in pr-body.ts, the job summary in
 * pr-summary.ts and the hidden block in proposed-plan.ts.
 */
import type { Digest } from '../digest.js'
import { shortDigest } from '../digest.js'
import type { GroupBy, Update, UpdateGroup } from '../publish/groups.js'
import { familiarName, parseImageRef } from '../image-ref.js'
import type { PlanRow } from '../plan.js'
import { plural, renderBody, withoutDigest } from './pr-body.js'

export {
  PR_BODY_LIMIT,
  escapeText,
  imagePageUrl,
  inlineCode
} from './pr-body.js'
export { SUMMARY_LIMIT_BYTES, renderSummary } from './pr-summary.js'
export {
  PLAN_BUDGET,
  parseProposedPlan,
  planComment,
  plannedKeys,
  proposedPlan,
  samePlan
} from '../publish/proposed-plan.js'

/** What the registry said about an image whose digest changed. */
export interface ImageDetails {
  readonly key: string
  readonly digest: Digest
  /** "linux/amd64", "linux/arm/v7"… (attestations excluded); empty when unknown. */
  readonly platforms: readonly string[]
  /** org.opencontainers.image.created, when the registry says. */
  readonly created?: string
}

export interface Templates {
  /**
   * Placeholders: {count} (distinct images), {count_text} ("1 base image",
   * "3 base images"), {group} {images} {files} {branch} {base}; the commit
   * message also has {changes} (one "image: old → new" line per reference),
   * appended after a blank line when the template does not place it.
   * Unknown placeholders are left as written.
   */
  readonly title: string
  readonly commitMessage: string
}

export interface PrTextInput {
  readonly group: UpdateGroup
  readonly groupBy: GroupBy
  readonly images: ReadonlyMap<string, ImageDetails>
  readonly templates: Templates
  readonly baseBranch: string
}

export interface PullRequestText {
  readonly title: string
  readonly body: string
  readonly commitMessage: string
}

/** The hidden block: what this PR proposes, per file and image. */
export interface ProposedPlan {
  /** 1: every target written out; 2: too many for a PR body, a fingerprint instead. */
  readonly version: 1 | 2
  readonly group: string
  /**
   * `${file} ${key}` → digest, sorted by key. When one file pins one key to
   * several digests (per-platform pins), they are sorted and comma-joined.
   * Empty when read back from a version 2 block.
   */
  readonly targets: Readonly<Record<string, string>>
  /** Version 2: a hash of the full targets (samePlan compares it). */
  readonly fingerprint?: string
  /** Version 2: the image keys, when even they fit; absent means "any image". */
  readonly keys?: readonly string[]
}

/** One group's outcome, for the job summary. */
export interface GroupOutcome {
  readonly group: UpdateGroup
  readonly operation:
    | 'created'
    | 'updated'
    | 'unchanged'
    | 'closed'
    | 'deleted'
    | 'declined'
    | 'not-permitted'
    | 'dry-run'
    | 'kept'
    | 'failed'
  readonly branch: string
  readonly pullRequestUrl?: string
  readonly compareUrl?: string
  /** A sentence for the reader, e.g. why a PR was kept or what setting to change. */
  readonly note?: string
}

export interface SummaryInput {
  readonly outcomes: readonly GroupOutcome[]
  readonly images: ReadonlyMap<string, ImageDetails>
  /** Every skipped/failed row of the run (not only the groups'). */
  readonly skipped: readonly PlanRow[]
  readonly failed: readonly PlanRow[]
  /** Sentences about the rebuild: what was dispatched, or that no CI will run and how to fix it. */
  readonly rebuildNotes: readonly string[]
  readonly dryRun: boolean
}

const COMMIT_BODY = '\n\n{changes}'
const ALL = 'chore(deps): refresh digest pins for {count_text}'
const FILE = 'chore(deps): refresh digest pins for {count_text} in {group}'
const IMAGE = 'chore(deps): refresh digest pins for {images}'

export const DEFAULT_TEMPLATES: Readonly<Record<GroupBy, Templates>> = {
  all: { title: ALL, commitMessage: `${ALL}${COMMIT_BODY}` },
  file: { title: FILE, commitMessage: `${FILE}${COMMIT_BODY}` },
  image: { title: IMAGE, commitMessage: `${IMAGE}${COMMIT_BODY}` }
}

export function renderPullRequest(input: PrTextInput): PullRequestText {
  const defaults = DEFAULT_TEMPLATES[input.groupBy]
  const title = orDefault(input.templates.title, defaults.title)
  const commit = orDefault(
    input.templates.commitMessage,
    defaults.commitMessage
  )
  const values = placeholderValues(input)
  const changes = changeLines(input.group.updates)
  return {
    title: fill(title, values).replace(/\s+/g, ' ').trim(),
    body: renderBody(input),
    commitMessage: fill(
      commit.includes('{changes}') ? commit : `${commit}${COMMIT_BODY}`,
      { ...values, changes }
    ).trim()
  }
}

function orDefault(template: string, fallback: string): string {
  return template.trim() === '' ? fallback : template
}

/** One pass: inserted values are never scanned for placeholders again. */
function fill(
  template: string,
  values: Readonly<Record<string, string>>
): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole
  )
}

function placeholderValues(input: PrTextInput): Record<string, string> {
  const { group } = input
  const keys = [...new Set(group.updates.map(u => u.key))]
  const images = [...new Set(keys.map(familiarTag))].sort(byCodeUnit)
  const values: Record<string, string> = {
    count: String(keys.length),
    count_text: plural(keys.length, 'base image'),
    group: group.id,
    images: images.join(', '),
    files: group.files.join(', '),
    branch: group.branch,
    base: input.baseBranch
  }
  for (const name of Object.keys(values)) {
    values[name] = (values[name] ?? '').replace(/\p{Cc}+/gu, ' ')
  }
  return values
}

/** "node:20", "ghcr.io/o/app:1" — the key as people write it. */
function familiarTag(key: string): string {
  const parsed = parseImageRef(key)
  if (!parsed.ok) return key
  return `${familiarName(parsed.ref)}:${parsed.ref.tag ?? 'latest'}`
}

/** "- node:20: sha256:… → sha256:… (Dockerfile:3)", by file and line. */
function changeLines(updates: readonly Update[]): string {
  const sorted = [...updates].sort(
    (a, b) => byCodeUnit(a.file, b.file) || a.line - b.line
  )
  return sorted
    .map(u => {
      const image = withoutDigest(u.image).replace(/\p{Cc}+/gu, ' ')
      const to = shortDigest(u.to)
      const change =
        u.from === undefined
          ? `pinned to ${to}`
          : `${shortDigest(u.from)} → ${to}`
      const where = `${u.file}:${u.line}`.replace(/\p{Cc}+/gu, ' ')
      return `- ${image}: ${change} (${where})`
    })
    .join('\n')
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
