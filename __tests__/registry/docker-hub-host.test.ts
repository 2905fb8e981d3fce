/**
 * Docker Hub names resolve against its API host (FACTS.md §1.3 table). No
 * network here, so the transport records the URLs it is asked for and
 * answers like Docker Hub does (a Bearer challenge on /v2/).
 */
import { describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { RecordingLogger } from '../support/recorders.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

describe('Docker Hub', () => {
  it('talks to registry-1.docker.io with a library/ path and an auth.docker.io token', async () => {
    const urls: string[] = []
    const fetchStub: typeof fetch = async (input, init) => {
      await Promise.resolve()
      const url = input instanceof Request ? input.url : input.toString()
      urls.push(`${init?.method ?? 'GET'} ${url}`)
      if (url.endsWith('/v2/')) {
        return new Response(null, {
          status: 401,
          headers: {
            'www-authenticate':
              'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"'
          }
        })
      }
      if (url.startsWith('https://auth.docker.io/')) {
        return Response.json({ token: 't0ken-value', expires_in: 300 })
      }
      return new Response(null, {
        status: 200,
        headers: {
          'docker-content-digest': DIGEST,
          'content-type': 'application/vnd.oci.image.index.v1+json',
          'content-length': '100',
          'ratelimit-remaining': '99;w=21600'
        }
      })
    }
    const client = new RegistryClient({
      credentials: { get: async () => Promise.resolve(undefined) },
      insecureRegistries: [],
      logger: new RecordingLogger(),
      fetch: fetchStub
    })

    const [resolution] = await client.resolveAll([
      {
        key: 'docker.io/library/alpine:3',
        registry: 'docker.io',
        repository: 'library/alpine',
        tag: '3',
        currentDigests: [],
        needsManifestBody: false
      }
    ])

    expect(resolution).toMatchObject({
      kind: 'resolved',
      digest: DIGEST,
      rateLimitRemaining: '99;w=21600'
    })
    expect(urls).toEqual([
      'GET https://registry-1.docker.io/v2/',
      'GET https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Falpine%3Apull',
      'HEAD https://registry-1.docker.io/v2/library/alpine/manifests/3'
    ])
  })
})
