/**
 * npm run demo: the whole CLI flow offline. Starts the real Distribution
 * registry on 127.0.0.1, seeds it with sample images, writes a sample
 * repository, then runs the bundled CLI (dist/cli.js) exactly as a user
 * would: check → apply (with the diff) → check again (nothing left to do).
 * Docker Hub and GHCR names resolve through --registry-map to the local
 * registry, and the files keep their original names.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runAction } from '../__tests__/support/action-runner.js'
import { startGitHubStandIn } from '../__tests__/support/github-stand-in.js'
import { startRegistry } from '../__tests__/support/registry.js'

const registry = await startRegistry()
const dir = await mkdtemp(join(tmpdir(), 'freshbase-demo-'))
try {
  const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
  await registry.seedImage('library/node', '20-bookworm-slim', { platforms })
  const oldPython = await registry.seedImage('library/python', '3.12-slim', {
    platforms
  })
  await registry.seedImage('library/python', '3.12-slim', { platforms }) // upstream moved the tag
  await registry.seedImage('library/golang', '1.23', { platforms })
  await registry.seedImage('library/alpine', '3.20', { platforms })
  await registry.seedImage('docker/dockerfile', '1', { platforms })
  await registry.seedImage('acme/toolbox', '2.1', {
    platforms: ['linux/amd64']
  })

  const files: Record<string, string> = {
    'web/Dockerfile': [
      '# syntax=docker/dockerfile:1',
      'ARG NODE_IMAGE="node:20-bookworm-slim"',
      '',
      'FROM ${NODE_IMAGE} AS deps',
      'WORKDIR /app',
      'COPY package*.json ./',
      'RUN npm ci',
      '',
      'FROM deps AS build',
      'COPY . .',
      'RUN npm run build',
      '',
      'FROM ${NODE_IMAGE}',
      'COPY --from=build /app/dist /app',
      'CMD ["node", "/app/index.js"]',
      ''
    ].join('\n'),
    'api/Dockerfile': [
      `FROM --platform=linux/arm64 python:3.12-slim@${oldPython.indexDigest} AS base`,
      'RUN <<EOF',
      'echo "FROM this-is-not-an-instruction:1" > /notes.txt',
      'EOF',
      'COPY --from=ghcr.io/acme/toolbox:2.1 /bin/tool /usr/local/bin/tool',
      ''
    ].join('\n'),
    'worker/worker.Dockerfile': [
      'FROM golang:1.23 AS build',
      'RUN --mount=type=cache,target=/root/.cache go build ./...',
      'FROM \\',
      '  # the runtime stage',
      '  alpine:3.20',
      'COPY --from=build /out/worker /worker',
      ''
    ].join('\r\n'),
    'legacy/Dockerfile': 'FROM node:14-does-not-exist\n'
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), text)
  }

  const map = [
    '--registry-map',
    `docker.io=${registry.host}`,
    '--registry-map',
    `ghcr.io=${registry.host}`
  ]
  const freshbase = (title: string, args: string[]): void => {
    console.log(`\n$ freshbase ${args.join(' ')}    # ${title}\n`)
    const result = spawnSync(
      process.execPath,
      ['dist/cli.js', ...args, ...map],
      {
        stdio: 'inherit',
        env: { ...process.env, DOCKER_CONFIG: join(dir, '.no-docker-config') }
      }
    )
    console.log(`(exit status ${result.status ?? 'killed'})`)
  }

  console.log(
    `Local registry: ${registry.host} (Docker Hub and GHCR names map to it)`
  )
  console.log(`Sample repository: ${dir}`)
  freshbase('dry run: nothing is written', ['check', dir])
  freshbase('rewrite the files, show the diff', ['apply', dir, '--diff'])
  freshbase('a second run has nothing left to do', ['check', dir])
  await actionDemo(files, registry.host)
} finally {
  await rm(dir, { recursive: true, force: true })
  await registry.stop()
}

/**
 * The Action path: the bundled dist/index.js run as the runner runs it,
 * against a local GitHub API stand-in (OpenAPI-checked, state in a real git
 * repository) holding the same sample files. Prints the pull request it
 * opened and the rebuild it dispatched.
 */
async function actionDemo(
  files: Record<string, string>,
  registryHost: string
): Promise<void> {
  const token = 'ghs_demo-token-not-a-secret'
  const github = await startGitHubStandIn({
    owner: 'acme',
    repo: 'shop',
    files: {
      ...files,
      // A workflow the user already has: it declares only `files`, so the
      // rebuild is dispatched with that input alone.
      '.github/workflows/rebuild.yml':
        'name: Rebuild\non:\n  workflow_dispatch:\n    inputs:\n      files:\n        description: JSON array of the Dockerfiles to build\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$FILES"\n'
    },
    token
  })
  try {
    console.log(
      '\n$ uses: freshbase (the Action, against a local GitHub API stand-in)\n'
    )
    const run = await runAction({
      apiUrl: github.url,
      repository: 'acme/shop',
      token,
      inputs: {
        'registry-map': `docker.io=${registryHost}\nghcr.io=${registryHost}`,
        'rebuild-workflow': 'rebuild.yml',
        labels: 'dependencies'
      }
    })
    const pull = github.pulls[0]
    console.log(
      `(exit status ${run.code ?? 'killed'}; outputs: pull-request-operation=${run.outputs['pull-request-operation'] ?? ''}, branch=${run.outputs['branch'] ?? ''})`
    )
    if (pull !== undefined) {
      console.log(`\nPull request #${pull.number}: ${pull.title}`)
      console.log(
        `head ${pull.head.ref} → base ${pull.base.ref}, labels: ${pull.labels.join(', ')}\n`
      )
      console.log(pull.body ?? '')
    }
    const [commit] = await github.log('freshbase/all')
    if (commit !== undefined) {
      console.log(
        `\nCommit ${commit.sha.slice(0, 12)} by ${commit.author.name}, verified: ${String(github.isVerified(commit.sha))}`
      )
    }
    for (const dispatch of github.dispatches) {
      console.log(
        `\nDispatched workflow ${String(dispatch.workflow_id)} on ref ${dispatch.ref} with inputs ${JSON.stringify(dispatch.inputs)}`
      )
    }
    const again = await runAction({
      apiUrl: github.url,
      repository: 'acme/shop',
      token,
      inputs: {
        'registry-map': `docker.io=${registryHost}\nghcr.io=${registryHost}`
      }
    })
    console.log(
      `\nA second run: pull-request-operation=${again.outputs['pull-request-operation'] ?? ''} (no write call)`
    )
  } finally {
    await github.stop()
  }
}
