/**
 * How the rebuild set is handed on (issue 11 part 1): the Action's
 * build-matrix and build-levels outputs, the dispatch's `files` and
 * `levels` inputs, and the `--json` plan's chains. Pure.
 */
import type { ChainEdge, Chains, ProducerProblem } from './model.js'

export interface MatrixEntry {
  readonly dockerfile: string
  /** The build context: the producer's when one is declared, else the Dockerfile's folder. */
  readonly context: string
  /** The Dockerfile's level: build level n after every level before it. */
  readonly level: number
}

/** One entry per Dockerfile of the rebuild set, in level order. */
export function buildMatrix(
  levels: readonly (readonly string[])[],
  chains: Chains | undefined
): MatrixEntry[] {
  return levels.flatMap((files, level) =>
    files.map(dockerfile => ({
      dockerfile,
      context: contextOf(dockerfile, chains),
      level
    }))
  )
}

/**
 * A declared context wins over the images setting's (which says only
 * which Dockerfile builds an image); no producer: the Dockerfile's folder.
 */
function contextOf(dockerfile: string, chains: Chains | undefined): string {
  const producers = (chains?.producers ?? []).filter(
    p => p.dockerfile === dockerfile
  )
  const declared =
    producers.find(p => p.source !== 'config') ?? producers.find(() => true)
  return declared?.context ?? folderOf(dockerfile)
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? '.' : file.slice(0, slash)
}

/**
 * The dispatch's `files`: the group's changed files as before (a receiver
 * that builds `files` keeps working), then the descendants the levels add,
 * in level order. Children listed here still build on the published base
 * unless the receiver follows `levels`.
 */
export function dispatchFiles(
  changed: readonly string[],
  levels: readonly (readonly string[])[]
): string[] {
  const files = [...changed]
  for (const file of levels.flat()) if (!files.includes(file)) files.push(file)
  return files
}

export interface ChainsJson {
  readonly edges: readonly ChainEdge[]
  readonly levels: readonly (readonly string[])[]
  readonly cycles: readonly (readonly string[])[]
  readonly problems: readonly ProducerProblem[]
}

/** The `chains` of the --json plan. */
export function chainsJson(chains: Chains | undefined): ChainsJson {
  return {
    edges: chains?.edges ?? [],
    levels: chains?.levels ?? [],
    cycles: chains?.cycles ?? [],
    problems: chains?.problems ?? []
  }
}

/** The warnings a run says about its chains: declarations not read, cycles. */
export function chainWarnings(chains: Chains | undefined): string[] {
  if (chains === undefined) return []
  return [
    ...chains.problems.map(p => `${p.file}:${p.line}: ${p.message}`),
    ...cycleWarnings(chains)
  ]
}

/** One warning per build cycle. */
export function cycleWarnings(chains: Chains | undefined): string[] {
  return (chains?.cycles ?? []).map(
    cycle =>
      `build cycle: ${cycle.join(', ')} build on each other's images, so no build order exists; they are in no rebuild level. Break the cycle (one of them must build FROM an image not built here).`
  )
}

/**
 * The edges that matter to this run: those whose parent is rebuilt, as
 * "app/Dockerfile:1 builds on ghcr.io/acme/base:1 (base/Dockerfile): rebuilt after it".
 */
export function rebuiltEdgeLines(
  chains: Chains | undefined,
  rebuild: readonly (readonly string[])[]
): string[] {
  const rebuilt = new Set(rebuild.flat())
  return (chains?.edges ?? [])
    .filter(e => rebuilt.has(e.parent))
    .map(
      e =>
        `${e.child}:${e.line} builds on ${e.image} (${e.parent}): rebuilt after it${e.tagVerified ? '' : ' (tag unverified)'}`
    )
}
