/**
 * The scan stage's counts (issue 10, "Performance"): YAML files of no
 * telling name are parsed only when the content check says they can hold
 * images, and the count says how many were turned away (the benchmark
 * reads it from the --verbose debug line).
 */
import { describe, expect, test } from 'vitest'
import { KIND_SETTINGS } from '../../src/core/file-kind.js'
import type { FileStore } from '../../src/pipeline/ports.js'
import { describeScan, scanAll } from '../../src/pipeline/scan-files.js'

const repository: Record<string, string> = {
  Dockerfile: 'FROM alpine:3.20\n',
  'compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
  'k8s/app.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: node:20\n',
  // Not valid YAML: were it parsed, it would give an invalid-YAML row.
  'config/app.yaml': 'server: {port: 8080\n',
  'i18n/en.yml': 'upload: Upload an image\nlist: [unclosed\n',
  'k8s/service.yaml':
    'apiVersion: v1\nkind: Service\nspec: {ports: [{port: 80}]}\n'
}

function memoryStore(files: Record<string, string>): FileStore {
  return {
    discover: async () => Promise.resolve(Object.keys(files).sort()),
    read: async file => {
      const text = files[file]
      return text === undefined
        ? Promise.reject(new Error(`${file} cannot be read`))
        : Promise.resolve(text)
    },
    write: async () => {}
  }
}

describe('scan counts', () => {
  test('counts Dockerfiles, YAML parsed and YAML the content check turned away', async () => {
    const found = [...Object.keys(repository), 'gone.yaml'].sort()
    const scanned = await scanAll(
      found,
      memoryStore(repository),
      { kinds: [...KIND_SETTINGS], ignore: [] },
      () => {}
    )

    expect(scanned.counts).toEqual({
      read: 6,
      dockerfiles: 1,
      yamlParsed: 2,
      yamlSkipped: 3
    })
    // The turned-away files gave no row (not parsed: no invalid-YAML site).
    expect(scanned.sites.map(s => `${s.file}:${s.line}`)).toEqual([
      'Dockerfile:1',
      'compose.yaml:3',
      'k8s/app.yaml:7'
    ])
    expect(scanned.problems.map(p => p.file)).toEqual(['gone.yaml'])
    expect(describeScan(scanned.counts)).toBe(
      'scan: 6 files read, 1 Dockerfiles scanned, 2 YAML parsed, 3 YAML skipped by the content check'
    )
  })

  test('a kind turned off is neither read nor counted', async () => {
    const scanned = await scanAll(
      Object.keys(repository).sort(),
      memoryStore(repository),
      { kinds: ['dockerfile'], ignore: [] },
      () => {}
    )

    expect(scanned.counts).toEqual({
      read: 1,
      dockerfiles: 1,
      yamlParsed: 0,
      yamlSkipped: 0
    })
  })
})
