/**
 * The images one Kubernetes pod spec names (YAML.md §2.1): the `image` of
 * every `initContainers`, `containers` and `ephemeralContainers` entry
 * (source `container`) and every image volume's `volumes[].image.reference`
 * (source `image-volume`). Nothing else in the spec is read, so no string
 * that merely looks like an image (an env value, a ConfigMap's text) is
 * ever taken for one. An entry without `image` (a strategic-merge patch
 * that changes only `resources`) names nothing.
 */
import type { Document } from 'yaml'
import { isMap } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGet, mapGetRaw, seqItems } from './document.js'
import { literalImageSite } from './image-field.js'

const CONTAINER_LISTS = [
  'initContainers',
  'containers',
  'ephemeralContainers'
] as const

/** `path` is where the spec is, e.g. `spec.template.spec`. */
export function podSpecSites(
  yaml: YamlFile,
  document: Document.Parsed,
  spec: unknown,
  path: string
): ImageSite[] {
  const sites: ImageSite[] = []
  for (const list of CONTAINER_LISTS) {
    for (const [i, container] of seqItems(
      document,
      mapGet(document, spec, list)
    ).entries()) {
      const image = mapGetRaw(document, container, 'image')
      if (image === undefined) continue
      const yamlPath = `${path}.${list}[${i}].image`
      sites.push(
        literalImageSite(
          yaml,
          document,
          image,
          { source: 'container', yamlPath },
          'Kubernetes'
        )
      )
    }
  }
  for (const [i, volume] of seqItems(
    document,
    mapGet(document, spec, 'volumes')
  ).entries()) {
    const source = mapGet(document, volume, 'image')
    if (!isMap(source)) continue
    const reference = mapGetRaw(document, source, 'reference')
    if (reference === undefined) continue
    const yamlPath = `${path}.volumes[${i}].image.reference`
    sites.push(
      literalImageSite(
        yaml,
        document,
        reference,
        { source: 'image-volume', yamlPath },
        'Kubernetes'
      )
    )
  }
  return sites
}
