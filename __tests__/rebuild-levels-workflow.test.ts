/**
 * The receiving workflow the README shows for in-repo chains (issue 11
 * part 1; the README block is __tests__/fixtures/chains/rebuild-levels.yml
 * verbatim). GitHub cannot run here, so this holds what can be checked:
 * the YAML parses, each level job builds the matrix of its own level after
 * the one before, only PR-scoped tags are pushed, and the shell steps (run
 * with bash and jq, as on the runner) compute the levels, the tag and the
 * build contexts that hand each level the images built before it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface Step {
  readonly id?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, string>
  readonly env?: Record<string, string | number>
}
interface Job {
  readonly needs?: string | string[]
  readonly if?: string
  readonly strategy?: { matrix?: Record<string, string> }
  readonly steps: Step[]
}
interface Workflow {
  readonly on: {
    workflow_dispatch: { inputs: Record<string, { default?: string }> }
  }
  readonly env: { IMAGES: string }
  readonly jobs: Record<string, Job>
}

const FILE = '__tests__/fixtures/chains/rebuild-levels.yml'
const workflow = parse(readFileSync(FILE, 'utf8')) as Workflow
const LEVELS = [['base/Dockerfile'], ['mid/Dockerfile'], ['app/Dockerfile']]

/** Runs a step's script with bash as the runner does; returns what it wrote to GITHUB_OUTPUT. */
function runStep(
  step: Step,
  env: Record<string, string>
): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'freshbase-workflow-'))
  try {
    const output = join(dir, 'output')
    execFileSync('bash', ['-e', '-c', step.run ?? ''], {
      env: {
        PATH: process.env['PATH'],
        GITHUB_OUTPUT: output,
        IMAGES: workflow.env.IMAGES,
        ...env
      }
    })
    return parseOutputs(readFileSync(output, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `name=value` lines and `name<<DELIM … DELIM` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const block = /^([\w-]+)<<(\w+)$/.exec(line)
    if (block !== null) {
      const value: string[] = []
      for (i++; lines[i] !== block[2]; i++) value.push(lines[i] ?? '')
      out[block[1] ?? ''] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

const planStep = (): Step => {
  const step = workflow.jobs['plan']?.steps.find(s => s.id === 'plan')
  if (step === undefined) throw new Error('no plan step')
  return step
}

describe('the README rebuild-by-levels workflow', () => {
  it('is dispatchable with files and levels', () => {
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual([
      'files',
      'levels'
    ])
  })

  it.each([0, 1, 2])(
    'level %i builds its own level, after the level before, when there is one',
    n => {
      const job = workflow.jobs[`level${n}`]
      expect(job).toBeDefined()
      const needs = [job?.needs ?? []].flat()
      expect(needs).toEqual(n === 0 ? ['plan'] : ['plan', `level${n - 1}`])
      expect(job?.if).toBe(`needs.plan.outputs.depth > ${n}`)
      expect(job?.strategy?.matrix?.['dockerfile']).toBe(
        `\${{ fromJSON(needs.plan.outputs.level${n}) }}`
      )
      const contexts = job?.steps.find(s => s.id === 'contexts')
      expect(contexts?.env?.['LEVEL']).toBe(n)
      const build = job?.steps.find(s =>
        s.uses?.startsWith('docker/build-push-action@')
      )
      expect(build?.with).toMatchObject({
        file: '${{ matrix.dockerfile }}',
        context: '${{ fromJSON(env.IMAGES)[matrix.dockerfile].context }}',
        'build-contexts': '${{ steps.contexts.outputs.value }}',
        push: true,
        // Only the PR-scoped tag, never the production one.
        tags: '${{ fromJSON(env.IMAGES)[matrix.dockerfile].repo }}:${{ needs.plan.outputs.tag }}'
      })
    }
  )

  it('the plan step splits the levels and makes a tag-safe PR tag', () => {
    const out = runStep(planStep(), {
      LEVELS: JSON.stringify(LEVELS),
      BRANCH: 'freshbase/all'
    })

    expect(out).toEqual({
      tag: 'pr-freshbase-all',
      depth: '3',
      level0: '["base/Dockerfile"]',
      level1: '["mid/Dockerfile"]',
      level2: '["app/Dockerfile"]'
    })
    const two = runStep(planStep(), {
      LEVELS: JSON.stringify([
        ['a/Dockerfile', 'b/Dockerfile'],
        ['c/Dockerfile']
      ]),
      BRANCH: 'freshbase/node-20'
    })
    expect(two).toMatchObject({ depth: '2', level2: '[]' })
    expect(runStep(planStep(), { LEVELS: '', BRANCH: 'x' })['depth']).toBe('0')
  })

  it('the plan step refuses more levels than it has jobs for', () => {
    expect(() =>
      runStep(planStep(), {
        LEVELS: JSON.stringify([['a'], ['b'], ['c'], ['d']]),
        BRANCH: 'x'
      })
    ).toThrow()
  })

  it('each level builds on the PR-tagged images of the levels before it', () => {
    const contexts = (n: number): string => {
      const step = workflow.jobs[`level${n}`]?.steps.find(
        s => s.id === 'contexts'
      )
      if (step === undefined) throw new Error('no contexts step')
      return (
        runStep(step, {
          LEVELS: JSON.stringify(LEVELS),
          LEVEL: String(n),
          TAG: 'pr-freshbase-all'
        })['value'] ?? ''
      )
    }

    expect(contexts(0)).toBe('')
    expect(contexts(1)).toBe(
      'ghcr.io/acme/base:1=docker-image://ghcr.io/acme/base:pr-freshbase-all'
    )
    expect(contexts(2)).toBe(
      [
        'ghcr.io/acme/base:1=docker-image://ghcr.io/acme/base:pr-freshbase-all',
        'ghcr.io/acme/mid:1=docker-image://ghcr.io/acme/mid:pr-freshbase-all'
      ].join('\n')
    )
  })

  it('knows the image and context of every Dockerfile of the levels', () => {
    const images = JSON.parse(workflow.env.IMAGES) as Record<
      string,
      { context: string; repo: string; from: string }
    >
    for (const file of LEVELS.flat()) {
      const image = images[file]
      expect(image?.from.startsWith(`${image.repo}:`)).toBe(true)
      expect(file.startsWith(`${image?.context ?? '?'}/`)).toBe(true)
    }
  })
})
