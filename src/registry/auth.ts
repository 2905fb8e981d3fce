/**
 * Authenticated registry requests (FACTS.md §3, §8 step 3): answer a 401
 * challenge with a Bearer token (one `repository:<path>:pull` scope per
 * token) or Basic credentials, and remember per registry which one it wants
 * so later repositories skip the 401 round trip.
 */
import type { Logger } from '../pipeline/ports.js'
import type { Credential, CredentialSource } from './credentials.js'
import { RegistryError } from './errors.js'
import type { HttpResponse, RegistryHttp, RequestKind } from './http.js'
import { TokenCache, basicAuthorization } from './token-endpoint.js'
import { fromHost, readChallenge, retryPlan } from './challenge.js'
import type { AuthScheme } from './challenge.js'

export interface RegistryCall {
  /** The registry as referenced ("docker.io"): credentials and memory key. */
  readonly registry: string
  /** The API host ("registry-1.docker.io"). */
  readonly host: string
  readonly repository: string
  readonly method: 'GET' | 'HEAD'
  readonly path: string
  readonly kind: RequestKind
  readonly headers?: Readonly<Record<string, string>>
  readonly maxBodyBytes?: number
}

export interface AuthOptions {
  readonly http: RegistryHttp
  readonly credentials: CredentialSource
  readonly logger: Logger
  readonly now?: () => number
}

export class RegistryAuth {
  private readonly schemes = new Map<string, AuthScheme>()
  private readonly discoveries = new Map<string, Promise<void>>()
  private readonly unreachable = new Map<string, RegistryError>()
  private readonly credentials = new Map<
    string,
    Promise<Credential | undefined>
  >()
  private readonly tokens: TokenCache

  constructor(private readonly options: AuthOptions) {
    this.tokens = new TokenCache(options)
  }

  /** Sends `call`, answering one 401 challenge; other statuses are the caller's. */
  async send(call: RegistryCall): Promise<HttpResponse> {
    const credential = await this.credentialFor(call.registry)
    // docker config `registrytoken`: a Bearer token for the registry itself.
    if (credential?.registryToken !== undefined) {
      return this.sendWith(call, `Bearer ${credential.registryToken}`)
    }
    const known = await this.schemeOrClaim(call.registry)
    if (typeof known === 'function')
      return this.discover(call, credential, known)
    return this.sendKnown(call, known, credential)
  }

  private async sendKnown(
    call: RegistryCall,
    scheme: AuthScheme,
    credential: Credential | undefined
  ): Promise<HttpResponse> {
    // Without credentials a Basic registry is asked anonymously: the scheme
    // may have been learned from another repository's challenge, and this
    // repository may be public.
    const sent =
      scheme.type === 'basic' && basicAuthorization(credential) === undefined
        ? undefined
        : await this.authorization(call, scheme, credential, false)
    const response = await this.sendWith(call, sent)
    if (response.status !== 401 || !fromHost(response, call.host))
      return response
    return this.answerChallenge(call, response, credential, sent)
  }

  /**
   * The registry's known scheme, or, when nobody has asked it yet, a claim
   * on discovering it (a release function). Check and claim happen in one
   * synchronous step so exactly one caller discovers.
   */
  private async schemeOrClaim(
    registry: string
  ): Promise<AuthScheme | (() => void)> {
    for (;;) {
      const unreachable = this.unreachable.get(registry)
      if (unreachable !== undefined) throw unreachable
      const known = this.schemes.get(registry)
      if (known !== undefined) return known
      const discovery = this.discoveries.get(registry)
      if (discovery === undefined) return this.claimDiscovery(registry)
      await discovery
    }
  }

  private claimDiscovery(registry: string): () => void {
    let release = (): void => undefined
    this.discoveries.set(
      registry,
      new Promise<void>(resolve => {
        release = resolve
      })
    )
    let finished = false
    return () => {
      if (finished) return
      finished = true
      this.discoveries.delete(registry)
      release()
    }
  }

  // The first request to a registry is a ping (GET /v2/, distribution-spec
  // end-1) while concurrent callers wait for its answer: the challenge tells
  // which scheme the registry wants, so every manifest request after it goes
  // out authorized and a tag costs exactly one manifest request. A registry
  // that answers the ping without a challenge but protects repositories is
  // still handled by sendKnown's 401 path.
  private async discover(
    call: RegistryCall,
    credential: Credential | undefined,
    done: () => void
  ): Promise<HttpResponse> {
    try {
      const ping = await this.sendWith(
        { ...call, method: 'GET', path: '/v2/', kind: 'ping', headers: {} },
        undefined
      )
      const challenge =
        ping.status === 401 && fromHost(ping, call.host)
          ? readChallenge(ping.headers.get('www-authenticate'))
          : undefined
      this.schemes.set(call.registry, challenge?.scheme ?? { type: 'none' })
    } catch (error) {
      if (
        error instanceof RegistryError &&
        error.temporary &&
        error.reason !== 'status'
      ) {
        this.unreachable.set(call.registry, error)
      }
      throw error
    } finally {
      done()
    }
    const scheme = this.schemes.get(call.registry) ?? { type: 'none' }
    return this.sendKnown(call, scheme, credential)
  }

  private async answerChallenge(
    call: RegistryCall,
    response: HttpResponse,
    credential: Credential | undefined,
    sent: string | undefined,
    learned: () => void = () => undefined
  ): Promise<HttpResponse> {
    const challenge = readChallenge(response.headers.get('www-authenticate'))
    if (challenge === undefined) return response
    const { scheme } = challenge
    this.schemes.set(call.registry, scheme)
    learned()
    const retry = retryPlan(scheme, sent, challenge.error)
    if (retry === 'give-up') return response
    const authorization = await this.authorization(
      call,
      scheme,
      credential,
      retry === 'refresh'
    )
    if (authorization === undefined) return response
    return this.sendWith(call, authorization)
  }

  private async authorization(
    call: RegistryCall,
    scheme: AuthScheme,
    credential: Credential | undefined,
    refresh: boolean
  ): Promise<string | undefined> {
    if (scheme.type === 'none') return undefined
    if (scheme.type === 'basic') {
      const basic = basicAuthorization(credential)
      if (basic === undefined) {
        throw new RegistryError({
          reason: 'no-credentials',
          message: `${call.registry} requires a login (Basic) and no credentials are configured for it`
        })
      }
      this.options.logger.secret(basic)
      return basic
    }
    const token = await this.tokens.token(
      {
        registry: call.registry,
        realm: scheme.realm,
        ...(scheme.service === undefined ? {} : { service: scheme.service }),
        // Our own scope, never the challenge's (ECR Public sends scope="aws").
        scope: `repository:${call.repository}:pull`,
        ...(credential === undefined ? {} : { credential })
      },
      refresh
    )
    return `Bearer ${token}`
  }

  private async sendWith(
    call: RegistryCall,
    authorization: string | undefined
  ): Promise<HttpResponse> {
    const headers = { ...call.headers }
    if (authorization !== undefined) headers['Authorization'] = authorization
    return this.options.http.toRegistry(call.host, call.path, {
      method: call.method,
      kind: call.kind,
      registry: call.registry,
      headers,
      ...(call.maxBodyBytes === undefined
        ? {}
        : { maxBodyBytes: call.maxBodyBytes })
    })
  }

  /** Once per registry; a failing credential helper fails its images clearly. */
  private async credentialFor(
    registry: string
  ): Promise<Credential | undefined> {
    let pending = this.credentials.get(registry)
    if (pending === undefined) {
      pending = this.options.credentials.get(registry).then(
        credential => {
          this.maskCredential(credential)
          return credential
        },
        (error: unknown) => {
          const text = error instanceof Error ? error.message : String(error)
          throw new RegistryError({
            reason: 'no-credentials',
            message: `cannot read the credentials for ${registry}: ${text}`,
            cause: error
          })
        }
      )
      this.credentials.set(registry, pending)
    }
    return pending
  }

  private maskCredential(credential: Credential | undefined): void {
    const secrets = [
      credential?.password,
      credential?.identityToken,
      credential?.registryToken
    ]
    for (const secret of secrets) {
      if (secret !== undefined && secret !== '')
        this.options.logger.secret(secret)
    }
  }
}
