/**
 * What reviewers read of one group: the pull request title, body and commit
 * message, from templates with placeholders. Pure and deterministic.
 *
 * The body is pr-body.ts, the job summary pr-summary.ts, the Markdown they
 * share markdown.ts, blocks.ts and tables.ts; the hidden plan block the next
 * run reads back is core/publish/proposed-plan.ts.
 */
import type { Chains } from '../chains/model.js'
import { byCodeUnit } from '../code-unit-order.js'
import { shortDigest } from '../digest.js'
import type { EvidenceMap } from '../evidence/types.js'
import type { GroupBy, Update, UpdateGroup } from '../publish/groups.js'
import { isWorkflowsGroup } from '../publish/groups.js'
import type { ImageDetails } from './image-details.js'
import { evidenceOf, familiarTag, imageEntries } from './image-entries.js'
import { withoutDigest, plural } from './markdown.js'
import type { RebuildPlan } from './pr-body.js'
import { renderBody } from './pr-body.js'
import { distinctCount, vulnerabilityNoun } from './vulnerability-count.js'

export interface Templates {
  /**
   * Placeholders: {count} (distinct images), {count_text} ("1 base image",
   * "3 base images"), {group} {images} {files} {branch} {base}; the commit
   * message also has {changes} (one "image: old → new" line per reference),
   * appended after a blank line when the template does not place it.
   * {fixes}: "fixes 3 vulnerabilities" when the group's bumps fix known
   * vulnerabilities (each counted once across its images), else empty; the
   * default titles end with " (fixes 3 vulnerabilities)" then.
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
  /** Evidence by evidenceKey (core/evidence/types.ts); none: the body says what the registry said. */
  readonly evidence?: EvidenceMap
  /** What the rebuild dispatch does; undefined: the body does not say. */
  readonly rebuild?: RebuildPlan
  /** The run whose job summary holds what the body has no room for. */
  readonly runUrl?: string
  /** The in-repo chains (issue 11): what each bump also rebuilds. */
  readonly chains?: Chains
}

export interface PullRequestText {
  readonly title: string
  readonly body: string
  readonly commitMessage: string
}

const COMMIT_BODY = '\n\n{changes}'
const ALL = 'chore(deps): refresh digest pins for {count_text}'
const FILE = 'chore(deps): refresh digest pins for {count_text} in {group}'
const IMAGE = 'chore(deps): refresh digest pins for {images}'
const WORKFLOWS =
  'chore(deps): refresh digest pins for {count_text} in GitHub workflows'

export const DEFAULT_TEMPLATES: Readonly<Record<GroupBy, Templates>> = {
  all: { title: ALL, commitMessage: `${ALL}${COMMIT_BODY}` },
  file: { title: FILE, commitMessage: `${FILE}${COMMIT_BODY}` },
  image: { title: IMAGE, commitMessage: `${IMAGE}${COMMIT_BODY}` }
}

/** The workflow files' own group (core/publish/groups.ts), under group-by all or image. */
export const WORKFLOW_TEMPLATES: Templates = {
  title: WORKFLOWS,
  commitMessage: `${WORKFLOWS}${COMMIT_BODY}`
}

/** The templates a group gets when the user set none. */
export function defaultTemplates(
  group: Pick<UpdateGroup, 'id'>,
  groupBy: GroupBy
): Templates {
  return groupBy !== 'file' && isWorkflowsGroup(group)
    ? WORKFLOW_TEMPLATES
    : DEFAULT_TEMPLATES[groupBy]
}

export function renderPullRequest(input: PrTextInput): PullRequestText {
  const defaults = defaultTemplates(input.group, input.groupBy)
  const template = orDefault(input.templates.title, defaults.title)
  const values = placeholderValues(input)
  const fixes = values['fixes'] ?? ''
  // A default title says what the bump fixes; a user's title only where it places {fixes}.
  const title =
    template === defaults.title && fixes !== ''
      ? `${template} ({fixes})`
      : template
  const commit = orDefault(
    input.templates.commitMessage,
    defaults.commitMessage
  )
  const changes = changeLines(input.group.updates)
  return {
    // "({fixes})" with nothing fixed leaves no "()" behind.
    title: fill(title, values)
      .replace(/\(\s*\)/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    body: renderBody(input.group, input.images, {
      ...(input.evidence === undefined ? {} : { evidence: input.evidence }),
      ...(input.rebuild === undefined ? {} : { rebuild: input.rebuild }),
      ...(input.runUrl === undefined ? {} : { runUrl: input.runUrl }),
      ...(input.chains === undefined ? {} : { chains: input.chains })
    }),
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
    base: input.baseBranch,
    fixes: fixesNote(group.updates, input.evidence)
  }
  for (const name of Object.keys(values)) {
    values[name] = (values[name] ?? '').replace(/\p{Cc}+/gu, ' ')
  }
  return values
}

/** "fixes 3 vulnerabilities", or '' when no bump of the group fixes one. */
export function fixesNote(
  updates: readonly Update[],
  evidence: EvidenceMap | undefined
): string {
  const fixed = imageEntries(updates).flatMap(entry => {
    const v = evidenceOf(evidence, entry)?.vulnerabilities
    return v?.kind === 'found' ? v.value.fixed : []
  })
  const n = distinctCount(fixed)
  return n === 0 ? '' : `fixes ${vulnerabilityNoun(n)}`
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
