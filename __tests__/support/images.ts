/**
 * Builds image content locally (configs, layers, manifests, indexes) and
 * pushes it through the distribution API (spec end-4a blob upload, end-7
 * manifest PUT). Digests are computed here, independently of the registry.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json'
} as const

export type ImageFormat = 'oci' | 'docker'

export interface Blob {
  readonly bytes: Buffer
  readonly digest: string
  readonly mediaType: string
}

export interface BuiltManifest extends Blob {
  readonly blobs: readonly Blob[]
  readonly platform: string
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export function blob(bytes: Buffer, mediaType: string): Blob {
  return { bytes, digest: sha256(bytes), mediaType }
}

export function descriptor(item: Blob): {
  mediaType: string
  digest: string
  size: number
} {
  return {
    mediaType: item.mediaType,
    digest: item.digest,
    size: item.bytes.length
  }
}

export function platformObject(platform: string): {
  os: string
  architecture: string
  variant?: string
} {
  const [os = 'linux', architecture = 'amd64', variant] = platform.split('/')
  return variant === undefined
    ? { os, architecture }
    : { os, architecture, variant }
}

/** A runnable image manifest for `platform`, unique per call (random layer + label). */
export function buildImageManifest(
  platform: string,
  format: ImageFormat,
  created = '2024-01-01T00:00:00Z'
): BuiltManifest {
  const layer = blob(
    randomBytes(64),
    format === 'oci' ? MEDIA.ociLayer : MEDIA.dockerLayer
  )
  const config = blob(
    Buffer.from(
      JSON.stringify({
        ...platformObject(platform),
        created,
        config: { Labels: { 'freshbase.test.nonce': randomUUID() } },
        rootfs: { type: 'layers', diff_ids: [layer.digest] }
      })
    ),
    format === 'oci' ? MEDIA.ociConfig : MEDIA.dockerConfig
  )
  const mediaType = format === 'oci' ? MEDIA.ociManifest : MEDIA.dockerManifest
  const bytes = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType,
        config: descriptor(config),
        layers: [descriptor(layer)]
      },
      null,
      2
    )
  )
  return { ...blob(bytes, mediaType), blobs: [config, layer], platform }
}

/** A BuildKit-style attestation manifest describing `subject` (attestation-storage.md). */
export function buildAttestation(): BuiltManifest {
  const statement = blob(
    Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        nonce: randomUUID()
      })
    ),
    MEDIA.inToto
  )
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: {},
        rootfs: { type: 'layers', diff_ids: [statement.digest] }
      })
    ),
    MEDIA.ociConfig
  )
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: descriptor(config),
      layers: [descriptor(statement)]
    })
  )
  return {
    ...blob(bytes, MEDIA.ociManifest),
    blobs: [config, statement],
    platform: 'unknown/unknown'
  }
}

export function buildIndex(
  manifests: readonly BuiltManifest[],
  attestation: { manifest: BuiltManifest; subject: string } | undefined,
  format: ImageFormat,
  created: string | undefined
): Blob {
  const mediaType = format === 'oci' ? MEDIA.ociIndex : MEDIA.dockerList
  const entries: object[] = manifests.map(m => ({
    ...descriptor(m),
    platform: platformObject(m.platform)
  }))
  if (attestation !== undefined) {
    entries.push({
      ...descriptor(attestation.manifest),
      platform: { architecture: 'unknown', os: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': attestation.subject
      }
    })
  }
  const annotations =
    format === 'oci' && created !== undefined
      ? { annotations: { 'org.opencontainers.image.created': created } }
      : {}
  return blob(
    Buffer.from(
      JSON.stringify(
        { schemaVersion: 2, mediaType, manifests: entries, ...annotations },
        null,
        2
      )
    ),
    mediaType
  )
}

/** Pushes blobs and manifests to `baseUrl` with `authorize(repository)` headers. */
export class Pusher {
  constructor(
    private readonly baseUrl: string,
    private readonly authorize: (repository: string) => Record<string, string>
  ) {}

  async pushBlob(repository: string, item: Blob): Promise<void> {
    const headers = this.authorize(repository)
    const start = await fetch(
      `${this.baseUrl}/v2/${repository}/blobs/uploads/`,
      {
        method: 'POST',
        headers
      }
    )
    await start.arrayBuffer()
    const location = start.headers.get('location')
    if (start.status !== 202 || location === null) {
      throw new Error(`blob upload start for ${repository}: ${start.status}`)
    }
    const target = new URL(location, this.baseUrl)
    target.searchParams.set('digest', item.digest)
    const put = await fetch(target, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: item.bytes
    })
    const text = await put.text()
    if (put.status !== 201)
      throw new Error(`blob PUT ${item.digest}: ${put.status} ${text}`)
  }

  async pushManifest(
    repository: string,
    reference: string,
    item: Blob
  ): Promise<void> {
    const put = await fetch(
      `${this.baseUrl}/v2/${repository}/manifests/${reference}`,
      {
        method: 'PUT',
        headers: {
          ...this.authorize(repository),
          'Content-Type': item.mediaType
        },
        body: item.bytes
      }
    )
    const text = await put.text()
    if (put.status !== 201)
      throw new Error(
        `manifest PUT ${repository}:${reference}: ${put.status} ${text}`
      )
    const stored = put.headers.get('docker-content-digest')
    if (stored !== item.digest)
      throw new Error(`registry stored ${stored ?? '?'} for ${item.digest}`)
  }

  async pushImage(
    repository: string,
    manifest: BuiltManifest,
    reference: string
  ): Promise<void> {
    for (const part of manifest.blobs) await this.pushBlob(repository, part)
    await this.pushManifest(repository, reference, manifest)
  }

  async deleteManifest(repository: string, digest: string): Promise<void> {
    const response = await fetch(
      `${this.baseUrl}/v2/${repository}/manifests/${digest}`,
      {
        method: 'DELETE',
        headers: this.authorize(repository)
      }
    )
    await response.arrayBuffer()
    if (response.status !== 202)
      throw new Error(`DELETE ${digest}: ${response.status}`)
  }
}
