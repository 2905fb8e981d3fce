import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
  chmod
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KindSetting } from '../../src/core/file-kind.js'
import { writeFileAtomic } from '../../src/files/atomic-write.js'
import { discoverFiles } from '../../src/files/discover.js'
import { isDockerfileName } from '../../src/files/select.js'

let root: string
let outside: string

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fb-discover-'))
  outside = await mkdtemp(path.join(os.tmpdir(), 'fb-outside-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

async function touch(rel: string, text = 'FROM alpine:3\n'): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true })
  await writeFile(path.join(root, rel), text)
}

describe('isDockerfileName', () => {
  it.each([
    ['Dockerfile', true],
    ['Containerfile', true],
    ['api.Dockerfile', true],
    ['api.dockerfile', true],
    ['Dockerfile.dev', true],
    ['Containerfile.prod', true],
    ['dockerfile', false],
    ['Dockerfile-old', false],
    ['.Dockerfile', false],
    ['Dockerfile.', false],
    ['README.md', false]
  ])('%s → %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected)
  })
})

describe('discoverFiles', () => {
  it('finds every Dockerfile name below the root in a stable sorted order', async () => {
    for (const f of [
      'z/Dockerfile',
      'a/b/api.Dockerfile',
      'Containerfile.prod',
      'Dockerfile',
      'a/notes.txt'
    ]) {
      await touch(f)
    }

    const found = await discoverFiles(root, { include: [], exclude: [] })

    expect(found.map(f => f.path)).toEqual([
      'Containerfile.prod',
      'Dockerfile',
      'a/b/api.Dockerfile',
      'z/Dockerfile'
    ])
  })

  it('skips .git, node_modules and excludes; include narrows; a literal include adds a file', async () => {
    for (const f of [
      '.git/Dockerfile',
      'node_modules/x/Dockerfile',
      'svc/Dockerfile',
      'legacy/Dockerfile',
      'svc/base.image'
    ]) {
      await touch(f)
    }

    const excluded = await discoverFiles(root, {
      include: [],
      exclude: ['legacy/**']
    })
    const included = await discoverFiles(root, {
      include: ['svc/**', 'svc/base.image'],
      exclude: []
    })

    expect(excluded.map(f => f.path)).toEqual(['svc/Dockerfile'])
    expect(included.map(f => f.path)).toEqual([
      'svc/Dockerfile',
      'svc/base.image'
    ])
  })

  it.each<[string, readonly KindSetting[] | undefined, string[]]>([
    [
      'every kind (absent = all)',
      undefined,
      [
        '.github/workflows/ci.yml',
        '.gitlab-ci.yml',
        'Dockerfile',
        'ci/jobs.yml',
        'deploy/compose.prod.yaml',
        'k8s/app.yaml',
        'k8s/kustomization.yaml'
      ]
    ],
    ['github-actions', ['github-actions'], ['.github/workflows/ci.yml']],
    [
      'compose and dockerfile',
      ['compose', 'dockerfile'],
      ['Dockerfile', 'deploy/compose.prod.yaml']
    ]
  ])(
    'walks once for the kinds turned on: %s',
    async (_name, kinds, expected) => {
      for (const f of [
        'Dockerfile',
        'deploy/compose.prod.yaml',
        '.github/workflows/ci.yml',
        '.github/README.md',
        '.gitlab-ci.yml',
        'ci/jobs.yml',
        'k8s/app.yaml',
        'k8s/kustomization.yaml',
        'node_modules/x/compose.yaml',
        'notes.txt'
      ]) {
        await touch(f, 'x: 1\n')
      }

      const found = await discoverFiles(root, {
        include: [],
        exclude: [],
        ...(kinds === undefined ? {} : { kinds })
      })

      expect(found.map(f => f.path)).toEqual(expected)
    }
  )

  it('never follows a symlink out of the tree and lists a real file once', async () => {
    await touch('Dockerfile')
    await writeFile(path.join(outside, 'Dockerfile'), 'FROM secret:1\n')
    await symlink(outside, path.join(root, 'escape'))
    await symlink(
      path.join(root, 'Dockerfile'),
      path.join(root, 'alias.Dockerfile')
    )
    await symlink(root, path.join(root, 'loop'))

    const found = await discoverFiles(root, { include: [], exclude: [] })

    expect(found.map(f => f.path)).toEqual(['Dockerfile'])
  })

  it('says which directory is missing', async () => {
    await expect(
      discoverFiles(path.join(root, 'nope'), { include: [], exclude: [] })
    ).rejects.toThrow(
      /cannot read the directory ".*nope".*Pass an existing directory/
    )
  })
})

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the mode and leaves no temp file', async () => {
    const file = path.join(root, 'Dockerfile')
    await writeFile(file, 'old')
    await chmod(file, 0o755)

    await writeFileAtomic(file, 'new\r\n')

    expect(await readFile(file, 'utf8')).toBe('new\r\n')
    expect((await stat(file)).mode & 0o777).toBe(0o755)
    expect(await readdir(root)).toEqual(['Dockerfile'])
  })

  it('leaves the original intact and names the file when the directory is not writable', async () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; write into a missing directory instead
      const file = path.join(root, 'missing', 'Dockerfile')
      await expect(writeFileAtomic(file, 'x')).rejects.toThrow(
        /could not write .*missing\/Dockerfile.*unchanged/
      )
      return
    }
    const file = path.join(root, 'Dockerfile')
    await writeFile(file, 'old')
    await chmod(root, 0o555)
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow(
      /could not write/
    )
    await chmod(root, 0o755)
    expect(await readFile(file, 'utf8')).toBe('old')
  })

  it('removes its temp file when the last step fails', async () => {
    // A directory where the file should be: everything works up to the rename.
    const target = path.join(root, 'Dockerfile')
    await mkdir(target)
    await writeFile(path.join(target, 'inside'), 'kept')

    await expect(writeFileAtomic(target, 'new')).rejects.toThrow(
      /could not write .*Dockerfile.*unchanged/
    )
    expect(await readdir(root)).toEqual(['Dockerfile'])
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('kept')
  })
})
