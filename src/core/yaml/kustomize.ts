/** Placeholder: the kustomize scanner (issue 10). */
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'

export function scanKustomization(yaml: YamlFile): ImageSite[] {
  return yaml.documents.length < 0 ? [] : []
}
