/**
 * For the test-action CI job: starts the Distribution registry on loopback,
 * seeds the images the self-test Dockerfile names, writes `registry=<host>`
 * to the file given as the first argument, and keeps running (the job's
 * later steps use it; the runner ends it with the job).
 */
import { writeFile } from 'node:fs/promises'
import { startRegistry } from '../__tests__/support/registry.js'

const out = process.argv[2]
if (out === undefined) {
  console.error(
    'usage: action-fixture.ts <file to write registry=host:port into>'
  )
  process.exit(2)
}
const registry = await startRegistry()
await registry.seedImage('library/alpine', '3.20', {
  platforms: ['linux/amd64', 'linux/arm64']
})
await registry.seedImage('library/node', '20', {
  platforms: ['linux/amd64', 'linux/arm64']
})
await writeFile(out, `registry=${registry.host}\n`)
console.log(`registry ${registry.host} seeded`)
process.on('SIGTERM', () => {
  void registry.stop().then(() => process.exit(0))
})
setInterval(() => undefined, 60_000)
