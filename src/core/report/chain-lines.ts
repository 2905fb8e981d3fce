/**
 * What a bump also rebuilds (issue 11 part 1): for every bumped external
 * base of a Dockerfile that other Dockerfiles here build on, one line
 * naming them, for the pull request body and the job summary:
 * "Bumping `node:20` in base/Dockerfile also rebuilds app/Dockerfile, worker/Dockerfile."
 */
import { descendantsOf } from '../chains/levels.js'
import type { Chains } from '../chains/model.js'
import { inlineCode } from './markdown.js'

/** What a line needs of a bump: where and which image. */
export interface Bumped {
  readonly file: string
  readonly image: string
}

/** One line per (file, image) bumped whose file has descendants; in the updates' order. */
export function chainLines(
  updates: readonly Bumped[],
  chains: Chains | undefined
): string[] {
  if (chains === undefined || chains.edges.length === 0) return []
  const lines: string[] = []
  const said = new Set<string>()
  for (const { file, image } of updates) {
    const name = image.replace(/@.*$/, '')
    const key = `${file}\0${name}`
    if (said.has(key)) continue
    said.add(key)
    const rebuilt = descendantsOf(chains, file)
    if (rebuilt.length === 0) continue
    lines.push(
      `Bumping ${inlineCode(name)} in ${file} also rebuilds ${rebuilt.join(', ')}.`
    )
  }
  return lines
}
