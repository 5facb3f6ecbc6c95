import { describe, expect, it } from 'vitest'
import { numbersIn, wordsToNumber } from '../../src/curation/number-words.js'

describe('numbersIn', () => {
  it('reads digits with thousands separators', () => {
    expect(numbersIn('more than 70,000 victims and 794,000 people, 38 traffickers')).toEqual([70000, 794000, 38])
  })

  it('reads number words, hyphenated tens and scales', () => {
    expect(numbersIn('twenty-two prosecutions and ten cases')).toEqual([22, 10])
    expect(numbersIn('an estimated one million people')).toEqual([1_000_000])
    expect(numbersIn('one hundred and five children')).toEqual([105])
  })

  it('finds nothing in vague amounts', () => {
    expect(numbersIn('hundreds of migrants and thousands of workers')).toEqual([])
  })
})

describe('wordsToNumber', () => {
  it('rejects words that are not numbers', () => {
    expect(wordsToNumber(['seven', 'cases'])).toBeUndefined()
    expect(wordsToNumber([])).toBeUndefined()
  })
})
