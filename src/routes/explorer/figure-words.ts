import type { Figure } from '../../schemas/fact.js'

// How each qualifier reads before its number ("at least 18 defendants"); exact and stated
// numbers read bare.
const QUALIFIER_WORDS: Record<Figure['qualifier'], string> = {
  exact: '',
  stated: '',
  'at-least': 'at least',
  'more-than': 'more than',
  estimate: 'an estimated',
  approximately: 'about'
}

const KIND_WORDS: Record<Figure['kind'], string> = {
  quantity: 'a quantity',
  'min-age': 'the lowest age the claim is about',
  'max-age': 'the highest age the claim is about'
}

const QUALIFIER_MEANING: Record<Figure['qualifier'], string> = {
  exact: 'an exact count',
  stated: 'stated without a hedge',
  'at-least': 'a lower bound ("at least")',
  'more-than': 'a lower bound ("more than")',
  estimate: 'an estimate',
  approximately: 'approximate'
}

// one formatter: toLocaleString builds a new one on every call (tens of µs each)
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
export const number = (value: number) => NUMBER.format(value)

/** "at least 18 defendants", "about 794,000 people", "aged 18 or over". */
export function figureInWords(figure: Figure, unitLabel: string): string {
  const qualifier = QUALIFIER_WORDS[figure.qualifier]
  const amount = qualifier ? `${qualifier} ${number(figure.value)}` : number(figure.value)
  if (figure.kind === 'min-age') return `aged ${amount} or over`
  if (figure.kind === 'max-age') return `aged up to ${amount}`
  return `${amount} ${unitLabel.toLowerCase()}`
}

/** The qualifier and kind spelled out, for the fact page. */
export function figureDetails(figure: Figure): { qualifier: string; kind: string } {
  return { qualifier: QUALIFIER_MEANING[figure.qualifier], kind: KIND_WORDS[figure.kind] }
}
