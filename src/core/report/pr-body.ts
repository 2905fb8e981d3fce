/**
 * The pull request body: why this PR exists, the per-file update tables,
 * the full digests, what was skipped or failed, and the hidden plan block
 * the next run reads back (core/publish/proposed-plan.ts), all under
 * GitHub's size limit.
 */
import { byCodeUnit } from '../code-unit-order.js'
import type { UpdateGroup, Update } from '../publish/groups.js'
import { planComment, proposedPlan } from '../publish/proposed-plan.js'
import type { Block } from './blocks.js'
import { fitBlocks, textBlock } from './blocks.js'
import { inlineCode, plural, tableHead, tableRow } from './markdown.js'
import type { ImageDetails } from './image-details.js'
import { problemTables, updateTables } from './tables.js'

/** GitHub rejects pull request bodies longer than this many characters. */
export const PR_BODY_LIMIT = 65_536

export function renderBody(
  group: UpdateGroup,
  images: ReadonlyMap<string, ImageDetails>
): string {
  const blocks: Block[] = [
    textBlock(intro(group.updates)),
    ...updateTables(group.updates, images, '###'),
    fullDigests(group.updates),
    ...problemTables(group.skipped, group.failed, '###'),
    textBlock(planComment(proposedPlan(group)))
  ]
  return fitBlocks(blocks, body => body.length <= PR_BODY_LIMIT)
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
    `${changes.join(' and ')}, each to the digest its tag points to now, so ` +
    'the next build starts from the rebuilt upstream images and picks up ' +
    'their fixes, security patches included.'
  )
}

/** Full digests per distinct image and change, inside a collapsed block. */
function fullDigests(updates: readonly Update[]): Block {
  const seen = new Map<string, string>()
  for (const u of updates) {
    const from = u.from === undefined ? '—' : inlineCode(u.from)
    const row = tableRow([inlineCode(u.key), from, inlineCode(u.to)])
    seen.set(`${u.key}\0${u.from ?? ''}\0${u.to}`, row)
  }
  const rows = [...seen].sort((a, b) => byCodeUnit(a[0], b[0]))
  return {
    kind: 'optional',
    text: [
      '<details>',
      '<summary>Full digests</summary>',
      '',
      tableHead(['Image', 'Old', 'New']),
      ...rows.map(([, row]) => row),
      '',
      '</details>'
    ].join('\n'),
    fallback:
      'Full digests are left out to keep this description under ' +
      "GitHub's size limit; the diff shows them."
  }
}
