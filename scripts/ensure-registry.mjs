// Makes sure the CNCF Distribution registry binary the tests, the demo and
// the benchmark start is installed, with the two tools its auth setups use. Installs it with apt when running as root,
// otherwise stops with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const needed = [
  { binary: '/usr/bin/docker-registry', pkg: 'docker-registry' },
  // bcrypt htpasswd lines for the Basic-auth registry in the tests
  { binary: '/usr/bin/htpasswd', pkg: 'apache2-utils' },
  // the self-signed certificate of the test token issuer
  { binary: '/usr/bin/openssl', pkg: 'openssl' }
]
const missing = needed.filter(n => !existsSync(n.binary))
if (missing.length > 0) {
  const pkgs = missing.map(m => m.pkg)
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt =
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (!isRoot || !hasApt) {
    console.error(
      `Missing ${missing.map(m => m.binary).join(', ')}. Install it with:\n  sudo ${command}`
    )
    process.exit(1)
  }
  console.error(
    `Installing ${pkgs.join(' ')} with apt-get (needed by the tests)...`
  )
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...pkgs],
    {
      stdio: 'inherit',
      env
    }
  )
  for (const m of missing) {
    if (!existsSync(m.binary)) {
      console.error(`apt-get finished but ${m.binary} is still missing.`)
      process.exit(1)
    }
  }
}
