/**
 * Sites under construction. A draft keeps where its digest would go until
 * every site of the file is known, because whether an ARG value may take a
 * digest depends on all of its uses (see shared-args.ts).
 */
import type { Args } from './args.js'
import type { Expansion, Result } from './expand.js'
import { lineAt } from './lines.js'
import { locateDigest } from './digest-pin.js'
import { locatePin } from './pin.js'
import type { PinTarget } from './pin.js'
import type { LiteralPart, WordSource } from './words.js'
import { parseImageRef } from '../image-ref.js'
import type { ImageSite, SkipCode } from '../image-site.js'

/** What building the sites of one file shares. */
export interface SiteContext extends WordSource {
  readonly file: string
  readonly args: Args
  /** Whether the instruction on this 0-based line is marked `# freshbase: ignore`. */
  readonly isIgnored: (line: number) => boolean
  /** Lowercased names of every stage (COPY --from and mounts may name any stage). */
  readonly stageNames: ReadonlySet<string>
}

export interface Draft {
  readonly site: ImageSite
  readonly pin?: PinTarget
}

const SPLIT_AT =
  'the digest is not written right after "@" at the end of the reference text (a line continuation, an escape or quotes split them), so it cannot be replaced in place; write the reference and its digest in one piece to refresh it'
const DIGEST_ONLY =
  'no tag to track; add the tag you want to follow, e.g. image:tag@sha256:…'

/** A reference that parsed: pin it unless it is digest-only or its text cannot carry the digest. */
export function refDraft(
  source: WordSource,
  base: Omit<ImageSite, 'ref'>,
  expansion: Expansion
): Draft {
  const parsed = parseImageRef(base.image)
  if (!parsed.ok) return skipped(base, 'invalid', sentence(parsed.error))
  const withRef = { ...base, ref: parsed.ref }
  const digest = parsed.ref.digest
  if (parsed.ref.tag === undefined && digest !== undefined) {
    return skipped(withRef, 'digest-only', DIGEST_ONLY)
  }
  const pin = locatePin(expansion, parsed.ref.name.length)
  if (digest === undefined) {
    if (!pin.ok) return skipped(withRef, 'variable', sentence(pin.reason))
    return draft(source, withRef, pin.value, pin.value.end - pin.value.start)
  }
  return pinnedDraft(source, withRef, expansion, pin, digest)
}

/**
 * A reference with a digest: the whole reference is rewritten where "@" and
 * the digest end its text plainly; otherwise only the digest bytes are
 * (issue 8 §6), wherever digest-pin.ts finds them.
 */
function pinnedDraft(
  source: WordSource,
  site: ImageSite,
  expansion: Expansion,
  pin: Result<PinTarget>,
  digest: string
): Draft {
  const spanText = pin.ok
    ? source.text.slice(pin.value.start, pin.value.end)
    : ''
  if (pin.ok && spanText.endsWith(`@${digest}`)) {
    const prefix = spanText.length - digest.length - 1
    return draft(source, site, pin.value, prefix)
  }
  const target = locateDigest(source, expansion, digest)
  if (target.ok) return draft(source, site, target.value, 0)
  // The reference has one place to go, but its digest is written apart from
  // the "@" there: joining them lets the whole reference be rewritten.
  if (
    pin.ok &&
    target.crowded !== undefined &&
    target.crowded === pin.value.arg
  ) {
    return skipped(site, 'invalid', sentence(SPLIT_AT))
  }
  return skipped(site, target.code, sentence(target.reason))
}

function draft(
  source: WordSource,
  site: ImageSite,
  pin: PinTarget,
  prefixLength: number
): Draft {
  return {
    site: {
      ...site,
      span: { start: pin.start, end: pin.end },
      spanText: source.text.slice(pin.start, pin.end),
      spanPrefixLength: prefixLength,
      spanLine: lineAt(source.index, pin.start) + 1,
      ...(pin.arg === undefined ? {} : { spanArg: pin.arg.name }),
      ...(pin.digestOnly === true ? { spanIsDigest: true } : {})
    },
    pin
  }
}

/** The expansion of an image written without variables at `text[start, end)`. */
export function literalExpansion(
  image: string,
  start: number,
  end: number
): Expansion {
  const literal: LiteralPart = { kind: 'literal', text: image, start, end }
  return {
    text: image,
    pieces: [{ part: literal, from: 0, to: image.length }]
  }
}

export function skipped(
  site: ImageSite,
  code: SkipCode,
  message: string
): Draft {
  return { site: { ...site, skip: { code, message } } }
}

/** Skipped sites carry no span: there is nothing to rewrite. */
export function finish(draft: Draft): ImageSite {
  if (draft.site.skip === undefined) return draft.site
  const {
    span: _span,
    spanText: _text,
    spanPrefixLength: _prefix,
    spanLine: _line,
    spanArg: _arg,
    spanIsDigest: _digest,
    ...site
  } = draft.site
  return site
}

export function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1)
  return /[.!?]$/.test(text) ? text : `${text}.`
}
