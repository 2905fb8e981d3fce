/**
 * Property tests of pinning: the edits plan.ts makes, applied with
 * applyEdits and checked with verifyRewrite, over generated Dockerfiles
 * with and without noise. bench/fuzz.ts runs the same properties 100 times
 * longer; FRESHBASE_FUZZ_RUNS sets the run count here.
 */
import { describe } from 'vitest'

import { itHolds } from './ci.js'
import {
  noEditsIsIdentity,
  pinRoundTrip,
  pinRoundTripNoisy
} from './properties.js'

describe('fuzz: applyEdits / verifyRewrite', () => {
  itHolds(noEditsIsIdentity)
  itHolds(pinRoundTrip)
  itHolds(pinRoundTripNoisy)
})
