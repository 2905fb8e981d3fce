/**
 * GitLab CI files (.gitlab-ci.yml and the files it includes by local path):
 * `image` and `services`, each entry a string or a mapping whose `name` is
 * the image (YAML.md §4.1), at the top level, in `default:` and in every
 * job. A job is any top-level mapping that is not a global keyword; hidden
 * jobs (`.template:`) count too, since jobs reuse them through `extends:`,
 * anchors and `<<` merges. A value that is a `!reference [...]` tag points
 * at a place scanned on its own: not an image here.
 */
import type { Document, Node } from 'yaml'
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { ImageSite, SiteSource } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGetRaw, resolved, stringOf } from './document.js'
import { gitlabVariableReason } from './gitlab-variables.js'
import { scalarSite, skip } from './scalar.js'
import { rawEntries } from './workflow-place.js'

export { gitlabLocalIncludes } from './gitlab-include.js'

/**
 * Top-level keys that are not jobs (GitLab's global keywords, including the
 * deprecated global `cache`, `before_script`, `after_script`).
 */
const GLOBAL_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'spec',
  'cache',
  'before_script',
  'after_script'
])

interface GitlabScan {
  readonly yaml: YamlFile
  readonly document: Document.Parsed
  /** Scalars already reported: a job merged from a template is not a second mention. */
  readonly seen: Set<Node>
}

export function scanGitlabCi(yaml: YamlFile): ImageSite[] {
  const sites: ImageSite[] = []
  for (const document of yaml.documents) {
    const scan: GitlabScan = { yaml, document, seen: new Set() }
    sites.push(...holderSites(scan, document.contents, ''))
    for (const [key, value] of rawEntries(document, document.contents)) {
      if (key === 'image' || key === 'services') continue
      if (key !== 'default' && GLOBAL_KEYWORDS.has(key)) continue
      if (!isMap(resolved(document, value))) continue
      sites.push(...holderSites(scan, value, `${key}.`))
    }
  }
  return sites
}

/** The `image` and `services` of the top level, `default:` or a job. */
function holderSites(
  scan: GitlabScan,
  holder: unknown,
  path: string
): ImageSite[] {
  const { document } = scan
  const sites: ImageSite[] = []
  const image = entrySite(
    scan,
    mapGetRaw(document, holder, 'image'),
    `${path}image`,
    'gitlab-image'
  )
  if (image !== undefined) sites.push(image)
  const services = resolved(document, mapGetRaw(document, holder, 'services'))
  if (isSeq(services) && !isReference(services)) {
    for (const [index, item] of services.items.entries()) {
      const site = entrySite(
        scan,
        item,
        `${path}services[${index}]`,
        'gitlab-service'
      )
      if (site !== undefined) sites.push(site)
    }
  }
  return sites
}

/** A string entry, or a mapping's `name`; anything else (a `!reference`, a list) is not an image. */
function entrySite(
  scan: GitlabScan,
  raw: unknown,
  yamlPath: string,
  source: SiteSource
): ImageSite | undefined {
  const target = resolved(scan.document, raw)
  if (isMap(target)) {
    const name = mapGetRaw(scan.document, target, 'name')
    return entrySite(scan, name, `${yamlPath}.name`, source)
  }
  if (!isScalar(target) || target.value === null) return undefined
  if (!isAlias(raw)) {
    if (scan.seen.has(target)) return undefined
    scan.seen.add(target)
  }
  const site = scalarSite(scan.yaml, scan.document, raw, {
    source,
    yamlPath,
    variables: 'gitlab'
  })
  const value = stringOf(scan.document, raw)
  if (value === '' && site.skip?.code === 'invalid')
    return skip(
      site,
      'scratch',
      `${yamlPath} is empty; there is no image to pin.`
    )
  if (site.skip?.code !== 'variable' || value === undefined) return site
  const reason = gitlabVariableReason(yamlPath, value)
  return reason === undefined ? site : skip(site, 'variable', reason)
}

function isReference(node: Node): boolean {
  return node.tag === '!reference'
}
