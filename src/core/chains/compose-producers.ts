/** Stub (issue 11 part 1): the first version reads nothing; the reader follows. */
import type { Producer, ProducerProblem } from './model.js'

export function readComposeProducers(
  file: string,
  text: string
): { producers: Producer[]; problems: ProducerProblem[] } {
  void file
  void text
  return { producers: [], problems: [] }
}
