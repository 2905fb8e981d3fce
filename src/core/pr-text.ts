/**
 * What reviewers read: the pull request title, body and commit message for
 * one group, the job summary, and the hidden machine-readable block the next
 * run reads to recognize "already proposed". Pure and deterministic.
 * STUB: implementation owned by the pr-text work item.
 */
import type { Digest } from './digest.js'
import type { GroupBy, UpdateGroup } from './groups.js'

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
  /** Placeholders: {count} {group} {images} {files} {branch} {base} */
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
  readonly version: 1
  readonly group: string
  /** `${file} ${key}` → digest, sorted by key. */
  readonly targets: Readonly<Record<string, string>>
}

/** One group's outcome, for the job summary. */
export interface GroupOutcome {
  readonly group: UpdateGroup
  readonly operation:
    | 'created'
    | 'updated'
    | 'unchanged'
    | 'closed'
    | 'declined'
    | 'not-permitted'
    | 'dry-run'
    | 'kept'
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
  readonly skipped: readonly import('./plan.js').PlanRow[]
  readonly failed: readonly import('./plan.js').PlanRow[]
  /** Sentences about the rebuild: what was dispatched, or that no CI will run and how to fix it. */
  readonly rebuildNotes: readonly string[]
  readonly dryRun: boolean
}

export declare const DEFAULT_TEMPLATES: Readonly<Record<GroupBy, Templates>>
export declare function renderPullRequest(input: PrTextInput): PullRequestText
export declare function proposedPlan(group: UpdateGroup): ProposedPlan
export declare function parseProposedPlan(
  body: string | null | undefined
): ProposedPlan | undefined
export declare function samePlan(a: ProposedPlan, b: ProposedPlan): boolean
export declare function renderSummary(input: SummaryInput): string
/** Link to the image's page on Docker Hub / GHCR / Quay, when there is one. */
export declare function imagePageUrl(key: string): string | undefined
