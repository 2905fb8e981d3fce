/**
 * Kubernetes manifests (issue 10, YAML.md §2.1): every document that has a
 * string `apiVersion` and `kind` (a file holds any number, `---` apart),
 * read at the places a pod spec lives:
 *
 * - `spec` of a `Pod`;
 * - `template.spec` of a `PodTemplate`;
 * - `spec.template.spec` and `spec.jobTemplate.spec.template.spec` of ANY
 *   kind: the workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet,
 *   ReplicationController, Job; CronJob has the second), and just as well
 *   a custom resource built on a pod template (Argo Rollout, Knative
 *   Service) or a strategic-merge patch, which is a partial workload;
 * - the `items` of a `List` (`kind: List`, `DeploymentList`, …), each read
 *   by the same rule.
 *
 * The pod spec's images are read by pod-spec.ts; yamlPath names the place
 * by index from the document's root: `spec.template.spec.containers[0].image`.
 * Nothing else is read: a ConfigMap's data, an annotation or any other
 * scalar that holds `image: …` text is never taken for an image.
 * Kubernetes expands no variables in an image, so a `$` is a placeholder
 * some other tool fills in, skipped as `variable`.
 */
import type { Document } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGet, seqItems, stringOf } from './document.js'
import { podSpecSites } from './pod-spec.js'

/** Pod spec places by kind (`*`: any kind), as key paths from the resource's root. */
const POD_SPECS: readonly (readonly [string, readonly string[]])[] = [
  ['Pod', ['spec']],
  ['PodTemplate', ['template', 'spec']],
  ['*', ['spec', 'template', 'spec']],
  ['*', ['spec', 'jobTemplate', 'spec', 'template', 'spec']]
]

export function scanKubernetes(yaml: YamlFile): ImageSite[] {
  const sites: ImageSite[] = []
  for (const document of yaml.documents) {
    sites.push(...resourceSites(yaml, document, document.contents, ''))
  }
  // In the order they are written (a stable sort keeps an alias after its anchor's line order).
  return sites.sort((a, b) => a.line - b.line)
}

function resourceSites(
  yaml: YamlFile,
  document: Document.Parsed,
  resource: unknown,
  prefix: string
): ImageSite[] {
  const kind = stringOf(document, mapGet(document, resource, 'kind'))
  const apiVersion = stringOf(
    document,
    mapGet(document, resource, 'apiVersion')
  )
  if (kind === undefined || apiVersion === undefined) return []
  const sites: ImageSite[] = []
  for (const [forKind, keys] of POD_SPECS) {
    if (forKind !== '*' && forKind !== kind) continue
    let node: unknown = resource
    for (const key of keys) node = mapGet(document, node, key)
    if (node === undefined) continue
    sites.push(...podSpecSites(yaml, document, node, prefix + keys.join('.')))
  }
  if (kind.endsWith('List')) {
    const items = seqItems(document, mapGet(document, resource, 'items'))
    for (const [i, item] of items.entries()) {
      sites.push(
        ...resourceSites(yaml, document, item, `${prefix}items[${i}].`)
      )
    }
  }
  return sites
}

/**
 * The cheap content check before a YAML file of any name is parsed as
 * Kubernetes: a manifest says `apiVersion` and `kind`, and a pod spec that
 * names an image (a container's `image:`, an image volume's `image:`) says
 * `image`. Substring tests only: a false positive costs one parse.
 */
export function looksLikeKubernetes(text: string): boolean {
  return (
    text.includes('apiVersion') &&
    text.includes('kind') &&
    text.includes('image')
  )
}
