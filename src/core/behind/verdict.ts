/**
 * Recorded base digest vs. the base now (CHAINS.md "Design implications",
 * feature B): a provenance material or a base.digest annotation records
 * the digest the build used — the index digest for a tag that points to an
 * index (BuildKit), or one platform's manifest (DOI, ko per platform). The
 * index digest of a base changes with its attestations and with any other
 * platform, so when the digests differ only this platform's manifest is
 * compared, inside the recorded index and the index now: the same manifest
 * means the image is on its base's current content.
 */
import type { Digest } from '../digest.js'
import { shortDigest } from '../digest.js'
import { findPlatform, formatPlatform } from '../platform.js'
import type { Platform, PlatformManifest } from '../resolution.js'
import type { BehindReport, PlatformVerdict } from './model.js'

/** A base image as read: its digest and, for an index, its runnable platform entries. */
export interface BaseSide {
  readonly digest: Digest
  /** Undefined when the digest is a single image manifest. */
  readonly platforms?: readonly PlatformManifest[]
}

export type RecordedRead =
  | { readonly kind: 'read'; readonly side: BaseSide }
  | { readonly kind: 'unreadable'; readonly why: string }

export type RecordedAnswer =
  | {
      readonly status: 'current'
      readonly builtOn: Digest
      readonly note?: string
    }
  | {
      readonly status: 'behind'
      readonly builtOn: Digest
      readonly now: Digest
      readonly note?: string
    }
  | { readonly status: 'unknown'; readonly why: string }

/** The answer when no read is needed (the digest is the base's now, or its platform's now); else undefined. */
export function answerWithoutRead(
  recorded: Digest,
  now: BaseSide,
  platform: Platform
): RecordedAnswer | undefined {
  if (recorded === now.digest) return { status: 'current', builtOn: recorded }
  if (recorded === nowPlatformDigest(now, platform))
    return { status: 'current', builtOn: recorded }
  return undefined
}

/** The answer once the recorded digest was read (or could not be). */
export function answerRecorded(
  recorded: Digest,
  read: RecordedRead,
  now: BaseSide,
  platform: Platform
): RecordedAnswer {
  const quick = answerWithoutRead(recorded, now, platform)
  if (quick !== undefined) return quick
  const nowDigest = nowPlatformDigest(now, platform)
  const where = formatPlatform(platform)
  if (nowDigest === undefined)
    return {
      status: 'unknown',
      why: `the base has no ${where} image now (${shortDigest(now.digest)}) to compare with`
    }
  if (read.kind === 'unreadable')
    return {
      status: 'behind',
      builtOn: recorded,
      now: now.digest,
      note: `changed (the old base index could not be read to compare platforms: ${read.why})`
    }
  if (read.side.platforms === undefined)
    return { status: 'behind', builtOn: recorded, now: nowDigest }
  const old = findPlatform(read.side.platforms, platform)
  if (old?.digest === nowDigest)
    return {
      status: 'current',
      builtOn: recorded,
      note:
        `the base moved (${shortDigest(recorded)} → ${shortDigest(now.digest)}) ` +
        `but not its ${where} image: only attestations or other platforms changed`
    }
  return {
    status: 'behind',
    builtOn: recorded,
    now: now.digest,
    ...(old === undefined ? { note: `the old base had no ${where} image` } : {})
  }
}

/** This platform's manifest digest in the base now (the digest itself for a single manifest). */
export function nowPlatformDigest(
  now: BaseSide,
  platform: Platform
): Digest | undefined {
  return now.platforms === undefined
    ? now.digest
    : findPlatform(now.platforms, platform)?.digest
}

/** behind if any platform is behind; unknown if none answered (or none was checked); else current. */
export function overallStatus(
  platforms: readonly PlatformVerdict[]
): BehindReport['status'] {
  if (platforms.some(p => p.status === 'behind')) return 'behind'
  if (platforms.every(p => p.status === 'unknown')) return 'unknown'
  return 'current'
}
