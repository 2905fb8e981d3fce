/**
 * npm run demo: the whole CLI flow offline. Starts the real Distribution
 * registry on 127.0.0.1, seeds it with sample images, writes a sample
 * repository, then runs the bundled CLI (dist/cli.js) exactly as a user
 * would: check → check --explain → apply (with the diff) → check again
 * (nothing left to do). Docker Hub and GHCR names resolve through
 * --registry-map to the local registry, and the files keep their original
 * names.
 *
 * Evidence (issue 9): python:3.12-slim moved to a rebuild that carries
 * BuildKit attestations (a syft SBOM in the OCI-artifact format, SLSA v1
 * provenance, Docker Official Images source annotations) with newer
 * openssl packages, and an OSV stand-in on loopback knows the
 * vulnerabilities the old openssl had: --explain and the pull request show
 * what the bump fixes, the package delta and the source compare link.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runAction } from '../__tests__/support/action-runner.js'
import {
  seedPackageBump,
  seedVersion,
  sourceAnnotations
} from '../__tests__/support/attestations.js'
import type { Bump, SeedPackage } from '../__tests__/support/attestations.js'
import { startGitHubStandIn } from '../__tests__/support/github-stand-in.js'
import { startOsvStandIn } from '../__tests__/support/osv-stand-in.js'
import type { OsvStandInRecord } from '../__tests__/support/osv-stand-in.js'
import { startRegistry } from '../__tests__/support/registry.js'
import type { TestRegistry } from '../__tests__/support/registry.js'

const PYTHON_SOURCE = 'https://github.com/docker-library/python'
const ALPINE_SOURCE = 'https://github.com/alpinelinux/docker-alpine'
const OPENSSL_OLD = '3.0.14-1~deb12u1'
const OPENSSL_NEW = '3.0.15-1~deb12u1'

function pythonPackages(openssl: string): SeedPackage[] {
  return [
    { name: 'base-files', version: '12.4+deb12u7' },
    { name: 'libc6', version: '2.36-9+deb12u8', source: 'glibc' },
    { name: 'libssl3', version: openssl, source: 'openssl' },
    { name: 'openssl', version: openssl }
  ]
}

/** What OSV knows about the old openssl of Debian 12 (shapes of real records). */
const OSV_RECORDS: OsvStandInRecord[] = [
  {
    id: 'DEBIAN-CVE-2024-5535',
    modified: '2024-09-03T00:00:00Z',
    summary: 'SSL_select_next_proto buffer overread',
    upstream: ['CVE-2024-5535'],
    severity: [
      {
        type: 'CVSS_V3',
        score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H'
      }
    ],
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        versions: [OPENSSL_OLD]
      }
    ]
  },
  {
    id: 'DEBIAN-CVE-2024-6119',
    modified: '2024-09-03T00:00:00Z',
    summary: 'Possible denial of service in X.509 name checks',
    upstream: ['CVE-2024-6119'],
    severity: [
      {
        type: 'CVSS_V3',
        score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'
      }
    ],
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        versions: [OPENSSL_OLD]
      }
    ]
  }
]

/** python:3.12-slim, rebuilt upstream with a newer openssl: the tag moved. */
async function seedPython(
  registry: TestRegistry,
  platforms: string[]
): Promise<Bump> {
  const version = (openssl: string, revision: string) =>
    ({
      sbom: { style: 'syft-debian', packages: pythonPackages(openssl) },
      provenance: { slsa: 'v1', repo: PYTHON_SOURCE, revision },
      annotations: {
        index: sourceAnnotations(PYTHON_SOURCE, revision, '3.12/slim-bookworm')
      }
    }) as const
  return seedPackageBump(
    registry,
    {
      repository: 'library/python',
      tag: '3.12-slim',
      platforms,
      attestationFormat: 'oci',
      statement: 'v1',
      ...version(OPENSSL_OLD, '5b1d5c4e0a3f6b2d9e8c7a6f5e4d3c2b1a098765')
    },
    version(OPENSSL_NEW, '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b')
  )
}

const registry = await startRegistry()
const osv = await startOsvStandIn({ records: OSV_RECORDS })
const dir = await mkdtemp(join(tmpdir(), 'freshbase-demo-'))
try {
  const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
  await registry.seedImage('library/node', '20-bookworm-slim', { platforms })
  const python = await seedPython(registry, platforms)
  await registry.seedImage('library/golang', '1.23', { platforms })
  await seedVersion(registry, {
    repository: 'library/alpine',
    tag: '3.20',
    platforms,
    annotations: {
      index: sourceAnnotations(
        ALPINE_SOURCE,
        '0b3c5f7d9e1a2c4b6d8f0e2a4c6b8d0f1e3a5c7b',
        'x86_64'
      )
    }
  })
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
      `FROM --platform=linux/arm64 python:3.12-slim@${python.old.indexDigest} AS base`,
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
    `ghcr.io=${registry.host}`,
    '--osv-url',
    osv.url
  ]
  // Asynchronously: the OSV stand-in answers from this process's event loop.
  const freshbase = async (title: string, args: string[]): Promise<void> => {
    console.log(`\n$ freshbase ${args.join(' ')}    # ${title}\n`)
    const child = spawn(process.execPath, ['dist/cli.js', ...args, ...map], {
      stdio: 'inherit',
      env: { ...process.env, DOCKER_CONFIG: join(dir, '.no-docker-config') }
    })
    const status = await new Promise<number | null>(done =>
      child.on('close', done)
    )
    console.log(`(exit status ${status ?? 'killed'})`)
  }

  console.log(
    `Local registry: ${registry.host} (Docker Hub and GHCR names map to it)`
  )
  console.log(`OSV stand-in: ${osv.url} (passed as --osv-url / osv-url)`)
  console.log(`Sample repository: ${dir}`)
  await freshbase('dry run: nothing is written', ['check', dir])
  await freshbase(
    'what each change brings (vulnerabilities, packages, source)',
    ['check', join(dir, 'api'), '--explain']
  )
  await freshbase('rewrite the files, show the diff', ['apply', dir, '--diff'])
  await freshbase('a second run has nothing left to do', ['check', dir])
  await actionDemo(files, registry.host, osv.url)
} finally {
  await rm(dir, { recursive: true, force: true })
  await osv.close()
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
  registryHost: string,
  osvUrl: string
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
    const inputs = {
      'registry-map': `docker.io=${registryHost}\nghcr.io=${registryHost}`,
      'rebuild-workflow': 'rebuild.yml',
      labels: 'dependencies',
      'osv-url': osvUrl
    }
    const run = await runAction({
      apiUrl: github.url,
      repository: 'acme/shop',
      token,
      inputs
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
    printEvidenceOutput(run.outputs['updates'])
    const writes = github.writes().length
    const again = await runAction({
      apiUrl: github.url,
      repository: 'acme/shop',
      token,
      inputs
    })
    const written = github.writes().length - writes
    console.log(
      `\nA second run: pull-request-operation=${again.outputs['pull-request-operation'] ?? ''} (${written === 0 ? 'no write call' : `${written} write calls`})`
    )
  } finally {
    await github.stop()
  }
}

/** The `updates` output: each entry carries its bump's evidence. */
function printEvidenceOutput(updates: string | undefined): void {
  const entries = JSON.parse(updates ?? '[]') as {
    image?: string
    evidence?: { vulnerabilities?: unknown } | null
  }[]
  const bumped = entries.find(e => e.image?.includes('python') === true)
  if (bumped?.evidence == null) return
  console.log(
    `\nOutput updates[].evidence.vulnerabilities of ${(bumped.image ?? '').split('@')[0] ?? ''}: ${JSON.stringify(bumped.evidence.vulnerabilities)}`
  )
}
