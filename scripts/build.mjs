// Bundles the two entries into dist/ (committed; CI checks it equals a fresh
// build) and writes dist/licenses.txt for the third-party code inside.
import { build } from 'esbuild'
import { readFile, writeFile, rm, mkdir } from 'node:fs/promises'
import path from 'node:path'

const banner =
  "import { createRequire as __freshbaseCreateRequire } from 'node:module';" +
  'const require = __freshbaseCreateRequire(import.meta.url);'

await rm('dist', { recursive: true, force: true })
await mkdir('dist', { recursive: true })
const result = await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Shared code and what the CLI loads on demand (the YAML parser for
  // --config) go to dist/chunk-*.js, so each entry loads only what it runs.
  splitting: true,
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning'
})

const packages = new Map()
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  if (match)
    packages.set(
      match[1],
      path.join(input.slice(0, match.index), 'node_modules', match[1])
    )
}
const sections = []
for (const [name, dir] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'))
  let text = ''
  for (const file of [
    'LICENSE',
    'LICENSE.md',
    'LICENSE.txt',
    'license',
    'LICENCE'
  ]) {
    text = await readFile(path.join(dir, file), 'utf8').catch(() => '')
    if (text) break
  }
  sections.push(
    `${name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text.trim()}\n`
  )
}
await writeFile(
  'dist/licenses.txt',
  sections.join('\n' + '-'.repeat(72) + '\n\n')
)
