/**
 * The import rules of DESIGN.md / MODELS.md 3.1: dependencies point toward
 * the purer code, and no import cycle anywhere. Fails naming the file, the
 * import and the rule, or the cycle.
 *
 * Imports are read with TypeScript's own pre-processor, so `import … from`,
 * `import type`, `export … from`, side-effect imports and dynamic
 * `import('…')` all count, and comments or strings do not.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory()
      ? sourceFiles(full)
      : entry.name.endsWith('.ts')
        ? [full]
        : []
  })
}

/** Every module specifier the text imports, statically or dynamically. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(i => i.fileName)
}

/** The src-relative file a relative specifier names (`./x.js` → `dir/x.ts`). */
function resolveImport(fromRel: string, spec: string): string {
  return path
    .relative(SRC, path.resolve(SRC, path.dirname(fromRel), spec))
    .split(path.sep)
    .join('/')
    .replace(/\.js$/, '.ts')
}

/**
 * The layer of a src-relative path: its first folder (core's folders are
 * layers of their own), or the file name for top-level files.
 */
function layerOf(rel: string): string {
  const parts = rel.split('/')
  if (parts[0] === 'core' && parts.length > 2) return `core/${parts[1]}`
  return parts.length > 1 ? (parts[0] ?? '') : rel.replace(/\.ts$/, '')
}

const CORE_PACKAGES = /^(dockerfile-ast|yaml)$/
const ALL_CORE = [
  'core',
  'core/dockerfile',
  'core/evidence',
  'core/publish',
  'core/report',
  'core/yaml',
  'core/chains',
  'core/behind'
]

const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  core: {
    layers: ['core', 'core/dockerfile', 'core/evidence', 'core/yaml'],
    packages: CORE_PACKAGES
  },
  // YAML files that name images (issue 10): scanners over exact ranges; pure.
  'core/yaml': { layers: ['core', 'core/yaml'], packages: /^yaml$/ },
  // What a bump brings (issue 9): attestations, SBOMs, OSV answers; pure.
  'core/evidence': { layers: ['core', 'core/evidence'], packages: /^$/ },
  // In-repo chains read build declarations (YAML) and Dockerfile sites.
  'core/chains': {
    layers: ['core', 'core/chains', 'core/dockerfile', 'core/yaml'],
    packages: /^yaml$/
  },
  // Behind-its-base decisions read attestations and manifests.
  'core/behind': {
    layers: ['core', 'core/behind', 'core/evidence'],
    packages: /^$/
  },
  // The scanner knows nothing of publishing or reports.
  'core/dockerfile': {
    layers: ['core', 'core/dockerfile'],
    packages: CORE_PACKAGES
  },
  // Groups and the PR state read back; rendering is report's.
  'core/publish': {
    layers: ['core', 'core/dockerfile', 'core/publish', 'core/chains'],
    packages: CORE_PACKAGES
  },
  'core/report': {
    layers: [
      'core',
      'core/evidence',
      'core/publish',
      'core/report',
      'core/chains',
      'core/behind'
    ],
    packages: CORE_PACKAGES
  },
  config: { layers: ['config', 'core', 'core/publish'], packages: /^yaml$/ },
  // registry/ knows nothing of Dockerfiles, publishing or reports.
  registry: { layers: ['registry', 'core', 'pipeline'], packages: /^node:/ },
  // The OSV client (issue 9): knows nothing of registries or Dockerfiles.
  osv: {
    layers: ['osv', 'core', 'core/evidence', 'pipeline'],
    packages: /^node:/
  },
  files: {
    layers: ['files', 'core', 'pipeline'],
    packages: /^(node:|picomatch$)/
  },
  github: {
    layers: ['github', 'core', 'pipeline'],
    packages: /^(node:|@octokit\/|bottleneck$)/
  },
  log: { layers: ['log', 'pipeline'], packages: /^(node:|@actions\/core$)/ },
  // `docker buildx bake --print` (issue 11): a child process, nothing else.
  buildx: { layers: ['buildx', 'pipeline'], packages: /^node:child_process$/ },
  pipeline: { layers: ['pipeline', ...ALL_CORE, 'config'], packages: /^$/ },
  wiring: {
    layers: [
      'registry',
      'osv',
      'buildx',
      'files',
      'github',
      'log',
      'pipeline',
      'config',
      ...ALL_CORE
    ],
    packages: /^node:/
  },
  // The Action's GitHub side, apart so the CLI bundle carries no Octokit.
  'github-wiring': {
    layers: ['wiring', 'github', 'files', 'pipeline', 'config'],
    packages: /^$/
  },
  cli: {
    layers: [
      'cli',
      'wiring',
      'pipeline',
      'config',
      ...ALL_CORE,
      'log',
      'version'
    ],
    packages: /^node:/
  },
  action: {
    layers: [
      'action',
      'wiring',
      'github-wiring',
      'pipeline',
      'config',
      ...ALL_CORE,
      'log'
    ],
    packages: /^(node:|@actions\/)/
  },
  index: { layers: ['action'], packages: /^$/ },
  version: { layers: [], packages: /^$/ },
  cli_entry: { layers: ['cli'], packages: /^$/ }
}

/**
 * The import cycles of a graph: each strongly connected component with more
 * than one file (or a file importing itself), as one concrete cycle through
 * its smallest file, e.g. ['a.ts', 'b.ts', 'a.ts']. Tarjan's algorithm.
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  return components(graph)
    .filter(
      c => c.length > 1 || (graph.get(c[0] ?? '') ?? []).includes(c[0] ?? '')
    )
    .map(c => cycleThrough(graph, new Set(c)))
    .sort((a, b) => (a.join() < b.join() ? -1 : 1))
}

function components(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node) ?? 0)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    found.push(component.sort())
  }
  for (const node of [...graph.keys()].sort()) {
    if (!index.has(node)) visit(node)
  }
  return found
}

/** The shortest way from the component's smallest file back to itself. */
function cycleThrough(
  graph: ReadonlyMap<string, readonly string[]>,
  component: ReadonlySet<string>
): string[] {
  const start = [...component].sort()[0] ?? ''
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? ''
    for (const next of graph.get(node) ?? []) {
      if (next === start) return [...pathTo(cameFrom, node, start), start]
      if (component.has(next) && !cameFrom.has(next)) {
        cameFrom.set(next, node)
        queue.push(next)
      }
    }
  }
  return [start]
}

function pathTo(
  cameFrom: ReadonlyMap<string, string>,
  node: string,
  start: string
): string[] {
  const path = [node]
  while (path[0] !== start) path.unshift(cameFrom.get(path[0] ?? '') ?? start)
  return path
}

/**
 * Cycles other engineers are removing as this test lands (issue 8 part 4),
 * each as its files. Temporary: an entry that is no longer a cycle fails the
 * test, so the list only shrinks.
 */
const KNOWN_CYCLES: readonly (readonly string[])[] = []

describe('architecture', () => {
  const files = sourceFiles(SRC).map(f =>
    path.relative(SRC, f).split(path.sep).join('/')
  )
  const imports = new Map(
    files.map(rel => [
      rel,
      importsOf(readFileSync(path.join(SRC, rel), 'utf8'))
    ])
  )

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files.map(f => [f]))('%s imports only what its layer may', rel => {
    const layer = rel === 'cli.ts' ? 'cli_entry' : layerOf(rel)
    const rule = ALLOWED[layer]
    expect(rule, `no rule for layer ${layer}`).toBeDefined()
    const violations = (imports.get(rel) ?? []).filter(spec => {
      if (!spec.startsWith('.')) return !(rule?.packages.test(spec) ?? false)
      const target = resolveImport(rel, spec)
      const targetLayer = target === 'cli/main.ts' ? 'cli' : layerOf(target)
      return !(rule?.layers.includes(targetLayer) ?? false)
    })
    expect(violations, `${rel} (layer ${layer}) may not import these`).toEqual(
      []
    )
  })

  it('has no import cycle', () => {
    const graph = new Map(
      files.map(rel => [
        rel,
        (imports.get(rel) ?? [])
          .filter(spec => spec.startsWith('.'))
          .map(spec => resolveImport(rel, spec))
      ])
    )
    const cycles = findCycles(graph)
    const within = (cycle: readonly string[], known: readonly string[]) =>
      cycle.every(file => known.includes(file))
    expect(
      cycles
        .filter(c => !KNOWN_CYCLES.some(known => within(c, known)))
        .map(c => c.join(' → ')),
      'import cycles (type-only and dynamic imports count too)'
    ).toEqual([])
    expect(
      KNOWN_CYCLES.filter(known => !cycles.some(c => within(c, known))),
      'no longer cycles: remove them from KNOWN_CYCLES'
    ).toEqual([])
  })
})

describe('the checker itself', () => {
  it('reads static, type-only, re-export, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from './a.js'",
      "import type { B } from './b.js'",
      "export { c } from './c.js'",
      "export * from './d.js'",
      "import './e.js'",
      'const f = await import(',
      "  './f.js'",
      ')',
      "// import { g } from './g.js'",
      'const h = "import { h } from \'./h.js\'"'
    ].join('\n')

    expect(importsOf(text)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js'
    ])
  })

  it('finds cycles in a small graph, and none in a chain', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['g.ts']],
      ['g.ts', ['f.ts', 'd.ts']]
    ])

    expect(findCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
      ['f.ts', 'g.ts', 'f.ts']
    ])
    expect(
      findCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', []]
        ])
      )
    ).toEqual([])
  })
})
