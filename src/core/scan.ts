/**
 * One entry for every kind of file (issue 10): the scanner the kind names.
 * The rewrite check (rewrite.ts) re-scans with the same kind, so a YAML
 * edit is held to the same guarantees as a Dockerfile edit.
 */
import { scanDockerfile } from './dockerfile/scan.js'
import type { FileKind } from './file-kind.js'
import type { ImageSite } from './image-site.js'
import { scanAction } from './yaml/action.js'
import { scanCompose } from './yaml/compose.js'
import type { YamlFile } from './yaml/document.js'
import { parseYaml } from './yaml/document.js'
import { scanGitlabCi } from './yaml/gitlab-ci.js'
import { scanHelmValues } from './yaml/helm-values.js'
import { looksLikeKubernetes, scanKubernetes } from './yaml/kubernetes.js'
import { scanKustomization } from './yaml/kustomize.js'
import { scanWorkflow } from './yaml/workflow.js'

const YAML_SCANNERS: Readonly<
  Record<Exclude<FileKind, 'dockerfile'>, (yaml: YamlFile) => ImageSite[]>
> = {
  compose: scanCompose,
  kubernetes: scanKubernetes,
  kustomize: scanKustomization,
  'helm-values': scanHelmValues,
  workflow: scanWorkflow,
  action: scanAction,
  'gitlab-ci': scanGitlabCi
}

/**
 * Every image mention in one file of the given kind. A YAML file of no
 * telling name (`kubernetes`) is parsed only when a cheap content check
 * says it can hold a manifest with images; a file that is a template or
 * not valid YAML gives one `file` site saying so.
 */
export function scanFile(
  file: string,
  text: string,
  kind: FileKind = 'dockerfile'
): ImageSite[] {
  if (kind === 'dockerfile') return scanDockerfile(file, text)
  if (!needsParse(kind, text)) return []
  const parsed = parseYaml(file, kind, text)
  if (!parsed.ok) return [parsed.site]
  return YAML_SCANNERS[kind](parsed.yaml)
}

/**
 * Whether scanFile parses the file as YAML: never a Dockerfile; always a
 * kind its name gives; a YAML file of no telling name (`kubernetes`) only
 * when the content check says it can hold a manifest with images. The scan
 * stage counts with it (issue 10, "Performance": what is not parsed is
 * measured, not claimed).
 */
export function needsParse(kind: FileKind, text: string): boolean {
  if (kind === 'dockerfile') return false
  return kind !== 'kubernetes' || looksLikeKubernetes(text)
}
