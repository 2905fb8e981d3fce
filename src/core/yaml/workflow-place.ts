/**
 * What GitHub workflows (workflow.ts) and action metadata (action.ts) share:
 * an image scalar read with GitHub's rules, and the steps' `uses: docker://…`
 * (YAML.md §3.1). Only these places run an image; strings under `with:`,
 * `env:` and `run:` are never read.
 */
import type { Document, Node } from 'yaml'
import { isAlias, isMap, isScalar } from 'yaml'
import type { ImageSite, SiteSource } from '../image-site.js'
import type { YamlFile } from './document.js'
import {
  mapGetRaw,
  mapPairs,
  resolved,
  seqItems,
  stringOf
} from './document.js'
import { scalarSite, skip } from './scalar.js'

export interface GithubScan {
  readonly yaml: YamlFile
  readonly document: Document.Parsed
  /**
   * Scalars already reported: a job or step reached again through a `<<`
   * merge is the same mention, reported once (an explicit alias is a use of
   * its own and is reported where it is written).
   */
  readonly seen: Set<Node>
}

export function githubScan(
  yaml: YamlFile,
  document: Document.Parsed
): GithubScan {
  return { yaml, document, seen: new Set() }
}

/** A mapping's values as written (aliases kept), merges folded in; [] for anything else. */
export function rawEntries(
  document: Document.Parsed,
  node: unknown
): [string, unknown][] {
  const map = resolved(document, node)
  if (!isMap(map)) return []
  return [...mapPairs(document, map)].map(([key, pair]) => [key, pair.value])
}

export interface GithubPlace {
  readonly source: SiteSource
  readonly yamlPath: string
  readonly prefix?: string
  /** The sentence for an empty string: GitHub reads it as "no container". */
  readonly empty?: string
}

/**
 * One image value: a site, a skip with the reason, or nothing (absent or
 * null, or a merged scalar already reported).
 */
export function githubSite(
  scan: GithubScan,
  raw: unknown,
  place: GithubPlace
): ImageSite | undefined {
  const target = resolved(scan.document, raw)
  if (target === undefined) return undefined
  if (isScalar(target) && target.value === null) return undefined
  if (!isAlias(raw)) {
    if (scan.seen.has(target)) return undefined
    scan.seen.add(target)
  }
  const site = scalarSite(scan.yaml, scan.document, raw, {
    source: place.source,
    yamlPath: place.yamlPath,
    variables: 'github',
    ...(place.prefix === undefined ? {} : { prefix: place.prefix })
  })
  const value = stringOf(scan.document, raw)
  if (
    value === '' &&
    place.empty !== undefined &&
    site.skip?.code !== 'ignored'
  )
    return skip(site, 'scratch', place.empty)
  if (site.skip?.code === 'variable' && value !== undefined)
    return matrixReason(site, value, place.yamlPath)
  return site
}

const MATRIX = /\$\{\{\s*matrix\.[^}]*\}\}/

/**
 * A matrix-provided image (`${{ matrix.image }}`): the values live in
 * `strategy.matrix`, which Freshbase does not read as images (YAML.md §3.2,
 * §6), so the reason says where the value comes from.
 */
function matrixReason(
  site: ImageSite,
  value: string,
  yamlPath: string
): ImageSite {
  const expression = MATRIX.exec(value)?.[0]
  if (expression === undefined) return site
  return skip(
    site,
    'variable',
    `${yamlPath} takes its image from the job's matrix (${expression}), which is only known when the workflow runs; Freshbase does not read matrix values as images. Write the image literally in ${yamlPath} (one job per image) to let Freshbase pin it.`
  )
}

const DOCKER = 'docker://'

/**
 * `steps[*].uses: docker://…` (a job's or a composite action's steps). An
 * action (`actions/checkout@v4`) or a local path (`./action`) is not an
 * image: no site.
 */
export function dockerStepSites(
  scan: GithubScan,
  steps: unknown,
  path: string
): ImageSite[] {
  const sites: ImageSite[] = []
  for (const [index, step] of seqItems(scan.document, steps).entries()) {
    const uses = mapGetRaw(scan.document, step, 'uses')
    if (!stringOf(scan.document, uses)?.startsWith(DOCKER)) continue
    const site = githubSite(scan, uses, {
      source: 'docker-action',
      yamlPath: `${path}[${index}].uses`,
      prefix: DOCKER
    })
    if (site !== undefined) sites.push(site)
  }
  return sites
}

/** action.yml `runs.image: docker://…`; `runs.image: Dockerfile` is a path, not an image. */
export function dockerImageSite(
  scan: GithubScan,
  raw: unknown,
  yamlPath: string
): ImageSite | undefined {
  if (!stringOf(scan.document, raw)?.startsWith(DOCKER)) return undefined
  return githubSite(scan, raw, {
    source: 'docker-action',
    yamlPath,
    prefix: DOCKER
  })
}
