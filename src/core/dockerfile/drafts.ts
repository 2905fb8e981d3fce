/**
 * Sites under construction. A draft keeps where its digest would go until
 * every site of the file is known, because whether an ARG value may take a
 * digest depends on all of its uses (see dockerfile-shared-args.ts).
 */
import type { Args } from './args.js'
import type { Expansion } from './expand.js'
import { lineAt } from './lines.js'
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

const SPLIT_DIGEST =
  'the digest is not written as "@sha256:…" at the end of the reference text (a line continuation or an escape splits it, or it comes from another ARG), so it cannot be replaced in place; write the reference and its digest in one piece to pin it'
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
  if (parsed.ref.tag === undefined && parsed.ref.digest !== undefined) {
    return skipped(withRef, 'digest-only', DIGEST_ONLY)
  }
  const pin = locatePin(expansion, parsed.ref.name.length)
  if (!pin.ok) return skipped(withRef, 'variable', sentence(pin.reason))
  const spanText = source.text.slice(pin.value.start, pin.value.end)
  // The digest is replaced where it is written: "@" and the digest, plainly,
  // at the end of the span. A digest in another ARG, or split by a line
  // continuation or escapes, has no such place.
  const digest = parsed.ref.digest
  if (digest !== undefined && !spanText.endsWith(`@${digest}`)) {
    return skipped(withRef, 'invalid', sentence(SPLIT_DIGEST))
  }
  const prefixLength =
    digest === undefined ? spanText.length : spanText.length - digest.length - 1
  return {
    site: withSpan(source, withRef, pin.value, prefixLength),
    pin: pin.value
  }
}

function withSpan(
  source: WordSource,
  site: ImageSite,
  pin: PinTarget,
  prefixLength: number
): ImageSite {
  const spanText = source.text.slice(pin.start, pin.end)
  return {
    ...site,
    span: { start: pin.start, end: pin.end },
    spanText,
    spanPrefixLength: prefixLength,
    spanLine: lineAt(source.index, pin.start) + 1,
    ...(pin.arg === undefined ? {} : { spanArg: pin.arg.name })
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
    ...site
  } = draft.site
  return site
}

export function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1)
  return /[.!?]$/.test(text) ? text : `${text}.`
}
