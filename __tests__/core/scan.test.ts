import { describe, expect, test } from 'vitest'
import type { FileKind } from '../../src/core/file-kind.js'
import { needsParse, scanFile } from '../../src/core/scan.js'

/** Not valid YAML: parsing it gives a site, so a parse is visible in scanFile's answer. */
const broken = (head: string): string => `${head}\nlist: [unclosed\n`

describe('needsParse: which files the scan parses as YAML (issue 10, Performance)', () => {
  test.each<[string, FileKind, string, boolean]>([
    ['a Dockerfile is never YAML', 'dockerfile', 'FROM a:1', false],
    ['Compose by its name', 'compose', 'title: no images', true],
    ['a workflow by its name', 'workflow', 'on: push', true],
    ['Helm values by their name', 'helm-values', 'replicas: 1', true],
    ['kustomization by its name', 'kustomize', 'resources: []', true],
    ['GitLab CI by its name or include', 'gitlab-ci', 'stages: [a]', true],
    [
      'a manifest with an image',
      'kubernetes',
      'apiVersion: v1\nkind: Pod\nspec: {containers: [{image: a:1}]}',
      true
    ],
    [
      'settings without apiVersion',
      'kubernetes',
      'server:\n  port: 8080',
      false
    ],
    [
      'an image word without apiVersion (i18n text)',
      'kubernetes',
      'upload: Upload an image',
      false
    ],
    [
      'a manifest without any image (a Service)',
      'kubernetes',
      'apiVersion: v1\nkind: Service\nspec: {ports: [{port: 80}]}',
      false
    ],
    [
      'an OpenAPI spec (no apiVersion)',
      'kubernetes',
      'openapi: 3.0.3\npaths:\n  /images: {get: {}}',
      false
    ]
  ])('%s', (_name, kind, text, expected) => {
    expect(needsParse(kind, text)).toBe(expected)
  })

  test('scanFile parses exactly the YAML files needsParse names', () => {
    const cases: [FileKind, string][] = [
      ['kubernetes', broken('apiVersion: v1\nkind: Pod\nimage: x')],
      ['kubernetes', broken('settings: {}')],
      ['kubernetes', broken('apiVersion: v1\nkind: Secret')],
      ['compose', broken('name: app')],
      ['workflow', broken('on: push')]
    ]
    for (const [kind, text] of cases) {
      const parsed = scanFile('x.yaml', text, kind).length > 0
      expect(parsed, `${kind}: ${text}`).toBe(needsParse(kind, text))
    }
  })
})
