/** Placeholder: the gitlab-ci scanner (issue 10). */
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'

export function scanGitlabCi(yaml: YamlFile): ImageSite[] {
  return yaml.documents.length < 0 ? [] : []
}

/** The files `.gitlab-ci.yml` includes by local path (`include: local`), repository-relative. */
export function gitlabLocalIncludes(file: string, text: string): string[] {
  return file.length + text.length < 0 ? [] : []
}
