/**
 * GitHub workflow files (.github/workflows/*.yml): the places that run an
 * image (YAML.md §3.1, actions/languageservices workflow-v1.0.json):
 * - `jobs.<id>.container`: a string, or a mapping with `image`;
 * - `jobs.<id>.services.<id>`: a mapping with `image`, or a string (the
 *   schema's `services-container` is one of `non-empty-string` and
 *   `service-container-mapping`);
 * - `jobs.<id>.steps[*].uses: docker://…`.
 * Values with `${{ }}` expressions are skipped with the reason (scalar.ts);
 * an empty string is GitHub's "no container here", said as such.
 */
import { isMap } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGet, mapGetRaw, resolved } from './document.js'
import type { GithubScan } from './workflow-place.js'
import {
  dockerStepSites,
  githubScan,
  githubSite,
  rawEntries
} from './workflow-place.js'

export function scanWorkflow(yaml: YamlFile): ImageSite[] {
  const sites: ImageSite[] = []
  for (const document of yaml.documents) {
    const scan = githubScan(yaml, document)
    const jobs = mapGet(document, document.contents, 'jobs')
    for (const [id, job] of rawEntries(document, jobs)) {
      sites.push(...jobSites(scan, id, job))
    }
  }
  return sites
}

function jobSites(scan: GithubScan, id: string, job: unknown): ImageSite[] {
  const { document } = scan
  const sites = [containerSite(scan, id, mapGetRaw(document, job, 'container'))]
  const services = mapGetRaw(document, job, 'services')
  for (const [name, service] of rawEntries(document, services)) {
    sites.push(serviceSite(scan, `jobs.${id}.services.${name}`, service))
  }
  const steps = mapGet(document, job, 'steps')
  return [
    ...sites.filter((site): site is ImageSite => site !== undefined),
    ...dockerStepSites(scan, steps, `jobs.${id}.steps`)
  ]
}

function containerSite(
  scan: GithubScan,
  id: string,
  container: unknown
): ImageSite | undefined {
  const mapped = isMap(resolved(scan.document, container))
  const yamlPath = `jobs.${id}.container${mapped ? '.image' : ''}`
  const raw = mapped ? mapGetRaw(scan.document, container, 'image') : container
  return githubSite(scan, raw, {
    source: 'job-container',
    yamlPath,
    empty: `${yamlPath} is empty, so the job runs directly on the runner; there is no image to pin.`
  })
}

function serviceSite(
  scan: GithubScan,
  path: string,
  service: unknown
): ImageSite | undefined {
  const mapped = isMap(resolved(scan.document, service))
  const yamlPath = mapped ? `${path}.image` : path
  const raw = mapped ? mapGetRaw(scan.document, service, 'image') : service
  return githubSite(scan, raw, {
    source: 'service-container',
    yamlPath,
    empty: `${yamlPath} is empty, so GitHub does not start this service; there is no image to pin.`
  })
}
