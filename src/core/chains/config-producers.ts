/** Stub (issue 11 part 1): the first version reads nothing; the reader follows. */
import type { Producer, ProducerProblem } from './model.js'

export function configProducers(
  map: Readonly<Record<string, string>>,
  declaredIn: string
): { producers: Producer[]; problems: ProducerProblem[] } {
  void map
  void declaredIn
  return { producers: [], problems: [] }
}
