/**
 * One entry per bumped image, shared by the pull request body and the job
 * summary: a heading (image, old → new), the summary line, the files and
 * lines that change, then the collapsed evidence details. The heading and
 * summary ride on the file list, so an entry cut for size goes whole; the
 * details are optional blocks, the first thing dropped for size.
 */
import { shortDigest } from '../digest.js'
import type { EvidenceMap } from '../evidence/types.js'
import type { Update } from '../publish/groups.js'
import type { Block } from './blocks.js'
import type { DetailLimits } from './evidence-details.js'
import { detailBlocks } from './evidence-details.js'
import { summaryMarkdown } from './evidence-summary.js'
import type { ImageDetails } from './image-details.js'
import type { ImageEntry } from './image-entries.js'
import { evidenceOf, imageEntries, linesText } from './image-entries.js'
import { imagePageUrl, inlineCode, markdownLink } from './markdown.js'

export interface ImageBlockOptions {
  /** "###" in the body, "####" in the summary. */
  readonly heading: string
  readonly limits: DetailLimits
}

export function imageBlocks(
  updates: readonly Update[],
  images: ReadonlyMap<string, ImageDetails>,
  evidence: EvidenceMap | undefined,
  options: ImageBlockOptions
): Block[] {
  return imageEntries(updates).flatMap(entry => {
    const e = evidenceOf(evidence, entry)
    const summary = summaryMarkdown(e, entry, images.get(entry.key))
    const entryBlock: Block = {
      kind: 'rows',
      title: `${options.heading} ${entryHeading(entry)}\n\n${summary}`,
      rows: entry.files.map(
        f => `- ${inlineCode(f.file)} ${linesText(f.lines)}`
      )
    }
    const optional = detailBlocks(e, entry, options.limits).map(
      (text): Block => ({ kind: 'optional', text, fallback: '' })
    )
    return [entryBlock, ...optional]
  })
}

/** "[`node:20`](…) `sha256:aaaaaaaaaaaa` → `sha256:bbbbbbbbbbbb`", or "… pinned to …". */
export function entryHeading(entry: ImageEntry): string {
  const name = inlineCode(entry.name)
  const page = imagePageUrl(entry.key)
  const image =
    (page === undefined ? undefined : markdownLink(name, page)) ?? name
  const to = inlineCode(shortDigest(entry.to))
  return entry.from === undefined
    ? `${image} pinned to ${to}`
    : `${image} ${inlineCode(shortDigest(entry.from))} → ${to}`
}
