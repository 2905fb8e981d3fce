/**
 * The evidence settings (issue 9): `platforms` (the platforms that count
 * when deciding whether a bump is worth proposing), `osv` and `osv-url`
 * (the vulnerability lookup; off or pointed at a mirror on air-gapped
 * runners). Read by the one field rule set (config/fields.ts).
 */
import { parsePlatform } from '../core/platform.js'
import type { FieldReader } from './fields.js'

export const DEFAULT_OSV_URL = 'https://api.osv.dev'

const PLATFORM_PART = /^[a-z0-9._-]+$/i

/** `os/arch[/variant]` each, as written (trimmed); a wrong one names the setting. */
export function readPlatforms(
  fields: FieldReader,
  problems: string[]
): string[] {
  const platforms = fields.list('platforms')
  for (const platform of platforms) {
    const valid =
      parsePlatform(platform) !== undefined &&
      platform.split('/').every(part => PLATFORM_PART.test(part))
    if (!valid) {
      problems.push(
        `'platforms': "${platform}" is not a platform; use os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8.`
      )
    }
  }
  return platforms
}

/** An http(s) base URL without query or fragment, trailing slashes dropped. */
export function readOsvUrl(fields: FieldReader, problems: string[]): string {
  const text = fields.string('osv-url')
  if (text === undefined) return DEFAULT_OSV_URL
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  if (
    url === undefined ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    problems.push(
      `'osv-url': "${text}" is not an http(s) URL of an OSV API; use e.g. ${DEFAULT_OSV_URL} (the default) or your mirror's base URL, without query or credentials.`
    )
    return DEFAULT_OSV_URL
  }
  return text.replace(/\/+$/, '')
}
