/**
 * The one platform matcher: `FROM --platform=…` against an index's entries
 * (core/plan.ts) and an old single-platform pin against the new index
 * (registry/platform-pins.ts) follow the same rule.
 *
 * The rule is containerd's: both sides are normalized
 * (containerd/platforms `normalizeOS`, `normalizeArch`), then os,
 * architecture and variant must be equal. So `linux/arm64` and
 * `linux/arm64/v8` are one platform (Docker Official Images publish
 * `arm64` with `variant: v8`, buildx without; EVIDENCE.md §9.1), `amd64/v1`
 * is `amd64`, and a bare `arm` is `arm/v7`.
 */
import type { Platform } from './resolution.js'

/** containerd/platforms normalizeArch: aliases and default variants. */
function normalizeArch(
  architecture: string,
  variant: string
): { architecture: string; variant: string } {
  switch (architecture) {
    case 'i386':
      return { architecture: '386', variant: '' }
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return { architecture: 'amd64', variant: variant === 'v1' ? '' : variant }
    case 'aarch64':
    case 'arm64':
      return { architecture: 'arm64', variant: arm64Variant(variant) }
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' }
    case 'armel':
      return { architecture: 'arm', variant: 'v6' }
    case 'arm':
      return { architecture: 'arm', variant: armVariant(variant) }
    default:
      return { architecture, variant }
  }
}

function arm64Variant(variant: string): string {
  if (['8', 'v8', 'v8.0'].includes(variant)) return ''
  if (['9', '9.0', 'v9.0'].includes(variant)) return 'v9'
  return variant
}

function armVariant(variant: string): string {
  if (variant === '' || variant === '7') return 'v7'
  return ['5', '6', '8'].includes(variant) ? `v${variant}` : variant
}

/** The canonical form: lowercase, aliases resolved, default variants dropped (or filled, for arm). */
export function normalizePlatform(platform: Platform): Platform {
  const os = platform.os.toLowerCase()
  const { architecture, variant } = normalizeArch(
    platform.architecture.toLowerCase(),
    (platform.variant ?? '').toLowerCase()
  )
  const normalOs = os === 'macos' ? 'darwin' : os
  return variant === ''
    ? { os: normalOs, architecture }
    : { os: normalOs, architecture, variant }
}

/** Whether two platforms name the same thing once normalized. */
export function platformMatches(offered: Platform, wanted: Platform): boolean {
  const a = normalizePlatform(offered)
  const b = normalizePlatform(wanted)
  return (
    a.os === b.os &&
    a.architecture === b.architecture &&
    (a.variant ?? '') === (b.variant ?? '')
  )
}

/** The first entry for `wanted` (image-index.md: "the first matching entry SHOULD be used"). */
export function findPlatform<T extends { readonly platform: Platform }>(
  entries: readonly T[],
  wanted: Platform
): T | undefined {
  return entries.find(entry => platformMatches(entry.platform, wanted))
}

/** `os/architecture[/variant]` as written in `--platform`; undefined when not that shape. */
export function parsePlatform(text: string): Platform | undefined {
  const parts = text.toLowerCase().split('/')
  const [os, architecture, variant] = parts
  if (
    parts.length > 3 ||
    os === undefined ||
    architecture === undefined ||
    os === '' ||
    architecture === ''
  ) {
    return undefined
  }
  return variant === undefined || variant === ''
    ? { os, architecture }
    : { os, architecture, variant }
}

/** "linux/amd64", "linux/arm/v7": as written in the index (not normalized). */
export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant]
    .filter(part => part !== undefined && part !== '')
    .join('/')
}

/**
 * The OCI `platform` object of an index entry or an image config (os,
 * architecture, variant; image-index.md), as written: the registry's
 * index reader and the evidence's attestation reader share it.
 */
export function platformObject(value: unknown): Platform | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined
  const record = value as Record<string, unknown>
  const text = (name: string): string | undefined =>
    typeof record[name] === 'string' ? record[name] : undefined
  const os = text('os')
  const architecture = text('architecture')
  if (os === undefined || architecture === undefined) return undefined
  const variant = text('variant')
  return variant === undefined || variant === ''
    ? { os, architecture }
    : { os, architecture, variant }
}
