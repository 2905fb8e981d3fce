/**
 * The order of the chains: topological levels by Kahn's algorithm (level 0
 * builds from nothing built here), cycles found as strongly connected
 * components (Tarjan) and reported once each, their Dockerfiles in no
 * level; and the rebuild order of a set of changed Dockerfiles.
 * Every list is sorted, so the output does not depend on input order.
 */
import type { ChainEdge, Chains } from './model.js'

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export interface Order {
  readonly levels: string[][]
  readonly cycles: string[][]
}

function childrenMap(edges: readonly ChainEdge[]): Map<string, string[]> {
  const children = new Map<string, string[]>()
  for (const { parent, child } of edges) {
    for (const node of [parent, child]) {
      if (!children.has(node)) children.set(node, [])
    }
    const list = children.get(parent) ?? []
    if (parent !== child && !list.includes(child)) list.push(child)
  }
  for (const list of children.values()) list.sort(byText)
  return children
}

export function order(edges: readonly ChainEdge[]): Order {
  const children = childrenMap(edges)
  const cycles = stronglyConnected(children)
    .filter(component => component.length > 1)
    .map(component => component.sort(byText))
    .sort((a, b) => byText(a[0] ?? '', b[0] ?? ''))
  const inCycle = new Set(cycles.flat())
  const indegree = new Map<string, number>()
  for (const [node, list] of children) {
    if (inCycle.has(node)) continue
    if (!indegree.has(node)) indegree.set(node, 0)
    for (const child of list) {
      if (!inCycle.has(child))
        indegree.set(child, (indegree.get(child) ?? 0) + 1)
    }
  }
  const levels: string[][] = []
  let ready = [...indegree].filter(([, n]) => n === 0).map(([node]) => node)
  while (ready.length > 0) {
    levels.push(ready.sort(byText))
    const next: string[] = []
    for (const node of ready) {
      for (const child of children.get(node) ?? []) {
        if (inCycle.has(child)) continue
        const left = (indegree.get(child) ?? 0) - 1
        indegree.set(child, left)
        if (left === 0) next.push(child)
      }
    }
    ready = next
  }
  return { levels, cycles }
}

/** Tarjan's strongly connected components, nodes visited in sorted order. */
function stronglyConnected(children: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node) ?? 0)
    stack.push(node)
    onStack.add(node)
    for (const child of children.get(node) ?? []) {
      if (!index.has(child)) {
        visit(child)
        low.set(node, Math.min(low.get(node) ?? 0, low.get(child) ?? 0))
      } else if (onStack.has(child)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(child) ?? 0))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let top: string | undefined
    do {
      top = stack.pop()
      if (top === undefined) break
      onStack.delete(top)
      component.push(top)
    } while (top !== node)
    components.push(component)
  }
  for (const node of [...children.keys()].sort(byText)) {
    if (!index.has(node)) visit(node)
  }
  return components
}

/** Every Dockerfile that builds, directly or not, on `dockerfile` (sorted; not itself). */
export function descendantsOf(chains: Chains, dockerfile: string): string[] {
  const children = childrenMap(chains.edges)
  const seen = new Set<string>()
  const queue = [dockerfile]
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const child of children.get(node) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      queue.push(child)
    }
  }
  seen.delete(dockerfile)
  return [...seen].sort(byText)
}

/**
 * The changed Dockerfiles and all their descendants, grouped by their chain
 * level, empty levels dropped: a parent always comes in an earlier group
 * than its children. A file in no level (in no chain, or in a cycle, which
 * is reported apart) goes to the first group.
 */
export function rebuildLevels(
  chains: Chains,
  changed: readonly string[]
): string[][] {
  const all = new Set(changed)
  for (const file of changed) {
    for (const descendant of descendantsOf(chains, file)) all.add(descendant)
  }
  const levelOf = new Map<string, number>()
  chains.levels.forEach((level, i) => {
    for (const file of level) levelOf.set(file, i)
  })
  const groups = new Map<number, string[]>()
  for (const file of all) {
    const level = levelOf.get(file) ?? 0
    groups.set(level, [...(groups.get(level) ?? []), file])
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map(level => (groups.get(level) ?? []).sort(byText))
}
