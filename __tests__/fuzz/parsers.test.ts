/**
 * Property tests of the parsers that read outside input: image references,
 * WWW-Authenticate headers and Docker config files. bench/fuzz.ts runs the
 * same properties 100 times longer; FRESHBASE_FUZZ_RUNS sets the run count.
 */
import { describe } from 'vitest'

import { itHolds } from './ci.js'
import {
  dockerConfigErrors,
  imageRefNeverThrows,
  imageRefRoundTrip,
  wwwAuthenticateNeverThrows,
  wwwAuthenticateRoundTrip
} from './properties.js'

describe('fuzz: parseImageRef', () => {
  itHolds(imageRefNeverThrows)
  itHolds(imageRefRoundTrip)
})

describe('fuzz: parseWwwAuthenticate', () => {
  itHolds(wwwAuthenticateNeverThrows)
  itHolds(wwwAuthenticateRoundTrip)
})

describe('fuzz: Docker config', () => {
  itHolds(dockerConfigErrors)
})
