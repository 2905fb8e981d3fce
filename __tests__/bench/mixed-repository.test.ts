/**
 * The benchmark's mixed repository (bench/mixed-repository.ts) says which
 * tags it names, pinned or not, stale or not: the limit columns of the
 * table are computed from that list, so it must be what the scanners find.
 * And the YAML without images must be turned away by the content check.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Image } from '../../bench/repository.js'
import { generateMixedRepository } from '../../bench/mixed-repository.js'
import type { MixedRepository } from '../../bench/mixed-repository.js'
import type { Digest } from '../../src/core/digest.js'
import { KIND_SETTINGS } from '../../src/core/file-kind.js'
import { needsParse, scanFile } from '../../src/core/scan.js'
import { scanKind } from '../../src/pipeline/scan-kind.js'

const digest = (n: number): Digest =>
  `sha256:${n.toString(16).padStart(64, '0')}` as Digest

const images: Image[] = Array.from({ length: 12 }, (_, i) => ({
  repository: `library/img${i % 5}`,
  tag: `v${Math.floor(i / 5)}.${i % 7}`,
  old: { indexDigest: digest(1000 + i) },
  current: { indexDigest: digest(2000 + i) }
}))

let root: string
let repo: MixedRepository
let paths: string[]

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'freshbase-mixed-'))
  repo = await generateMixedRepository(root, 60, images)
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  paths = entries
    .filter(e => e.isFile())
    .map(e => relative(root, join(e.parentPath, e.name)))
    .sort()
})
afterAll(async () => rm(root, { recursive: true, force: true }))

async function scanAllFiles() {
  const kinds = new Set(KIND_SETTINGS)
  const found = []
  for (const path of paths) {
    const kind = scanKind(path, kinds, new Set())
    if (kind === undefined) continue
    const text = await readFile(join(root, path), 'utf8')
    found.push({ path, kind, text, sites: scanFile(path, text, kind) })
  }
  return found
}

describe('mixed repository', () => {
  test('N files, half of them YAML without images, counted by kind', () => {
    expect(paths).toHaveLength(60)
    expect(repo.kinds).toEqual({
      Dockerfiles: 6,
      'Compose files': 6,
      'Kubernetes manifests': 6,
      'GitHub workflows': 3,
      kustomizations: 3,
      'Helm values': 3,
      'GitLab CI files': 3,
      'YAML without images': 30
    })
  })

  test('the tags it reports are exactly the ones the scanners find, with their pins', async () => {
    const found = new Map<string, { pinned: boolean; moved: boolean }>()
    for (const { sites } of await scanAllFiles()) {
      for (const site of sites) {
        if (site.skip !== undefined || site.ref === undefined) continue
        const { repository, tag, digest: pin } = site.ref
        const image = images.find(
          img => img.repository === repository && img.tag === tag
        )
        expect(
          image,
          `${site.file}:${site.line} ${site.ref.original}`
        ).toBeDefined()
        const key = `${repository}:${tag ?? ''}`
        const seen = found.get(key) ?? { pinned: false, moved: false }
        found.set(key, {
          pinned: seen.pinned || pin !== undefined,
          moved: seen.moved || pin === image?.old.indexDigest
        })
      }
    }
    const reported = new Map(
      repo.used.map(t => [
        `${t.repository}:${t.tag}`,
        { pinned: t.pinned, moved: t.moved }
      ])
    )
    expect(found).toEqual(reported)
    expect([...reported.values()].some(t => t.moved)).toBe(true)
    expect([...reported.values()].some(t => !t.pinned)).toBe(true)
  })

  test('every kind gives sites; the built service and ConfigMap text are no image to resolve', async () => {
    const files = await scanAllFiles()
    const sources = new Set(files.flatMap(f => f.sites.map(s => s.source)))
    expect([...sources].sort()).toEqual([
      'compose',
      'container',
      'copy-from',
      'docker-action',
      'from',
      'gitlab-image',
      'gitlab-service',
      'helm-values',
      'job-container',
      'kustomize',
      'service-container'
    ])
    const all = files.flatMap(f => f.sites)
    expect(all.filter(s => s.ref?.repository === 'library/x')).toEqual([])
    expect(all.filter(s => s.skip?.code === 'built-here')).toHaveLength(6 / 2)
    expect(
      all.filter(s => s.skip !== undefined && s.skip.code !== 'built-here')
    ).toEqual([])
  })

  test('the YAML without images is turned away by the content check, under its own folders', async () => {
    const imageless = paths.filter(p =>
      repo.imageless.some(folder => p.startsWith(`${folder}/`))
    )
    expect(imageless).toHaveLength(30)
    for (const path of imageless) {
      const kind = scanKind(path, new Set(KIND_SETTINGS), new Set())
      const text = await readFile(join(root, path), 'utf8')
      expect(kind, path).toBe('kubernetes')
      expect(needsParse(kind ?? 'kubernetes', text), path).toBe(false)
    }
    const manifests = (await scanAllFiles()).filter(
      f => f.kind === 'kubernetes' && !imageless.includes(f.path)
    )
    expect(manifests.every(f => needsParse(f.kind, f.text))).toBe(true)
  })
})
