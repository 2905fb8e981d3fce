/**
 * The Bearer token exchange (FACTS.md §3.1, distribution docs auth/token.md
 * and auth/oauth.md): one request per (realm, service, scope, credential),
 * shared by concurrent callers and cached until shortly before it expires.
 */
import { createHash } from 'node:crypto'
import type { Logger } from '../pipeline/ports.js'
import type { Credential } from './credentials.js'
import { RegistryError } from './errors.js'
import type { HttpResponse, RegistryHttp } from './http.js'
import { redactUrl } from './http-policy.js'

export interface TokenRequest {
  /** The registry as referenced, for counting and messages. */
  readonly registry: string
  readonly realm: string
  readonly service?: string
  /** One scope, `repository:<path>:pull` (FACTS.md §3.2). */
  readonly scope: string
  readonly credential?: Credential
}

export interface TokenOptions {
  readonly http: RegistryHttp
  readonly logger: Logger
  readonly now?: () => number
  /** OAuth2 client_id (required by oauth.md). */
  readonly clientId?: string
}

/** token.md: "When omitted, this defaults to 60 seconds". */
const DEFAULT_EXPIRES_IN_S = 60
const EXPIRY_MARGIN_MS = 10_000
const TOKEN_BODY_LIMIT = 1024 * 1024

interface CachedToken {
  readonly token: string
  readonly expiresAt: number
}

export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>()
  private readonly pending = new Map<string, Promise<string>>()

  constructor(private readonly options: TokenOptions) {}

  /** A valid token; `refresh` drops a cached one the registry refused. */
  async token(request: TokenRequest, refresh = false): Promise<string> {
    const key = cacheKey(request)
    if (refresh) this.tokens.delete(key)
    const cached = this.tokens.get(key)
    if (cached !== undefined && cached.expiresAt > this.now())
      return cached.token
    const inFlight = this.pending.get(key)
    if (inFlight !== undefined) return inFlight
    const fetching = this.fetchAndCache(key, request).finally(() => {
      this.pending.delete(key)
    })
    this.pending.set(key, fetching)
    return fetching
  }

  private async fetchAndCache(
    key: string,
    request: TokenRequest
  ): Promise<string> {
    const response = await requestToken(this.options, request)
    const { token, expiresInS } = parseTokenResponse(response, request)
    this.options.logger.secret(token)
    const lifetime = expiresInS * 1000
    const expiresAt =
      this.now() + Math.max(lifetime - EXPIRY_MARGIN_MS, lifetime / 2)
    this.tokens.set(key, { token, expiresAt })
    return token
  }

  private now(): number {
    return this.options.now?.() ?? Date.now()
  }
}

// Credential identity without keeping the secret itself in the key.
function cacheKey(request: TokenRequest): string {
  const identity = createHash('sha256')
    .update(JSON.stringify(request.credential ?? {}))
    .digest('hex')
    .slice(0, 16)
  return [request.realm, request.service ?? '', request.scope, identity].join(
    ' '
  )
}

async function requestToken(
  options: TokenOptions,
  request: TokenRequest
): Promise<HttpResponse> {
  const realm = realmUrl(request)
  const credential = safeCredential(options, request, realm)
  if (credential?.identityToken !== undefined) {
    const response = await postRefreshToken(
      options,
      request,
      realm,
      credential.identityToken
    )
    // oauth.md: a realm without the OAuth2 endpoint answers 404; fall back to GET.
    if (response.status !== 404) return response
  }
  const url = new URL(realm)
  if (request.service !== undefined)
    url.searchParams.set('service', request.service)
  url.searchParams.set('scope', request.scope)
  const basic = basicAuthorization(credential)
  if (basic !== undefined) options.logger.secret(basic)
  return options.http.toUrl(url.href, {
    method: 'GET',
    kind: 'token',
    registry: request.registry,
    headers: basic === undefined ? {} : { Authorization: basic },
    maxBodyBytes: TOKEN_BODY_LIMIT
  })
}

async function postRefreshToken(
  options: TokenOptions,
  request: TokenRequest,
  realm: URL,
  identityToken: string
): Promise<HttpResponse> {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: identityToken,
    client_id: options.clientId ?? 'freshbase',
    scope: request.scope
  })
  if (request.service !== undefined) form.set('service', request.service)
  return options.http.toUrl(realm.href, {
    method: 'POST',
    kind: 'token',
    registry: request.registry,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    maxBodyBytes: TOKEN_BODY_LIMIT
  })
}

function realmUrl(request: TokenRequest): URL {
  let realm: URL | undefined
  try {
    realm = new URL(request.realm)
  } catch {
    realm = undefined
  }
  if (realm === undefined || !['https:', 'http:'].includes(realm.protocol)) {
    throw tokenError(
      request,
      `the token realm "${request.realm}" is not an http(s) URL`
    )
  }
  return realm
}

/** Never send credentials to a plain-HTTP realm on a host that must use HTTPS. */
function safeCredential(
  options: TokenOptions,
  request: TokenRequest,
  realm: URL
): Credential | undefined {
  const credential = request.credential
  if (credential === undefined || realm.protocol === 'https:') return credential
  if (options.http.allowsPlainHttp(realm.host)) return credential
  options.logger.warn(
    `Not sending credentials for ${request.registry} to the plain-HTTP token endpoint ${realm.host}; asking for an anonymous token.`
  )
  return undefined
}

export function basicAuthorization(
  credential?: Credential
): string | undefined {
  if (credential?.username === undefined || credential.password === undefined) {
    return undefined
  }
  const encoded = Buffer.from(
    `${credential.username}:${credential.password}`
  ).toString('base64')
  return `Basic ${encoded}`
}

interface TokenAnswer {
  readonly token: string
  readonly expiresInS: number
}

function parseTokenResponse(
  response: HttpResponse,
  request: TokenRequest
): TokenAnswer {
  if (response.status !== 200) {
    throw tokenError(
      request,
      `the token endpoint answered ${response.status}`,
      response.status
    )
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(response.body))
  } catch {
    throw tokenError(request, 'the token endpoint answered with invalid JSON')
  }
  const record =
    typeof json === 'object' && json !== null
      ? (json as Record<string, unknown>)
      : {}
  // token.md: `token` and/or `access_token`; Renovate reads token ?? access_token.
  const token = record['token'] ?? record['access_token']
  if (typeof token !== 'string' || token === '') {
    throw tokenError(request, 'the token endpoint answered without a token')
  }
  const expiresIn = record['expires_in']
  const expiresInS =
    typeof expiresIn === 'number' && expiresIn > 0
      ? expiresIn
      : DEFAULT_EXPIRES_IN_S
  return { token, expiresInS }
}

function tokenError(
  request: TokenRequest,
  what: string,
  status?: number
): RegistryError {
  const host = endpointHost(request.realm)
  return new RegistryError({
    reason: 'token',
    message: `cannot get a pull token from ${host} (${request.scope}): ${what}`,
    url: redactUrl(request.realm),
    ...(status === undefined ? {} : { status })
  })
}

function endpointHost(realm: string): string {
  try {
    return new URL(realm).host
  } catch {
    return realm
  }
}
