/**
 * Why a GitLab image with a variable cannot be pinned, for the two shapes
 * that deserve more than scalar.ts's general sentence: the Dependency Proxy
 * prefix (`$CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/…`, YAML.md §4.1) and a
 * CI/CD input (`$[[ inputs.x ]]`).
 */

const PROXY =
  /^\$\{?(CI_DEPENDENCY_PROXY_(?:DIRECT_)?GROUP_IMAGE_PREFIX)\}?\/(.+)$/
const INPUT = /\$\[\[[^\]]*\]\]/

/** The reason for `value` at `yamlPath`, or undefined to keep the general one. */
export function gitlabVariableReason(
  yamlPath: string,
  value: string
): string | undefined {
  const proxy = PROXY.exec(value)
  const variable = proxy?.[1]
  const image = proxy?.[2]
  if (variable !== undefined && image !== undefined) {
    return `${yamlPath} pulls ${image} through the Dependency Proxy prefix ($${variable}), which GitLab fills in when the job runs; Freshbase does not look images up through the proxy. Write the image without the prefix to let Freshbase pin it, or add "# freshbase: ignore" to keep the proxy.`
  }
  const input = INPUT.exec(value)?.[0]
  if (input !== undefined) {
    return `${yamlPath} uses a CI/CD input (${input}), which GitLab fills in when the pipeline is created; write the image literally to let Freshbase pin it, or pin it where the input is given.`
  }
  return undefined
}
