/**
 * Property tests of the Dockerfile scanner over generated Dockerfiles
 * (__tests__/fuzz/arbitraries.ts) and any text. bench/fuzz.ts runs the same
 * properties 100 times longer; FRESHBASE_FUZZ_RUNS sets the run count here.
 */
import { describe } from 'vitest'

import { itHolds } from './ci.js'
import { scanNeverThrows, scanSeesConstructs } from './properties.js'

describe('fuzz: scanDockerfile', () => {
  itHolds(scanNeverThrows)
  itHolds(scanSeesConstructs)
})
