import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoverDockerfiles } from '../../src/files/discover.js'
import type { SelectOptions } from '../../src/files/select.js'
import { fileSelector, selectPaths } from '../../src/files/select.js'

const TREE = [
  'Dockerfile',
  'a.Dockerfile',
  'a/b/Dockerfile',
  'a/base.image',
  'Containerfile.prod',
  '.git/Dockerfile',
  'node_modules/x/Dockerfile',
  'svc/node_modules/Dockerfile',
  'legacy/Dockerfile',
  'legacy/keep/Dockerfile',
  'svc/Dockerfile.dev',
  'svc/notes.txt',
  '.devcontainer/Dockerfile'
]

const none: SelectOptions = { include: [], exclude: [] }

describe('selectPaths', () => {
  it.each<[string, SelectOptions, readonly string[], readonly string[]]>([
    [
      'every Dockerfile name, sorted, .git and node_modules skipped',
      none,
      [],
      [
        '.devcontainer/Dockerfile',
        'Containerfile.prod',
        'Dockerfile',
        'a.Dockerfile',
        'a/b/Dockerfile',
        'legacy/Dockerfile',
        'legacy/keep/Dockerfile',
        'svc/Dockerfile.dev'
      ]
    ],
    [
      'an excluded folder excludes everything below it',
      { include: [], exclude: ['legacy', '.devcontainer/**'] },
      [],
      [
        'Containerfile.prod',
        'Dockerfile',
        'a.Dockerfile',
        'a/b/Dockerfile',
        'svc/Dockerfile.dev'
      ]
    ],
    [
      'include narrows; a literal include adds a file whatever its name',
      { include: ['svc/**', 'a/base.image'], exclude: [] },
      [],
      ['a/base.image', 'svc/Dockerfile.dev']
    ],
    [
      'a literal include may start with ./',
      { include: ['./a/base.image'], exclude: [] },
      [],
      ['a/base.image']
    ],
    [
      'an exclude wins over a literal include',
      { include: ['a/base.image'], exclude: ['a/**'] },
      [],
      []
    ],
    [
      'a literal include inside node_modules stays skipped',
      { include: ['node_modules/x/Dockerfile'], exclude: [] },
      [],
      []
    ],
    [
      'scope keeps the listed folders only',
      none,
      ['a', 'svc'],
      ['a/b/Dockerfile', 'svc/Dockerfile.dev']
    ]
  ])('%s', (_name, options, scope, expected) => {
    expect(selectPaths(TREE, options, scope)).toEqual(expected)
  })
})

describe('fileSelector', () => {
  it('skips .git, node_modules and excluded folders by path', () => {
    const selector = fileSelector({ include: [], exclude: ['build/**'] })

    expect(
      ['.git', 'a/node_modules', 'build/x', 'src', 'nodes'].map(selector.skips)
    ).toEqual([true, true, true, false, false])
  })
})

describe('the walk and the tree listing', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'fb-select-'))
    for (const file of TREE) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true })
      await writeFile(path.join(root, file), 'FROM alpine:3\n')
    }
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it.each<[SelectOptions]>([
    [none],
    [{ include: [], exclude: ['legacy', '.devcontainer/**'] }],
    [{ include: ['svc/**', './a/base.image'], exclude: [] }],
    [{ include: ['**/Dockerfile'], exclude: ['a/b'] }]
  ])('pick the same files in the same order: %j', async options => {
    const listing = (
      await readdir(root, { recursive: true, withFileTypes: true })
    )
      .filter(entry => entry.isFile())
      .map(entry =>
        path.relative(root, path.join(entry.parentPath, entry.name))
      )

    const walked = await discoverDockerfiles(root, options)

    expect(walked.map(f => f.path)).toEqual(selectPaths(listing, options))
  })
})
