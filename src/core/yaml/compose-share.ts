/**
 * One anchored image, several services (YAML.md §1.4): the anchor's bytes
 * are the one edit for all of them. When one user may not be pinned (it
 * builds the image, or is marked `# freshbase: ignore`), pinning the anchor
 * for the others would pin it too, so none is, and each says why.
 */
import type { Scalar } from 'yaml'
import type { ImageSite } from '../image-site.js'
import { skip } from './scalar.js'

export interface Draft {
  readonly site: ImageSite
  /** The scalar that holds the image (the anchor, for an alias or a merge). */
  readonly anchor?: Scalar | undefined
}

/** Blocks shared with a user that may not be pinned, then the sites. */
export function settleShared(drafts: readonly Draft[]): ImageSite[] {
  const blockers = new Map<Scalar, ImageSite>()
  for (const { site, anchor } of drafts) {
    const code = site.skip?.code
    const blocks = code === 'built-here' || code === 'ignored'
    if (anchor !== undefined && blocks && !blockers.has(anchor))
      blockers.set(anchor, site)
  }
  return drafts.map(({ site, anchor }) => {
    const blocker = anchor === undefined ? undefined : blockers.get(anchor)
    if (blocker?.skip === undefined || site.skip !== undefined) return site
    const why =
      blocker.skip.code === 'built-here'
        ? 'which names the image its service builds'
        : 'which is marked "# freshbase: ignore"'
    const message = `${site.yamlPath ?? 'image'} shares its value with ${blocker.yamlPath ?? 'another image'} (line ${blocker.line}), ${why}; pinning one would pin both. Give ${site.yamlPath ?? 'it'} its own value to let Freshbase pin it.`
    return skip(unpinned(site), blocker.skip.code, message)
  })
}

/** The site without its span fields: a skipped site has nothing to rewrite. */
export function unpinned(site: ImageSite): ImageSite {
  const {
    span: _span,
    spanText: _spanText,
    spanPrefixLength: _prefix,
    spanLine: _line,
    spanArg: _arg,
    spanIsDigest: _digest,
    ...rest
  } = site
  return rest
}
