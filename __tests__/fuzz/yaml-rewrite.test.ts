/**
 * Property tests of the YAML rewrite (issue 10) over generated Compose
 * files, Kubernetes manifests and GitHub workflows (yaml-arbitraries.ts,
 * yaml-properties.ts). bench/fuzz.ts runs the same properties 100 times
 * longer; FRESHBASE_FUZZ_RUNS sets the run count here.
 */
import { describe } from 'vitest'

import { itHolds } from './ci.js'
import { YAML_PROPERTIES } from './yaml-properties.js'

describe('fuzz: YAML scan and checked rewrite', () => {
  for (const property of YAML_PROPERTIES) itHolds(property)
})
