/**
 * checkBehind against the real Distribution registry (issue 11 part 2):
 * a base pushed in two versions, app images built on one or the other and
 * recording it by provenance (BuildKit shape, SLSA v0.2 and v1), by base
 * annotations, or only by their layers; a squashed image; bases that moved
 * only by attestations or only on another platform; an old base index that
 * is gone; an image that does not exist. Read through the counting proxy,
 * so "each manifest and blob once" is measured, not assumed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  BehindReport,
  PlatformVerdict,
  PublishedImage
} from '../../src/core/behind/model.js'
import type { Digest } from '../../src/core/digest.js'
import { checkBehind } from '../../src/pipeline/behind.js'
import { RegistryClient } from '../../src/registry/client.js'
import { dockerMaterial, pushImage, tarLayer } from '../support/behind-seed.js'
import type { Layer, Material, SeededImage } from '../support/behind-seed.js'
import { startCountingProxy } from '../support/counting-proxy.js'
import type { CountingProxy } from '../support/counting-proxy.js'
import {
  RecordingLogger,
  fixedCredentials,
  noSleep
} from '../support/recorders.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const AMD64 = 'linux/amd64'
const ARM64 = 'linux/arm64'
const BASE_DIGEST = 'org.opencontainers.image.base.digest'
const BASE_NAME = 'org.opencontainers.image.base.name'

let registry: TestRegistry
let proxy: CountingProxy
/** The host every image is named and read by (the proxy). */
let host: string
const bases: Record<string, { old: SeededImage; now: SeededImage }> = {}
let reports: Map<string, BehindReport>
let filtered: BehindReport
let mapped: BehindReport[]
let requests: readonly { method: string; path: string }[]

function baseLayers(version: string, platform: string): Layer[] {
  const text = `${version} ${platform} `.repeat(200)
  return [
    tarLayer({ 'etc/os-release': `ID=acme\nVERSION=${version}\n` }),
    tarLayer({ 'lib/libc.so': text })
  ]
}

const appLayer = tarLayer({ 'app/run.sh': '#!/bin/sh\necho app\n' })

/** The frontend and a builder stage: other images BuildKit lists too. */
function otherMaterials(platform: string): Material[] {
  return [
    dockerMaterial(
      'docker/dockerfile',
      '1',
      platform,
      `sha256:${'d'.repeat(64)}`
    ),
    dockerMaterial('golang', '1.22', platform, `sha256:${'e'.repeat(64)}`)
  ]
}

async function pushBase(
  name: string,
  versions: Record<'old' | 'now', Record<string, string>>,
  nonces?: Record<'old' | 'now', string>
): Promise<void> {
  const push = async (which: 'old' | 'now') =>
    pushImage(registry, {
      repository: `acme/${name}`,
      tag: '1',
      platforms: Object.entries(versions[which]).map(([platform, version]) => ({
        platform,
        layers: baseLayers(version, platform),
        ...(nonces === undefined ? {} : { attestationNonce: nonces[which] })
      }))
    })
  const old = await push('old')
  bases[name] = { old, now: await push('now') }
}

function base(name: string): { old: SeededImage; now: SeededImage } {
  const found = bases[name]
  if (found === undefined) throw new Error(`no base ${name}`)
  return found
}

function platformDigest(image: SeededImage, platform: string): Digest {
  const digest = image.manifests[platform]
  if (digest === undefined) throw new Error(`no ${platform}`)
  return digest
}

async function seedBases(): Promise<void> {
  await pushBase('base', {
    old: { [AMD64]: '1.0', [ARM64]: '1.0' },
    now: { [AMD64]: '1.1', [ARM64]: '1.1' }
  })
  // Same platform images, new attestations: a new index digest only.
  await pushBase(
    'attest',
    {
      old: { [AMD64]: 'a', [ARM64]: 'a' },
      now: { [AMD64]: 'a', [ARM64]: 'a' }
    },
    { old: 'first', now: 'second' }
  )
  await pushBase('other', {
    old: { [AMD64]: 'o', [ARM64]: 'o1' },
    now: { [AMD64]: 'o', [ARM64]: 'o2' }
  })
  await pushBase('gone', {
    old: { [AMD64]: 'g1' },
    now: { [AMD64]: 'g2' }
  })
  await registry.deleteManifest('acme/gone', base('gone').old.digest)
}

/** An app built on `on` of base `name`, recording it by provenance. */
async function provenanceApp(
  app: string,
  name: string,
  on: 'old' | 'now',
  slsa: 'v0.2' | 'v1',
  platforms: readonly string[] = [AMD64]
): Promise<void> {
  const recorded = base(name)[on]
  await pushImage(registry, {
    repository: `acme/${app}`,
    tag: '1',
    platforms: platforms.map(platform => ({
      platform,
      layers: [...baseLayers(on === 'old' ? '1.0' : '1.1', platform), appLayer],
      provenance: {
        slsa,
        materials: [
          ...otherMaterials(platform),
          // The same repository under another tag (a "-dev" builder stage):
          // not the base, though its digest is the base's current one.
          dockerMaterial(
            `${host}/acme/${name}`,
            '1-dev',
            platform,
            base(name).now.digest
          ),
          dockerMaterial(`${host}/acme/${name}`, '1', platform, recorded.digest)
        ]
      }
    }))
  })
}

async function seedApps(): Promise<void> {
  const b = base('base')
  await provenanceApp('app-prov', 'base', 'old', 'v0.2', [AMD64, ARM64])
  await provenanceApp('app-prov-now', 'base', 'now', 'v0.2')
  // v1, with the base also listed for the build platform (a stage on
  // $BUILDPLATFORM=linux/arm64) at its current digest: not this platform's.
  await pushImage(registry, {
    repository: 'acme/app-prov1',
    tag: '1',
    platforms: [
      {
        platform: AMD64,
        layers: [...baseLayers('1.0', AMD64), appLayer],
        provenance: {
          slsa: 'v1',
          materials: [
            ...otherMaterials(AMD64),
            dockerMaterial(`${host}/acme/base`, '1', ARM64, b.now.digest),
            dockerMaterial(`${host}/acme/base`, '1', AMD64, b.old.digest)
          ]
        }
      }
    ]
  })
  // DOI style: per-platform digest, short name, on the manifest.
  await pushImage(registry, {
    repository: 'acme/app-annotated',
    tag: '1',
    platforms: [
      {
        platform: AMD64,
        layers: [...baseLayers('1.0', AMD64), appLayer],
        manifestAnnotations: {
          [BASE_NAME]: `${host}/acme/base:1`,
          [BASE_DIGEST]: platformDigest(b.old, AMD64)
        }
      }
    ]
  })
  // A user's LABEL: the index digest, in the config.
  await pushImage(registry, {
    repository: 'acme/app-labelled',
    tag: '1',
    single: true,
    platforms: [
      {
        platform: AMD64,
        layers: [...baseLayers('1.1', AMD64), appLayer],
        labels: {
          [BASE_NAME]: `${host}/acme/base:1`,
          [BASE_DIGEST]: b.now.digest
        }
      }
    ]
  })
  await seedLayerApps()
  await provenanceApp('app-attest', 'attest', 'old', 'v0.2')
  await provenanceApp('app-other', 'other', 'old', 'v0.2')
  await provenanceApp('app-gone', 'gone', 'old', 'v1')
}

/** No provenance, no annotations: only the layers tell (recompressed: other blob digests). */
async function seedLayerApps(): Promise<void> {
  const app = async (name: string, layers: Layer[], level: number) =>
    pushImage(registry, {
      repository: `acme/${name}`,
      tag: '1',
      platforms: [{ platform: AMD64, layers, level }]
    })
  await app('app-layers-old', [...baseLayers('1.0', AMD64), appLayer], 1)
  await app('app-layers-now', [...baseLayers('1.1', AMD64), appLayer], 9)
  await app('app-squashed', [tarLayer({ 'all.tar': 'everything squashed' })], 6)
}

function published(app: string, baseName = 'base'): PublishedImage {
  return {
    image: `${host}/acme/${app}:1`,
    dockerfile: `${app}/Dockerfile`,
    base: `${host}/acme/${baseName}:1`,
    line: 3
  }
}

const APPS: Record<string, string> = {
  'app-prov': 'base',
  'app-prov-now': 'base',
  'app-prov1': 'base',
  'app-annotated': 'base',
  'app-labelled': 'base',
  'app-layers-old': 'base',
  'app-layers-now': 'base',
  'app-squashed': 'base',
  'app-attest': 'attest',
  'app-other': 'other',
  'app-gone': 'gone',
  missing: 'base'
}

beforeAll(async () => {
  registry = await startRegistry()
  proxy = await startCountingProxy({ target: registry.host })
  host = proxy.host
  await seedBases()
  await seedApps()
  const client = new RegistryClient({
    credentials: fixedCredentials(),
    insecureRegistries: [],
    logger: new RecordingLogger(),
    timeoutMs: 5_000,
    retries: 1,
    sleep: noSleep
  })
  const ports = { resolver: client, content: client.contentReader() }
  proxy.reset()
  const list = await checkBehind(
    Object.entries(APPS).map(([app, b]) => published(app, b)),
    ports
  )
  reports = new Map(list.map(r => [r.image.image.split('/')[2] ?? '', r]))
  requests = proxy.requests.map(r => ({ method: r.method, path: r.path }))
  filtered = (
    await checkBehind([published('app-prov')], ports, { platforms: [ARM64] })
  )[0] as BehindReport
  // Named by a host that is not there, read where registry-map sends it;
  // and a base that does not exist.
  mapped = await checkBehind(
    [
      {
        image: 'mirror.test/acme/app-layers-old:1',
        base: 'mirror.test/acme/base:1'
      },
      { ...published('app-prov'), base: `${host}/acme/no-such-base:1` },
      // The Dockerfile pins the old base: what it names now is that digest.
      {
        ...published('app-prov'),
        base: `${host}/acme/base:1@${base('base').old.digest}`
      }
    ],
    ports,
    { registryMap: { 'mirror.test': host } }
  )
}, 60_000)

afterAll(async () => {
  await proxy?.stop()
  await registry?.stop()
})

function report(app: string): BehindReport {
  const found = reports.get(`${app}:1`)
  if (found === undefined) throw new Error(`no report for ${app}`)
  return found
}

function only(app: string): PlatformVerdict {
  const r = report(app)
  expect(r.error).toBeUndefined()
  expect(r.platforms).toHaveLength(1)
  return r.platforms[0] as PlatformVerdict
}

describe('checkBehind on a real registry', () => {
  it('provenance (SLSA v0.2): every platform built on the old base index is behind', () => {
    const b = base('base')
    const r = report('app-prov')
    expect(r.status).toBe('behind')
    expect(r.baseNow).toBe(b.now.digest)
    expect(r.platforms).toEqual([
      {
        status: 'behind',
        platform: AMD64,
        method: 'provenance',
        builtOn: b.old.digest,
        now: b.now.digest
      },
      {
        status: 'behind',
        platform: ARM64,
        method: 'provenance',
        builtOn: b.old.digest,
        now: b.now.digest
      }
    ])
    expect(r.created).toBe('2024-06-01T00:00:00Z')
  })

  it('provenance: built on the current base is current (the -dev tag of the same repository is not the base)', () => {
    expect(only('app-prov-now')).toEqual({
      status: 'current',
      platform: AMD64,
      method: 'provenance',
      builtOn: base('base').now.digest
    })
  })

  it('provenance (SLSA v1 resolvedDependencies): the material for this platform, not the build platform', () => {
    const b = base('base')
    expect(only('app-prov1')).toEqual({
      status: 'behind',
      platform: AMD64,
      method: 'provenance',
      builtOn: b.old.digest,
      now: b.now.digest
    })
  })

  it('base annotations on the manifest (a platform digest): behind, compared platform to platform', () => {
    const b = base('base')
    expect(only('app-annotated')).toEqual({
      status: 'behind',
      platform: AMD64,
      method: 'base-annotation',
      builtOn: platformDigest(b.old, AMD64),
      now: platformDigest(b.now, AMD64)
    })
  })

  it('base labels in the config of a single-manifest image (the index digest): current', () => {
    expect(only('app-labelled')).toEqual({
      status: 'current',
      platform: AMD64,
      method: 'base-annotation',
      builtOn: base('base').now.digest
    })
  })

  it('layers: the old base diff_ids, recompressed, are behind; the current ones are current', () => {
    const b = base('base')
    expect(only('app-layers-old')).toEqual({
      status: 'behind',
      platform: AMD64,
      method: 'layers',
      now: b.now.digest
    })
    expect(only('app-layers-now')).toEqual({
      status: 'current',
      platform: AMD64,
      method: 'layers',
      builtOn: platformDigest(b.now, AMD64)
    })
  })

  it('a squashed image is unknown, saying why and what to do', () => {
    const verdict = only('app-squashed')
    expect(verdict.status).toBe('unknown')
    expect(report('app-squashed').status).toBe('unknown')
    const why = verdict.status === 'unknown' ? verdict.why : ''
    expect(why).toContain(`${host}/acme/app-squashed:1 (linux/amd64)`)
    expect(why).toContain("the image has 1 layer, fewer than its base's 2")
    expect(why).toContain('add base annotations or keep provenance on')
    expect(why).toContain('provenance: none attached')
  })

  it('a base that moved only by attestations is not behind', () => {
    const b = base('attest')
    expect(b.now.digest).not.toBe(b.old.digest)
    const verdict = only('app-attest')
    expect(verdict).toMatchObject({
      status: 'current',
      method: 'provenance',
      builtOn: b.old.digest
    })
    expect(verdict.status === 'current' ? verdict.note : '').toContain(
      'only attestations or other platforms changed'
    )
  })

  it('a base that moved only on another platform (arm64) is not behind for an amd64 image', () => {
    const b = base('other')
    expect(platformDigest(b.now, ARM64)).not.toBe(platformDigest(b.old, ARM64))
    expect(only('app-other')).toMatchObject({
      status: 'current',
      method: 'provenance',
      builtOn: b.old.digest
    })
  })

  it('an old base index that is gone: behind, saying the platforms could not be compared', () => {
    const b = base('gone')
    const verdict = only('app-gone')
    expect(verdict).toMatchObject({
      status: 'behind',
      method: 'provenance',
      builtOn: b.old.digest,
      now: b.now.digest
    })
    expect(verdict.status === 'behind' ? verdict.note : '').toContain(
      'changed (the old base index could not be read to compare platforms'
    )
  })

  it('an image that does not exist is an error naming it; the others were still checked', () => {
    const r = report('missing')
    expect(r.status).toBe('unknown')
    expect(r.platforms).toEqual([])
    expect(r.error).toContain(`${host}/acme/missing:1`)
    expect(reports.size).toBe(Object.keys(APPS).length)
  })

  it('reads each manifest and blob once, and resolves the shared base tag once', () => {
    const seen = requests
      .filter(r => r.path !== '/v2/')
      .map(r => `${r.method} ${r.path}`)
    const repeated = seen.filter((line, i) => seen.indexOf(line) !== i)
    expect(repeated).toEqual([])
    expect(seen).toContain('HEAD /v2/acme/base/manifests/1')
    expect(seen.filter(line => line.startsWith('HEAD /v2/acme/'))).toHaveLength(
      Object.keys(APPS).length + 4
    )
  })

  it('only the platforms asked for are checked', () => {
    expect(filtered.platforms.map(p => p.platform)).toEqual([ARM64])
    expect(filtered.status).toBe('behind')
  })

  it('reads images where registry-map sends them', () => {
    expect(mapped[0]?.error).toBeUndefined()
    expect(mapped[0]?.platforms).toEqual([
      {
        status: 'behind',
        platform: AMD64,
        method: 'layers',
        now: base('base').now.digest
      }
    ])
  })

  it('a base that cannot be read is an error naming the image, the base and the Dockerfile line', () => {
    expect(mapped[1]?.error).toContain(
      `${host}/acme/app-prov:1: its base ${host}/acme/no-such-base:1 (app-prov/Dockerfile:3) could not be read:`
    )
    expect(mapped[1]?.error).toContain(`${host}/acme/no-such-base:1`)
  })

  it('a base the Dockerfile pins is compared by its pinned digest, not its tag', () => {
    expect(mapped[2]?.baseNow).toBe(base('base').old.digest)
    expect(mapped[2]?.status).toBe('current')
    expect(mapped[2]?.platforms.map(p => [p.status, p.platform])).toEqual([
      ['current', AMD64],
      ['current', ARM64]
    ])
  })
})
