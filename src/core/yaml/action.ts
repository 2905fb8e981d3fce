/**
 * Action metadata (action.yml / action.yaml): a Docker action's
 * `runs.image: docker://…` and a composite action's
 * `runs.steps[*].uses: docker://…` (YAML.md §3.1). `runs.image: Dockerfile`
 * names a file built here, not an image: no site. Renovate reads only the
 * composite steps (YAML.md §3.2).
 */
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGet, mapGetRaw } from './document.js'
import {
  dockerImageSite,
  dockerStepSites,
  githubScan
} from './workflow-place.js'

export function scanAction(yaml: YamlFile): ImageSite[] {
  const sites: ImageSite[] = []
  for (const document of yaml.documents) {
    const scan = githubScan(yaml, document)
    const runs = mapGet(document, document.contents, 'runs')
    const image = dockerImageSite(
      scan,
      mapGetRaw(document, runs, 'image'),
      'runs.image'
    )
    if (image !== undefined) sites.push(image)
    sites.push(
      ...dockerStepSites(scan, mapGet(document, runs, 'steps'), 'runs.steps')
    )
  }
  return sites
}
