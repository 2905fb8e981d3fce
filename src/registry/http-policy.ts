/**
 * Pure rules behind registry/http.ts: what to retry, how long to wait, which
 * hosts may use plain HTTP, and how URLs look in messages.
 */

/** containerd's MaxManifestSize (FACTS.md §2.3). */
export const MANIFEST_BODY_LIMIT = 4 * 1024 * 1024

/** 429 and 5xx are temporary (FACTS.md §2.7, §4.2). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599)
}

/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns the
 * wait in ms (0 for a date in the past), undefined when absent or unparseable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number
): number | undefined {
  const text = value?.trim() ?? ''
  if (text === '') return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Every HTTP-date form starts with a day name; Date.parse alone is lenient.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

const BACKOFF_BASE_MS = 500
const BACKOFF_MAX_MS = 8_000

/**
 * Exponential backoff with jitter: base·2^attempt, capped, scaled into
 * [50%, 100%] by `random` (in [0, 1)) so parallel clients spread out.
 */
export function backoffDelay(attempt: number, random: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt)
  return Math.round(ceiling * (0.5 + random / 2))
}

/** `localhost`, `127.0.0.0/8`, `[::1]`, any port. */
export function isLoopbackHost(host: string): boolean {
  const name = hostName(host)
  if (name === 'localhost' || name === '[::1]') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
}

/**
 * Loopback hosts and configured insecure registries may fall back to plain
 * HTTP. An insecure entry without a port matches every port of that host.
 */
export function allowsPlainHttp(
  host: string,
  insecureRegistries: readonly string[]
): boolean {
  if (isLoopbackHost(host)) return true
  const wanted = host.toLowerCase()
  return insecureRegistries.some(entry => {
    const listed = stripScheme(entry.trim().toLowerCase())
    return (
      listed === wanted || (!hasPort(listed) && listed === hostName(wanted))
    )
  })
}

// Only these query parameters are safe to show; every other value (signed
// blob URLs, tokens) is replaced.
const VISIBLE_QUERY = new Set(['service', 'scope', 'n', 'last', 'digest'])

/** The URL without user info and with secret-looking query values hidden. */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '<invalid URL>'
  }
  parsed.username = ''
  parsed.password = ''
  for (const name of [...parsed.searchParams.keys()]) {
    if (!VISIBLE_QUERY.has(name.toLowerCase())) {
      parsed.searchParams.set(name, 'REDACTED')
    }
  }
  return parsed.href
}

/**
 * The host of `url` (an answer's final URL) when it is not the registry's
 * `host` (host[:port], default ports compared as URLs do): where a redirect
 * led. undefined when the answer came from the registry host itself.
 */
export function redirectedHost(url: string, host: string): string | undefined {
  try {
    const final = new URL(url)
    const expected = new URL(`${final.protocol}//${host}`)
    return final.host === expected.host ? undefined : final.host
  } catch {
    return undefined
  }
}

/** "host:port" → "host", "[::1]:5000" → "[::1]", lowercased. */
function hostName(host: string): string {
  const lower = host.toLowerCase()
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']')
    return end < 0 ? lower : lower.slice(0, end + 1)
  }
  const colon = lower.lastIndexOf(':')
  return colon < 0 ? lower : lower.slice(0, colon)
}

function hasPort(host: string): boolean {
  return hostName(host) !== host
}

function stripScheme(entry: string): string {
  return entry.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '')
}
