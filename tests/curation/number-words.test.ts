import { describe, expect, it } from 'vitest'
import { numberMentions, numbersIn, wordsToNumber } from '../../src/curation/number-words.js'

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

describe('numberMentions', () => {
  it('says where each number starts, digits and words in text order', () => {
    const text = 'at least 18 defendants in seven cases and twenty-two prosecutions'
    expect(numberMentions(text)).toEqual([
      { value: 18, start: text.indexOf('18') },
      { value: 7, start: text.indexOf('seven') },
      { value: 22, start: text.indexOf('twenty') }
    ])
  })

  it('does not join number words across punctuation or digits', () => {
    expect(numbersIn('seven, ten')).toEqual([7, 10])
    expect(numbersIn('two 2013 three')).toEqual([2, 2013, 3])
  })
})

describe('wordsToNumber', () => {
  it('rejects words that are not numbers', () => {
    expect(wordsToNumber(['seven', 'cases'])).toBeUndefined()
    expect(wordsToNumber([])).toBeUndefined()
  })
})
