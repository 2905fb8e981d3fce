import { describe, expect, it } from 'vitest'
import type { Producer } from '../../src/core/chains/model.js'
import { publishedTargets } from '../../src/pipeline/behind-images.js'

function producer(
  over: Partial<Producer> & Pick<Producer, 'repository'>
): Producer {
  return {
    dockerfile: 'app/Dockerfile',
    context: 'app',
    source: 'build-push-action',
    declaredIn: { file: '.github/workflows/build.yml', line: 12 },
    ...over
  }
}

describe('publishedTargets: the images the behind mode checks', () => {
  it('one image per repository and literal tag, with the Dockerfile and target', () => {
    const { targets, unchecked } = publishedTargets([
      producer({
        repository: 'ghcr.io/acme/app',
        tags: ['1', 'latest'],
        target: 'runtime'
      }),
      producer({ repository: 'ghcr.io/acme/app', tags: ['1'] }),
      producer({
        repository: 'docker.io/acme/worker',
        dockerfile: 'worker/Dockerfile',
        tags: ['2'],
        source: 'compose'
      })
    ])
    expect(targets).toEqual([
      {
        image: 'ghcr.io/acme/app:1',
        dockerfile: 'app/Dockerfile',
        target: 'runtime'
      },
      {
        image: 'ghcr.io/acme/app:latest',
        dockerfile: 'app/Dockerfile',
        target: 'runtime'
      },
      { image: 'docker.io/acme/worker:2', dockerfile: 'worker/Dockerfile' }
    ])
    expect(unchecked).toEqual([])
  })

  it('the images setting wins for the Dockerfile; without a tag of its own, the tags said elsewhere count', () => {
    const { targets } = publishedTargets([
      producer({ repository: 'ghcr.io/acme/app', tags: ['1'] }),
      producer({
        repository: 'ghcr.io/acme/app',
        dockerfile: 'images/app.Dockerfile',
        source: 'config',
        declaredIn: { file: "the 'images' setting", line: 1 }
      })
    ])
    expect(targets).toEqual([
      { image: 'ghcr.io/acme/app:1', dockerfile: 'images/app.Dockerfile' }
    ])
  })

  it('the images setting with a tag checks that tag only', () => {
    const { targets } = publishedTargets([
      producer({ repository: 'ghcr.io/acme/app', tags: ['1', 'edge'] }),
      producer({
        repository: 'ghcr.io/acme/app',
        source: 'config',
        tags: ['2']
      })
    ])
    expect(targets.map(t => t.image)).toEqual(['ghcr.io/acme/app:2'])
  })

  it('a tag only known at run time is unknown, with the line to add', () => {
    const { targets, unchecked } = publishedTargets([
      producer({
        repository: 'ghcr.io/acme/meta',
        dockerfile: 'meta/Dockerfile'
      })
    ])
    expect(targets).toEqual([])
    expect(unchecked).toEqual([
      {
        image: 'ghcr.io/acme/meta',
        dockerfile: 'meta/Dockerfile',
        why:
          'ghcr.io/acme/meta (built from meta/Dockerfile, .github/workflows/build.yml:12) has no tag known before the build ' +
          '(docker/metadata-action or an expression sets it), so Freshbase cannot tell which published image to check. ' +
          'Name the tag in the images setting, e.g. "ghcr.io/acme/meta:latest=meta/Dockerfile".'
      }
    ])
  })
})
