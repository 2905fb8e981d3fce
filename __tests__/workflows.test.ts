/**
 * The GitHub workflows cannot run here, so this holds what can be checked
 * without GitHub: every workflow parses and has the shape the runner needs,
 * every local action (uses: ./) exists and declares the inputs and outputs
 * the workflow uses, every npm script and repository file a step names
 * exists, and the real-registries job covers the registries it promises.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface Step {
  readonly id?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
  readonly env?: Record<string, unknown>
}
interface Job {
  readonly 'runs-on'?: unknown
  readonly steps?: readonly Step[]
}
interface Workflow {
  readonly name?: string
  readonly on?: Record<string, unknown>
  readonly jobs?: Record<string, Job>
}

const DIR = '.github/workflows'
const files = readdirSync(DIR).filter(f => /\.ya?ml$/.test(f))
const workflows = files.map(
  file =>
    [file, parse(readFileSync(join(DIR, file), 'utf8')) as Workflow] as const
)
const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts

function steps(workflow: Workflow): (Step & { job: string })[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, spec]) =>
    (spec.steps ?? []).map(step => ({ ...step, job }))
  )
}

function strings(step: Step): string[] {
  return [
    step.run ?? '',
    ...Object.values(step.with ?? {}).map(String),
    ...Object.values(step.env ?? {}).map(String)
  ]
}

describe('GitHub workflows', () => {
  it('there are workflows, and the real-registries one among them', () => {
    expect(files).toContain('ci.yml')
    expect(files).toContain('real-registries.yml')
  })

  it.each(workflows)(
    '%s: named, triggered, every job has runs-on and steps that each use or run',
    (_file, workflow) => {
      expect(typeof workflow.name).toBe('string')
      expect(Object.keys(workflow.on ?? {}).length).toBeGreaterThan(0)
      const jobs = Object.values(workflow.jobs ?? {})
      expect(jobs.length).toBeGreaterThan(0)
      for (const job of jobs) {
        expect(job['runs-on']).toBeDefined()
        expect(job.steps?.length).toBeGreaterThan(0)
        for (const step of job.steps ?? [])
          expect(
            [step.uses, step.run].filter(x => x !== undefined)
          ).toHaveLength(1)
      }
    }
  )

  it.each(workflows)(
    '%s: remote actions are pinned to a ref; local ones exist with the inputs and outputs used',
    (_file, workflow) => {
      for (const step of steps(workflow)) {
        if (step.uses === undefined) continue
        if (!step.uses.startsWith('./')) {
          expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[\w.-]+$/)
          continue
        }
        const actionFile = join(step.uses, 'action.yml')
        expect(existsSync(actionFile), actionFile).toBe(true)
        const action = parse(readFileSync(actionFile, 'utf8')) as {
          inputs?: Record<string, unknown>
          outputs?: Record<string, unknown>
        }
        for (const input of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs ?? {}), `input ${input}`).toContain(
            input
          )
        if (step.id === undefined) continue
        const used = steps(workflow)
          .filter(other => other.job === step.job)
          .flatMap(strings)
          .flatMap(text => [
            ...text.matchAll(
              new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g')
            )
          ])
          .map(match => match[1])
        for (const output of used)
          expect(
            Object.keys(action.outputs ?? {}),
            `output ${output}`
          ).toContain(output)
      }
    }
  )

  it.each(workflows)(
    '%s: every npm script and repository path a step names exists',
    (_file, workflow) => {
      for (const step of steps(workflow)) {
        for (const text of strings(step)) {
          for (const [, script] of text.matchAll(
            /\bnpm run (?:-s |--silent )?([\w:-]+)/g
          ))
            expect(Object.keys(scripts), `npm run ${script}`).toContain(script)
          for (const [, path] of text.matchAll(
            /(?<![\w$/.-])((?:__tests__|scripts|src|dist|bench|demo|\.github)\/[\w./-]*)/g
          ))
            expect(existsSync((path ?? '').replace(/\.+$/, '')), path).toBe(
              true
            )
        }
        const versionFile = step.with?.['node-version-file']
        if (typeof versionFile === 'string')
          expect(existsSync(versionFile), versionFile).toBe(true)
      }
    }
  )

  it('the real-registries job is scheduled and can be started by hand, and its fixture names Docker Hub, GHCR, Quay and registry.k8s.io', () => {
    const workflow = workflows.find(
      ([file]) => file === 'real-registries.yml'
    )?.[1]
    const fixture = '__tests__/fixtures/real-registries'
    const hosts = readdirSync(fixture, { recursive: true })
      .map(String)
      .filter(file => file.endsWith('Dockerfile'))
      .flatMap(file =>
        [
          ...readFileSync(join(fixture, file), 'utf8').matchAll(
            /^FROM\s+([^/\s]+)\//gim
          )
        ].map(m => m[1] ?? '')
      )

    expect(Object.keys(workflow?.on ?? {})).toEqual(
      expect.arrayContaining([
        'schedule',
        'workflow_dispatch',
        'push',
        'pull_request'
      ])
    )
    expect(
      steps(workflow ?? {}).some(step => step.run?.includes(`check ${fixture}`))
    ).toBe(true)
    expect([...new Set(hosts)].sort((a, b) => (a < b ? -1 : 1))).toEqual([
      'docker.io',
      'ghcr.io',
      'quay.io',
      'registry.k8s.io'
    ])
  })
})
