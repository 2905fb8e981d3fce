/**
 * The job summary: what happened to each group's pull request, the same
 * per-image entries the pull requests show (with every evidence row: a body
 * cuts its tables and points here), what was skipped or failed, and what
 * happens about the rebuild.
 */
import type { Chains } from '../chains/model.js'
import { chainWarnings } from '../chains/rebuild-plan.js'
import type { EvidenceMap } from '../evidence/types.js'
import type { UpdateGroup } from '../publish/groups.js'
import type { PlanRow } from '../plan.js'
import type { Block } from './blocks.js'
import { fitBlocks, textBlock } from './blocks.js'
import { chainLines } from './chain-lines.js'
import type { ImageDetails } from './image-details.js'
import { escapeText, inlineCode, markdownLink, plural } from './markdown.js'
import { imageBlocks } from './image-blocks.js'
import { problemTables } from './tables.js'

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
    | 'needs-permission'
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
  /** Evidence by evidenceKey (core/evidence/types.ts). */
  readonly evidence?: EvidenceMap
  /**
   * The in-repo chains (issue 11): per group, what each bump also
   * rebuilds, and the build declarations not read and cycles.
   */
  readonly chains?: Chains
}

/** Rows per evidence table in the summary (1 MiB holds thousands). */
export const SUMMARY_TABLE_ROWS = 2_000

/** GitHub's limit for one step's summary, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1_048_576

const OPERATION: Readonly<Record<GroupOutcome['operation'], string>> = {
  created: 'Opened',
  updated: 'Updated',
  unchanged: 'Unchanged',
  closed: 'Closed',
  deleted: 'Branch deleted',
  declined: 'Declined',
  'not-permitted': 'Not permitted',
  'needs-permission': 'Needs permission',
  'dry-run': 'Dry run',
  kept: 'Kept',
  failed: 'Failed'
}

const DRY_RUN =
  '> **Dry run:** nothing was pushed, and no pull request was opened, ' +
  'updated or closed.'

export function renderSummary(input: SummaryInput): string {
  const blocks: Block[] = [
    textBlock('## Freshbase'),
    ...(input.dryRun ? [textBlock(DRY_RUN)] : []),
    ...outcomeList(input.outcomes),
    ...input.outcomes.flatMap(outcome =>
      outcome.group.updates.length === 0
        ? []
        : [
            textBlock(`### ${inlineCode(outcome.branch)}`),
            ...chainText(outcome.group, input.chains),
            ...imageBlocks(
              outcome.group.updates,
              input.images,
              input.evidence,
              {
                heading: '####',
                limits: {
                  rows: SUMMARY_TABLE_ROWS,
                  rest: '`freshbase check --explain` prints them all'
                }
              }
            )
          ]
    ),
    {
      kind: 'optional',
      text: '',
      fallback:
        "Evidence details are left out to keep this summary under GitHub's 1 MiB limit; `freshbase check --explain` prints them."
    },
    ...problemTables(input.skipped, input.failed, '###'),
    ...chainProblems(input.chains),
    ...rebuild(input.rebuildNotes)
  ]
  // The trailing newline keeps a later append to the file on its own line.
  const text = fitBlocks(
    blocks,
    summary => utf8Length(summary) + 1 <= SUMMARY_LIMIT_BYTES
  )
  return `${text}\n`
}

function outcomeList(outcomes: readonly GroupOutcome[]): Block[] {
  if (outcomes.length === 0) {
    return [textBlock('No base image digest changed; no pull request to open.')]
  }
  return [
    textBlock('### Pull requests'),
    { kind: 'rows', rows: outcomes.map(outcomeLine) }
  ]
}

/** "- **Opened** `branch` · 2 references · [pull request](url) · note" */
function outcomeLine(outcome: GroupOutcome): string {
  const count = outcome.group.updates.length
  const link =
    (outcome.pullRequestUrl === undefined
      ? undefined
      : markdownLink('pull request', outcome.pullRequestUrl)) ??
    (outcome.compareUrl === undefined
      ? undefined
      : markdownLink('compare', outcome.compareUrl))
  const parts = [
    `**${OPERATION[outcome.operation]}** ${inlineCode(outcome.branch)}`,
    count === 0 ? undefined : plural(count, 'reference'),
    link,
    outcome.note === undefined ? undefined : escapeText(outcome.note)
  ]
  return `- ${parts.filter(p => p !== undefined).join(' · ')}`
}

function rebuild(notes: readonly string[]): Block[] {
  if (notes.length === 0) return []
  return [
    textBlock('### Rebuild'),
    { kind: 'rows', rows: notes.map(note => `- ${escapeText(note)}`) }
  ]
}

/** Bytes of the UTF-8 encoding (a lone surrogate counts as U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

function chainText(group: UpdateGroup, chains: Chains | undefined): Block[] {
  const lines = chainLines(group.updates, chains)
  return lines.length === 0 ? [] : [textBlock(lines.join('\n'))]
}

/** Build declarations not read and build cycles, one bullet each. */
function chainProblems(chains: Chains | undefined): Block[] {
  const warnings = chainWarnings(chains)
  if (warnings.length === 0) return []
  return [
    textBlock('### Image chains'),
    textBlock(warnings.map(w => `- ${escapeText(w)}`).join('\n'))
  ]
}
