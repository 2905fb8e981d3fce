import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { VERSION } from '../src/version.js'

it('reports the version package.json and the changelog name', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    version: string
  }
  const changelog = readFileSync('CHANGELOG.md', 'utf8')

  expect(VERSION).toBe(pkg.version)
  expect(changelog).toContain(`## [${VERSION}]`)
})
