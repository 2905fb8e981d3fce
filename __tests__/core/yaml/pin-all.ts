/**
 * Test support for the YAML scanners (issue 10): scan a text as a kind, pin
 * every pinnable site to a digest, and run the same checked rewrite the
 * pipeline runs (core/rewrite.ts). Shared by the scanner tables.
 */
import { pinnedSpanText } from '../../../src/core/dockerfile/scan.js'
import type { FileKind } from '../../../src/core/file-kind.js'
import type { ImageSite } from '../../../src/core/image-site.js'
import { rewriteChecked } from '../../../src/core/rewrite.js'
import type { Edit } from '../../../src/core/rewrite.js'
import { scanFile } from '../../../src/core/scan.js'

/** A digest per image name, distinct and valid: sha256 of nothing real. */
export function digestFor(image: string): string {
  let h = 0
  for (const c of image) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return `sha256:${h.toString(16).padStart(8, '0').repeat(8)}`
}

export interface Pinned {
  readonly sites: ImageSite[]
  /** The new text, or the rewrite check's refusal. */
  readonly text?: string
  readonly error?: string
}

/** Scans `text` as `kind`, pins every site that has a span, checks and returns the new text. */
export function pinAll(
  file: string,
  text: string,
  kind: FileKind,
  digest: (site: ImageSite) => string = s => digestFor(s.ref?.name ?? s.image)
): Pinned {
  const sites = scanFile(file, text, kind)
  const edits: Edit[] = []
  for (const site of sites) {
    if (site.span === undefined || site.spanText === undefined) continue
    const edit = {
      span: site.span,
      expected: site.spanText,
      replacement: pinnedSpanText(site, digest(site))
    }
    const same = edits.some(
      e => e.span.start === edit.span.start && e.span.end === edit.span.end
    )
    if (!same) edits.push(edit)
  }
  const result = rewriteChecked(file, text, edits, sites, kind)
  return result.ok
    ? { sites, text: result.text }
    : { sites, error: result.error }
}

/** What a table row checks most: image, line, source and skip code per site. */
export function brief(site: ImageSite): string {
  const skip = site.skip === undefined ? '' : ` skip:${site.skip.code}`
  return `${site.line} ${site.source} ${site.image}${skip}`
}
