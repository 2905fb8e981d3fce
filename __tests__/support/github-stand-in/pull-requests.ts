/** The pull request record and what changes it everywhere. */
import { isoSeconds } from './shared.js'
import type { MergeMethod, PullRequestState } from './types.js'

export interface PullRecord {
  number: number
  nodeId: string
  state: 'open' | 'closed'
  title: string
  body: string | null
  draft: boolean
  maintainerCanModify: boolean
  head: { ref: string; sha: string }
  base: { ref: string; sha: string }
  labels: string[]
  requestedReviewers: string[]
  requestedTeams: string[]
  assignees: string[]
  comments: { id: number; body: string }[]
  autoMerge: { mergeMethod: MergeMethod; enabledAt: string } | null
  merged: boolean
  mergedAt: string | null
  mergeCommitSha: string | null
  closedAt: string | null
  createdAt: string
  updatedAt: string
}

export function closePull(pull: PullRecord) {
  pull.state = 'closed'
  pull.closedAt = isoSeconds(new Date())
  pull.autoMerge = null
}

export function addUnique(target: string[], values: readonly string[]) {
  for (const value of values) if (!target.includes(value)) target.push(value)
}

export function snapshotPull(pull: PullRecord): PullRequestState {
  return structuredClone(pull)
}
