/**
 * Reading a registry's 401 answer for registry/auth.ts (FACTS.md §3.1,
 * RFC 6750 §3): which scheme it wants, whether to answer it, and whether
 * the challenge may be trusted at all (it came from the registry host).
 */
import type { HttpResponse } from './http-types.js'
import { redirectedHost } from './http-policy.js'
import { parseWwwAuthenticate } from './www-authenticate.js'

export type AuthScheme =
  | { readonly type: 'none' }
  | { readonly type: 'basic' }
  | {
      readonly type: 'bearer'
      readonly realm: string
      readonly service?: string
    }

/**
 * Whether the answer came from the registry host itself, not from a host a
 * redirect led to. A challenge from another host is never answered or
 * learned: that would send the credentials (or a token request with them)
 * to whoever the redirect named (distribution-spec main, "API").
 */
export function fromHost(response: HttpResponse, host: string): boolean {
  return redirectedHost(response.url, host) === undefined
}

export interface ChallengeAnswer {
  readonly scheme: AuthScheme
  /** RFC 6750 §3.1 `error`, e.g. "invalid_token", "insufficient_scope". */
  readonly error?: string
}

/** Bearer (with a realm) wins over Basic when a registry offers both. */
export function readChallenge(
  header: string | null
): ChallengeAnswer | undefined {
  if (header === null) return undefined
  const challenges = parseWwwAuthenticate(header)
  const bearer = challenges.find(
    c => c.scheme === 'bearer' && (c.params['realm'] ?? '') !== ''
  )
  if (bearer !== undefined) {
    const realm = bearer.params['realm'] ?? ''
    const service = bearer.params['service']
    const error = bearer.params['error']
    const scheme: AuthScheme =
      service === undefined || service === ''
        ? { type: 'bearer', realm }
        : { type: 'bearer', realm, service }
    return error === undefined ? { scheme } : { scheme, error }
  }
  return challenges.some(c => c.scheme === 'basic')
    ? { scheme: { type: 'basic' } }
    : undefined
}

/**
 * After a 401: authorize if nothing was sent; refused Basic credentials stay
 * refused; a refused token is renewed only when the registry calls it
 * invalid (expired), not when it lacks access ("insufficient_scope"), so a
 * private repository costs one token request, not two.
 */
export function retryPlan(
  scheme: AuthScheme,
  sent: string | undefined,
  error: string | undefined
): 'authorize' | 'refresh' | 'give-up' {
  if (sent === undefined) return 'authorize'
  if (scheme.type === 'basic') return 'give-up'
  if (!sent.startsWith('Bearer ')) return 'authorize'
  return error === 'invalid_token' ? 'refresh' : 'give-up'
}
