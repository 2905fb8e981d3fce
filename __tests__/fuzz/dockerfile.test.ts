/**
 * Property tests of the Dockerfile scanner and rewriter over generated
 * Dockerfiles (__tests__/fuzz/arbitraries.ts). bench/fuzz.ts runs the same
 * properties 100 times longer; FRESHBASE_FUZZ_RUNS sets the run count here.
 */
import { describe } from 'vitest'

import { itHolds } from './ci.js'
import {
  noEditsIsIdentity,
  pinRoundTrip,
  pinRoundTripNoisy,
  scanNeverThrows,
  scanSeesConstructs
} from './properties.js'

describe('fuzz: scanDockerfile', () => {
  itHolds(scanNeverThrows)
  itHolds(scanSeesConstructs)
})

describe('fuzz: applyEdits / verifyRewrite', () => {
  itHolds(noEditsIsIdentity)
  itHolds(pinRoundTrip)
  itHolds(pinRoundTripNoisy)
})
