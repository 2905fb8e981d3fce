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
} finally {
  await rm(dir, { recursive: true, force: true })
  await registry.stop()
}
