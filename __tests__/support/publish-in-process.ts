/**
 * The Action's publishing run in-process (runAndPublish with the Action's
 * own wiring) against the real registry and the GitHub stand-in, and
 * indexes whose platforms move one at a time: what the "not proposed" and
 * "kept proposal" tests (issue 9, Platforms) share.
 */
import { expect } from 'vitest'
import { parseConfig } from '../../src/config/config.js'
import type { RawConfig } from '../../src/config/fields.js'
import { parsePublishConfig } from '../../src/config/publish-config.js'
import { buildActionPorts } from '../../src/github-wiring.js'
import { createConsoleLogger } from '../../src/log/logger.js'
import { runAndPublish } from '../../src/pipeline/publish-run.js'
import type { PublishReport } from '../../src/pipeline/publish-run.js'
import type { GitHubStandIn } from './github-stand-in.js'
import type { Blob, BuiltManifest } from './images.js'
import { buildImageManifest, buildIndex, Pusher } from './images.js'
import type { TestRegistry } from './registry.js'

/**
 * Indexes of linux/amd64 and linux/s390x, each version naming which build
 * of each platform it holds (same number = same manifest bytes), pushed
 * to `repository` by digest.
 */
export async function seedPlatformVersions<V extends string>(
  registry: TestRegistry,
  repository: string,
  versions: Readonly<
    Record<V, { readonly amd64: number; readonly s390x: number }>
  >
): Promise<Record<V, Blob>> {
  const pusher = new Pusher(registry.url, () => ({}))
  const builds = new Map<string, BuiltManifest>()
  const build = (platform: string, n: number): BuiltManifest => {
    const key = `${platform}#${n}`
    let manifest = builds.get(key)
    if (manifest === undefined) {
      manifest = buildImageManifest(platform, 'oci')
      builds.set(key, manifest)
    }
    return manifest
  }
  const entries = Object.entries(versions) as [
    V,
    { readonly amd64: number; readonly s390x: number }
  ][]
  const indexes = entries.map(([name, v]) => {
    const platforms = [
      build('linux/amd64', v.amd64),
      build('linux/s390x', v.s390x)
    ]
    return [name, buildIndex(platforms, undefined, 'oci', undefined)] as const
  })
  for (const m of builds.values())
    await pusher.pushImage(repository, m, m.digest)
  for (const [, item] of indexes)
    await registry.putManifest(repository, item.digest, item)
  return Object.fromEntries(indexes) as Record<V, Blob>
}

/** One Action run's publishing, in-process, with OSV off unless inputs say. */
export async function publishInProcess(
  registry: TestRegistry,
  standIn: GitHubStandIn,
  token: string,
  inputs: RawConfig
): Promise<PublishReport> {
  const env = {
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: standIn.url,
    FRESHBASE_GITHUB_WRITE_INTERVAL_MS: '0'
  }
  const raw: RawConfig = {
    root: '.',
    token,
    'registry-map': `docker.io=${registry.host}`,
    osv: 'false',
    ...inputs
  }
  const problems: string[] = []
  const publishConfig = parsePublishConfig(raw, env, problems)
  expect(problems).toEqual([])
  const logger = createConsoleLogger({ verbose: false, write: () => {} })
  const config = parseConfig(raw)
  const ports = buildActionPorts(config, publishConfig, logger, env)
  return runAndPublish(config, publishConfig, ports)
}
