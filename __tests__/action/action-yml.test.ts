import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INPUT_NAMES } from '../../src/action/inputs.js'

const action = parse(readFileSync('action.yml', 'utf8')) as {
  runs: { using: string; main: string }
  branding: { icon: string; color: string }
  inputs: Record<string, { description?: string }>
  outputs: Record<string, { description?: string }>
}

describe('action.yml', () => {
  it('runs on node24 from the committed bundle, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding.icon).not.toBe('')
  })

  it('declares exactly the inputs the action reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('describes every input and output', () => {
    const undocumented = [
      ...Object.entries(action.inputs),
      ...Object.entries(action.outputs)
    ]
      .filter(([, spec]) => (spec.description ?? '').length < 10)
      .map(([name]) => name)
    expect(undocumented).toEqual([])
  })
})

describe('action.yml: evidence settings (issue 9)', () => {
  const inputs = action.inputs as Record<
    string,
    { description?: string; default?: string }
  >

  it('declares platforms, osv and osv-url with their defaults', () => {
    expect(inputs['platforms']?.default).toBeUndefined()
    expect(inputs['osv']?.default).toBe('true')
    expect(inputs['osv-url']?.default).toBe('https://api.osv.dev')
  })

  it('says what to do on an air-gapped runner, and what platforms decides', () => {
    expect(inputs['osv']?.description).toMatch(/air-gapped/)
    expect(inputs['platforms']?.description).toMatch(/not proposed/)
  })

  it('mentions the {fixes} title placeholder', () => {
    expect(inputs['title']?.description).toContain('{fixes}')
  })
})
