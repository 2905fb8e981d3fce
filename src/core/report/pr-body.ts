/**
 * The pull request body, for the reviewer (issue 9 "Where it shows"): why
 * this PR exists, then per bumped image one summary line and the lines it
 * changes, with the evidence collapsed under it; what was skipped or failed
 * (a failed lookup blocks nothing); what the rebuild dispatch does; and the
 * hidden plan block the next run reads back
 * (core/publish/proposed-plan.ts), all under GitHub's size limit.
 */
import type { Chains } from '../chains/model.js'
import type { EvidenceMap } from '../evidence/types.js'
import type { UpdateGroup, Update } from '../publish/groups.js'
import { planComment, proposedPlan } from '../publish/proposed-plan.js'
import type { Block } from './blocks.js'
import { fitBlocks, textBlock } from './blocks.js'
import { chainLines } from './chain-lines.js'
import type { ImageDetails } from './image-details.js'
import { imageBlocks } from './image-blocks.js'
import { inlineCode, markdownLink, plural } from './markdown.js'
import { problemTables } from './tables.js'

/** GitHub rejects pull request bodies longer than this many characters. */
export const PR_BODY_LIMIT = 65_536

/** Rows per evidence table in a body: the job summary lists every row. */
export const BODY_TABLE_ROWS = 100

/** What the rebuild dispatch does after a push (PublishConfig). */
export interface RebuildPlan {
  readonly workflow?: string
  readonly eventType?: string
}

export interface BodyContext {
  readonly evidence?: EvidenceMap
  /** Said near the end; nothing is said when undefined (no publishing). */
  readonly rebuild?: RebuildPlan
  /** The Action run's page: where the job summary with all the evidence is. */
  readonly runUrl?: string
  /** The in-repo chains (issue 11): one line per bump that rebuilds Dockerfiles built on it. */
  readonly chains?: Chains
}

export function renderBody(
  group: UpdateGroup,
  images: ReadonlyMap<string, ImageDetails>,
  context: BodyContext = {}
): string {
  const blocks: Block[] = [
    textBlock(intro(group.updates)),
    ...chainBlocks(group.updates, context.chains),
    ...imageBlocks(group.updates, images, context.evidence, {
      heading: '###',
      limits: { rows: BODY_TABLE_ROWS, rest: restWhere(context.runUrl) }
    }),
    {
      kind: 'optional',
      text: '',
      fallback: `Evidence details and full digests are left out to keep this description under GitHub's size limit; ${restWhere(context.runUrl)}.`
    },
    ...problemTables(group.skipped, group.failed, '###'),
    ...rebuildBlocks(context.rebuild),
    textBlock(planComment(proposedPlan(group)))
  ]
  return fitBlocks(blocks, body => body.length <= PR_BODY_LIMIT)
}

/**
 * Where the full evidence is. The run link changes every run: bodies are
 * compared without it (sameBody), so it alone never rewrites a PR.
 */
function restWhere(runUrl: string | undefined): string {
  const link =
    runUrl === undefined ? undefined : markdownLink('the run', runUrl)
  return link === undefined
    ? 'the job summary of the Freshbase run that last updated this pull request lists them all'
    : `the job summary of ${link} lists them all`
}

const RUN_LINK = /\[the run\]\([^)\s]*\)/g

/** Equal bodies, whatever run each links to. */
export function sameBody(a: string, b: string): boolean {
  return a.replace(RUN_LINK, '') === b.replace(RUN_LINK, '')
}

function intro(updates: readonly Update[]): string {
  const updated = updates.filter(u => u.from !== undefined).length
  const pinned = updates.length - updated
  const were = pinned === 1 ? 'was' : 'were'
  const changes = [
    updated === 0 ? '' : `updates ${plural(updated, 'digest pin')}`,
    pinned === 0
      ? ''
      : `pins ${plural(pinned, 'reference')} that ${were} not pinned yet`
  ].filter(p => p !== '')
  return (
    'Freshbase pins base images to digests so builds are reproducible, and ' +
    'refreshes the pins when their tags move upstream. This pull request ' +
    `${changes.join(' and ')}, each to the digest its tag points to now. ` +
    'Per image below: what the new digest brings (vulnerabilities, ' +
    'packages, platforms, source), then the lines it changes.'
  )
}

function rebuildBlocks(rebuild: RebuildPlan | undefined): Block[] {
  if (rebuild === undefined) return []
  const said: string[] = []
  if (rebuild.workflow !== undefined)
    said.push(
      `After each push to this branch, Freshbase dispatches the workflow ${inlineCode(rebuild.workflow)} on it, so CI builds on the new base images.`
    )
  if (rebuild.eventType !== undefined)
    said.push(
      `After each push to this branch, Freshbase sends the repository_dispatch event ${inlineCode(rebuild.eventType)} with the files and images it changes.`
    )
  if (said.length === 0)
    said.push(
      "Freshbase dispatches no rebuild (neither rebuild-workflow nor dispatch-event-type is set): CI runs on this pull request only if the token that opened it may start workflows, which the workflow's GITHUB_TOKEN may not."
    )
  return [textBlock('### Rebuild'), textBlock(said.join(' '))]
}

/** "Bumping `node:20` in base/Dockerfile also rebuilds app/Dockerfile." lines, as one block. */
function chainBlocks(
  updates: readonly Update[],
  chains: Chains | undefined
): Block[] {
  const lines = chainLines(updates, chains)
  return lines.length === 0 ? [] : [textBlock(lines.join('\n'))]
}
