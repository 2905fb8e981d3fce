import { describe, expect, it } from 'vitest'
import { Slots } from '../../src/core/slots.js'

describe('Slots', () => {
  it('never runs more than the limit at once and runs everything', async () => {
    const slots = new Slots(3)
    let active = 0
    let peak = 0
    const done: number[] = []

    await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        slots.run(async () => {
          active++
          peak = Math.max(peak, active)
          await new Promise(resolve => setTimeout(resolve, 1 + (i % 3)))
          active--
          done.push(i)
        })
      )
    )

    expect(peak).toBe(3)
    expect(done.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i)
    )
  })

  it('frees the slot when the task fails', async () => {
    const slots = new Slots(1)

    await expect(
      slots.run(async () => Promise.reject(new Error('boom')))
    ).rejects.toThrow('boom')
    await expect(slots.run(async () => Promise.resolve(7))).resolves.toBe(7)
  })
})
