/** Stub (issue 11 part 1): the levels follow. */
import type { Chains } from './model.js'

export function rebuildLevels(
  chains: Chains,
  changed: readonly string[]
): string[][] {
  void chains
  return changed.length === 0 ? [] : [[...new Set(changed)].sort()]
}

export function descendantsOf(chains: Chains, dockerfile: string): string[] {
  void chains
  void dockerfile
  return []
}
