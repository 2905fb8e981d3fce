/**
 * Which kind of file a path is (issue 10), from its name alone: the walk
 * selects by name, and a scanner is chosen by kind (core/scan.ts). A YAML
 * file whose name says nothing (`deploy/app.yaml`) is `yaml`: a Kubernetes
 * manifest when a cheap content check says so (core/yaml/kubernetes.ts).
 * A file included by `.gitlab-ci.yml` becomes `gitlab-ci` through the
 * include, not its name (pipeline/scan-files.ts).
 */

export type FileKind =
  | 'dockerfile'
  | 'compose'
  | 'kubernetes'
  | 'kustomize'
  | 'helm-values'
  | 'workflow'
  | 'action'
  | 'gitlab-ci'

/** What the `kinds` setting names: one per ecosystem a user turns on or off. */
export type KindSetting =
  'dockerfile' | 'compose' | 'kubernetes' | 'github-actions' | 'gitlab-ci'

export const KIND_SETTINGS: readonly KindSetting[] = [
  'dockerfile',
  'compose',
  'kubernetes',
  'github-actions',
  'gitlab-ci'
]

/** The setting that turns a kind on. */
export function settingOf(kind: FileKind): KindSetting {
  switch (kind) {
    case 'dockerfile':
    case 'compose':
    case 'gitlab-ci':
      return kind
    case 'kubernetes':
    case 'kustomize':
    case 'helm-values':
      return 'kubernetes'
    case 'workflow':
    case 'action':
      return 'github-actions'
  }
}

/** Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.*, Containerfile.* */
export function isDockerfileName(name: string): boolean {
  return (
    name === 'Dockerfile' ||
    name === 'Containerfile' ||
    /^.+\.(?:Dockerfile|dockerfile)$/.test(name) ||
    /^(?:Dockerfile|Containerfile)\..+$/.test(name)
  )
}

/**
 * compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml and
 * their variants (compose.override.yaml, compose.prod.yaml,
 * docker-compose.dev.yml, docker-compose-ci.yml): YAML.md §1.2.
 */
const COMPOSE = /^(?:docker-)?compose(?:[.-][^/]+)?\.ya?ml$/
/** GitHub runs only the files directly in .github/workflows. */
const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/
const ACTION = /^action\.ya?ml$/
const GITLAB_CI = /^\.gitlab-ci\.ya?ml$/
const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/
/** Helm's values.yaml and the variants charts ship (values-prod.yaml, values.dev.yaml). */
const HELM_VALUES = /^values(?:[.-][^/]*)?\.ya?ml$/
const YAML = /\.ya?ml$/

/**
 * The kind a path's name gives, `yaml` for any other YAML file, undefined
 * for a file no scanner reads.
 */
export function kindByName(path: string): FileKind | 'yaml' | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (isDockerfileName(name)) return 'dockerfile'
  if (WORKFLOW.test(path)) return 'workflow'
  if (ACTION.test(name)) return 'action'
  if (GITLAB_CI.test(name)) return 'gitlab-ci'
  if (COMPOSE.test(name)) return 'compose'
  if (KUSTOMIZATION.test(name)) return 'kustomize'
  if (HELM_VALUES.test(name)) return 'helm-values'
  if (YAML.test(name)) return 'yaml'
  return undefined
}

/**
 * Whether a file of this name can hold images of the turned-on kinds. Any
 * YAML file can be a Kubernetes manifest or a file `.gitlab-ci.yml` includes.
 */
export function selectedByName(
  path: string,
  kinds: ReadonlySet<KindSetting>
): boolean {
  const kind = kindByName(path)
  if (kind === undefined) return false
  if (kind === 'yaml') return kinds.has('kubernetes') || kinds.has('gitlab-ci')
  return kinds.has(settingOf(kind))
}

/** A workflow file: GitHub refuses its change without the Workflows permission (YAML.md §3.4). */
export function isWorkflowPath(path: string): boolean {
  return WORKFLOW.test(path)
}
