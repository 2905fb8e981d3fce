/**
 * Starts the real Distribution registry (Debian docker-registry 2.8.2) on a
 * free loopback port (FACTS.md §9, MODELS.md 3.8), optionally with htpasswd
 * (Basic) or token (Bearer, with our own issuer) auth, and seeds it through
 * the HTTP API.
 */
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Digest } from '../../src/core/digest.js'
import {
  Pusher,
  buildAttestation,
  buildImageManifest,
  buildIndex
} from './images.js'
import type { Blob, ImageFormat } from './images.js'
import { startTokenIssuer } from './token-issuer.js'
import type { TokenIssuer, TokenIssuerOptions } from './token-issuer.js'

export const REGISTRY_BINARY = '/usr/bin/docker-registry'

export type RegistryAuthOptions =
  | { readonly htpasswd: { readonly user: string; readonly password: string } }
  | { readonly token: true | TokenIssuerOptions }

export interface RegistryOptions {
  readonly auth?: RegistryAuthOptions
}

export interface SeedOptions {
  readonly platforms?: readonly string[]
  readonly attestation?: boolean
  readonly created?: string
  readonly format?: ImageFormat
}

export interface SeededIndex {
  readonly indexDigest: Digest
  readonly mediaType: string
  readonly manifests: readonly {
    readonly platform: string
    readonly digest: Digest
  }[]
  readonly attestationDigest?: Digest
}

export interface SeededSingle {
  readonly digest: Digest
  readonly mediaType: string
  readonly configDigest: Digest
}

export interface TestRegistry {
  /** "127.0.0.1:<port>" */
  readonly host: string
  /** "http://127.0.0.1:<port>" */
  readonly url: string
  readonly tokenIssuer?: TokenIssuer
  seedImage(
    repository: string,
    tag: string,
    options?: SeedOptions
  ): Promise<SeededIndex>
  seedSingle(
    repository: string,
    tag: string,
    options: { readonly platform: string; readonly format?: ImageFormat }
  ): Promise<SeededSingle>
  /** Raw manifest PUT (bytes as given); returns the locally computed digest. */
  putManifest(
    repository: string,
    reference: string,
    item: Blob
  ): Promise<Digest>
  deleteManifest(repository: string, digest: string): Promise<void>
  stop(): Promise<void>
}

const run = promisify(execFile)
const SEED_ADMIN = 'seed-admin'

export async function startRegistry(
  options: RegistryOptions = {}
): Promise<TestRegistry> {
  await ensureInstalled()
  const dir = await mkdtemp(join(tmpdir(), 'freshbase-registry-'))
  const cleanup: (() => Promise<void>)[] = [
    async () => rm(dir, { recursive: true, force: true })
  ]
  try {
    const { authYaml, authorize, tokenIssuer } = await prepareAuth(
      dir,
      options.auth,
      cleanup
    )
    await writeFile(join(dir, 'config.yml'), configYaml(dir, authYaml))
    const child = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const killOnExit = (): void => {
      child.kill('SIGKILL')
    }
    process.once('exit', killOnExit)
    cleanup.unshift(async () => {
      process.off('exit', killOnExit)
      await stopProcess(child)
    })
    const host = await listeningHost(child)
    const url = `http://${host}`
    await waitReady(url)
    const pusher = new Pusher(url, authorize)
    return {
      host,
      url,
      ...(tokenIssuer === undefined ? {} : { tokenIssuer }),
      seedImage: async (repository, tag, seed) =>
        seedImage(pusher, repository, tag, seed),
      seedSingle: async (repository, tag, seed) => {
        const manifest = buildImageManifest(seed.platform, seed.format ?? 'oci')
        await pusher.pushImage(repository, manifest, tag)
        return {
          digest: manifest.digest as Digest,
          mediaType: manifest.mediaType,
          configDigest: (manifest.blobs[0]?.digest ?? '') as Digest
        }
      },
      putManifest: async (repository, reference, item) => {
        await pusher.pushManifest(repository, reference, item)
        return item.digest as Digest
      },
      deleteManifest: async (repository, digest) =>
        pusher.deleteManifest(repository, digest),
      stop: async () => runCleanup(cleanup)
    }
  } catch (error) {
    await runCleanup(cleanup)
    throw error
  }
}

async function ensureInstalled(): Promise<void> {
  try {
    await access(REGISTRY_BINARY)
  } catch {
    throw new Error(
      `${REGISTRY_BINARY} is not installed; the integration tests need the real Distribution registry. Install it with: sudo apt-get install -y docker-registry`
    )
  }
}

interface PreparedAuth {
  readonly authYaml: string
  readonly authorize: (repository: string) => Record<string, string>
  readonly tokenIssuer?: TokenIssuer
}

async function prepareAuth(
  dir: string,
  auth: RegistryAuthOptions | undefined,
  cleanup: (() => Promise<void>)[]
): Promise<PreparedAuth> {
  if (auth === undefined) return { authYaml: '', authorize: () => ({}) }
  if ('htpasswd' in auth) {
    const adminPassword = randomBytes(12).toString('hex')
    const lines = [
      await bcryptLine(auth.htpasswd.user, auth.htpasswd.password),
      await bcryptLine(SEED_ADMIN, adminPassword)
    ]
    await writeFile(join(dir, 'htpasswd'), `${lines.join('\n')}\n`)
    const basic = `Basic ${Buffer.from(`${SEED_ADMIN}:${adminPassword}`).toString('base64')}`
    return {
      authYaml: `auth:\n  htpasswd:\n    realm: freshbase-test\n    path: ${join(dir, 'htpasswd')}\n`,
      authorize: () => ({ Authorization: basic })
    }
  }
  const issuer = await startTokenIssuer(
    dir,
    auth.token === true ? {} : auth.token
  )
  cleanup.unshift(async () => issuer.stop())
  return {
    authYaml: [
      'auth:',
      '  token:',
      `    realm: ${issuer.url}`,
      `    service: ${issuer.service}`,
      `    issuer: ${issuer.issuer}`,
      `    rootcertbundle: ${issuer.certPath}`,
      ''
    ].join('\n'),
    authorize: repository => ({
      Authorization: `Bearer ${issuer.mint(repository, ['pull', 'push', 'delete'])}`
    }),
    tokenIssuer: issuer
  }
}

/** `htpasswd -nbB` prints "user:$2y$…" (bcrypt, which Distribution requires). */
async function bcryptLine(user: string, password: string): Promise<string> {
  const { stdout } = await run('htpasswd', ['-nbB', user, password])
  return stdout.trim()
}

function configYaml(dir: string, authYaml: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: info',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    '  addr: 127.0.0.1:0',
    `  secret: ${randomBytes(16).toString('hex')}`,
    authYaml
  ].join('\n')
}

/** Reads "listening on 127.0.0.1:<port>" from the log (FACTS.md §9). */
async function listeningHost(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = ''
    const timer = setTimeout(
      () => fail(new Error(`registry did not start:\n${log}`)),
      15_000
    )
    const onData = (chunk: Buffer): void => {
      log += chunk.toString()
      const match = /listening on (?<host>127\.0\.0\.1:\d+)/.exec(log)
      const host = match?.groups?.['host']
      if (host === undefined) return
      clearTimeout(timer)
      // Keep draining the pipes so the registry never blocks on a full one.
      child.stdout?.off('data', onData).resume()
      child.stderr?.off('data', onData).resume()
      resolve(host)
    }
    const fail = (error: Error): void => {
      clearTimeout(timer)
      reject(error)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', code =>
      fail(new Error(`registry exited (${code ?? 'signal'}):\n${log}`))
    )
    child.once('error', fail)
  })
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      const response = await fetch(`${url}/v2/`)
      await response.arrayBuffer()
      if (response.status === 200 || response.status === 401) return
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve())
  )
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

async function runCleanup(
  cleanup: readonly (() => Promise<void>)[]
): Promise<void> {
  for (const step of cleanup) await step()
}

async function seedImage(
  pusher: Pusher,
  repository: string,
  tag: string,
  options: SeedOptions = {}
): Promise<SeededIndex> {
  const format = options.format ?? 'oci'
  const platforms = options.platforms ?? [
    'linux/amd64',
    'linux/arm64',
    'linux/arm/v7'
  ]
  const manifests = platforms.map(p =>
    buildImageManifest(p, format, options.created)
  )
  for (const manifest of manifests)
    await pusher.pushImage(repository, manifest, manifest.digest)
  const attestation =
    options.attestation === true ? buildAttestation() : undefined
  const subject = manifests[0]?.digest ?? ''
  if (attestation !== undefined)
    await pusher.pushImage(repository, attestation, attestation.digest)
  const index = buildIndex(
    manifests,
    attestation === undefined ? undefined : { manifest: attestation, subject },
    format,
    options.created
  )
  await pusher.pushManifest(repository, tag, index)
  return {
    indexDigest: index.digest as Digest,
    mediaType: index.mediaType,
    manifests: manifests.map(m => ({
      platform: m.platform,
      digest: m.digest as Digest
    })),
    ...(attestation === undefined
      ? {}
      : { attestationDigest: attestation.digest as Digest })
  }
}
