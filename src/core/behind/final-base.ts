/**
 * The base a published image is built on, as its Dockerfile names it now
 * (issue 11 part 2): the final stage's FROM (or the `target` stage's), and
 * when that FROM names an earlier stage, that stage's FROM, back to an
 * external image. Works on the Dockerfile scanner's sites (core/dockerfile
 * scan.ts), so ARG defaults are already applied. Pure.
 */
import type { ImageSite } from '../image-site.js'

export type FinalBase =
  | {
      readonly ok: true
      /** The external image, as the build sees it: "alpine:3.21". */
      readonly base: string
      /** The line of the FROM that names it. */
      readonly line: number
    }
  | { readonly ok: false; readonly why: string }

/**
 * `file` names the Dockerfile in the sentences; `target` is the stage built
 * (build-push-action `target:`, bake `target`), the last stage when absent.
 */
export function finalBase(
  file: string,
  sites: readonly ImageSite[],
  target?: string
): FinalBase {
  const froms = sites.filter(s => s.source === 'from' && s.stage !== undefined)
  const start =
    target === undefined
      ? froms.at(-1)
      : stageNamed(froms, target, Number.POSITIVE_INFINITY)
  if (start === undefined) {
    return {
      ok: false,
      why:
        target === undefined
          ? `${file} has no FROM line, so it names no base.`
          : `${file} has no stage named "${target}" (the target built), so its base is not known; correct the target or the stage name.`
    }
  }
  return follow(file, froms, start)
}

function follow(
  file: string,
  froms: readonly ImageSite[],
  start: ImageSite
): FinalBase {
  let site = start
  // Each step goes to an earlier stage, so this ends.
  for (;;) {
    const code = site.skip?.code
    if (code === 'scratch') {
      return {
        ok: false,
        why: `${file}:${site.line}: built FROM scratch: no base to be behind.`
      }
    }
    if (code !== 'stage') break
    const earlier = stageNamed(froms, site.image, site.stage?.index ?? 0)
    if (earlier === undefined) break
    site = earlier
  }
  // A skip that still has a reference (a pin could not be placed, an
  // ignore comment) names the image the build uses all the same.
  if (site.skip !== undefined && site.ref === undefined) {
    return {
      ok: false,
      why: `${file}:${site.line}: the final stage's base "${site.image}" is not an image Freshbase can look up: ${site.skip?.message ?? ''}`
    }
  }
  return { ok: true, base: site.image, line: site.line }
}

/** The FROM starting the stage `name` (case-insensitive, as BuildKit), before stage index `before`. */
function stageNamed(
  froms: readonly ImageSite[],
  name: string,
  before: number
): ImageSite | undefined {
  const wanted = name.toLowerCase()
  return froms.find(
    s =>
      (s.stage?.index ?? 0) < before &&
      s.stage?.name !== undefined &&
      s.stage.name.toLowerCase() === wanted
  )
}
