/** Placeholder: the kubernetes scanner (issue 10). */
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'

export function scanKubernetes(yaml: YamlFile): ImageSite[] {
  return yaml.documents.length < 0 ? [] : []
}

/** The cheap content check before a YAML file of any name is parsed as Kubernetes. */
export function looksLikeKubernetes(text: string): boolean {
  return text.includes('apiVersion') && text.includes('image')
}
