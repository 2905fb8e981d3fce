/** Placeholder: the action scanner (issue 10). */
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'

export function scanAction(yaml: YamlFile): ImageSite[] {
  return yaml.documents.length < 0 ? [] : []
}
