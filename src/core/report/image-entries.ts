/**
 * The updates of a group as a reviewer reads them (issue 9 "Where it
 * shows"): one entry per bumped image (image key, old digest → new digest),
 * listing the files and the lines that change. The line is the one the
 * digest is written on (an ARG two lines above a FROM, say), so the reader
 * finds it in "Files changed"; one edit shared by two FROM lines is one line.
 */
import { byCodeUnit } from '../code-unit-order.js'
import type { Digest } from '../digest.js'
import type { EvidenceMap, ImageEvidence } from '../evidence/types.js'
import { evidenceKey } from '../evidence/types.js'
import { familiarName, parseImageRef } from '../image-ref.js'
import type { Update } from '../publish/groups.js'

export interface FileLines {
  readonly file: string
  /** The lines the edit writes on, ascending, each once. */
  readonly lines: readonly number[]
}

export interface ImageEntry {
  readonly key: string
  /** "node:20": the key as people write it. */
  readonly name: string
  readonly from?: Digest
  readonly to: Digest
  readonly files: readonly FileLines[]
}

export function imageEntries(updates: readonly Update[]): ImageEntry[] {
  const byChange = new Map<string, Update[]>()
  for (const u of updates) {
    const id = evidenceKey(u.key, u.from, u.to)
    const list = byChange.get(id)
    if (list === undefined) byChange.set(id, [u])
    else list.push(u)
  }
  const entries = [...byChange.values()].map(group => entryOf(group))
  return entries.sort(
    (a, b) =>
      byCodeUnit(a.name, b.name) ||
      byCodeUnit(a.key, b.key) ||
      byCodeUnit(a.from ?? '', b.from ?? '') ||
      byCodeUnit(a.to, b.to)
  )
}

function entryOf(updates: readonly Update[]): ImageEntry {
  const [first] = updates as [Update, ...Update[]]
  const lines = new Map<string, Set<number>>()
  for (const u of updates) {
    const set = lines.get(u.file) ?? new Set<number>()
    set.add(u.editLine ?? u.line)
    lines.set(u.file, set)
  }
  const files = [...lines]
    .sort((a, b) => byCodeUnit(a[0], b[0]))
    .map(([file, set]) => ({ file, lines: [...set].sort((a, b) => a - b) }))
  return {
    key: first.key,
    name: familiarTag(first.key),
    ...(first.from === undefined ? {} : { from: first.from }),
    to: first.to,
    files
  }
}

/** "node:20", "ghcr.io/o/app:1" — the key as people write it. */
export function familiarTag(key: string): string {
  const parsed = parseImageRef(key)
  if (!parsed.ok) return key
  return `${familiarName(parsed.ref)}:${parsed.ref.tag ?? 'latest'}`
}

/** "line 2", "lines 1, 7". */
export function linesText(lines: readonly number[]): string {
  return `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`
}

export function evidenceOf(
  evidence: EvidenceMap | undefined,
  entry: Pick<ImageEntry, 'key' | 'from' | 'to'>
): ImageEvidence | undefined {
  return evidence?.get(evidenceKey(entry.key, entry.from, entry.to))
}
