// Curated figures must be traceable to the words of their evidence, and sources write numbers
// both as digits ("70,000") and as words ("twenty-two", "one million"); this reads both.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19
}
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90
}
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 }

const isNumberWord = (w: string) => w in UNITS || w in TENS || w === 'hundred' || w in SCALES

/** The value of a run of number words such as "twenty two" or "one million"; undefined if it is not one. */
export function wordsToNumber(words: readonly string[]): number | undefined {
  if (words.length === 0 || !words.every((w) => isNumberWord(w) || w === 'and')) return undefined
  let total = 0
  let current = 0
  for (const word of words) {
    if (word === 'and') continue
    if (word in UNITS) current += UNITS[word]!
    else if (word in TENS) current += TENS[word]!
    else if (word === 'hundred') current = (current || 1) * 100
    else {
      total += (current || 1) * SCALES[word]!
      current = 0
    }
  }
  return total + current
}

export interface NumberMention {
  value: number
  /** Where the number starts in the text, so the words before it (a hedge) can be read. */
  start: number
}

const ANY_NUMBER_WORD = new RegExp(`\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', ...Object.keys(SCALES)].join('|')})\\b`, 'i')

// the build's rules read a fact's quotes several times in a row: the last few answers are kept
const recent = new Map<string, NumberMention[]>()
const RECENT = 8

/** Every number a text states, whether in digits (with thousands separators) or in words, in text order. */
export function numberMentions(text: string): NumberMention[] {
  let found = recent.get(text)
  if (!found) {
    found = readMentions(text)
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!)
    recent.set(text, found)
  }
  return found
}

function readMentions(text: string): NumberMention[] {
  const found: NumberMention[] = []
  for (const match of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    found.push({ value: Number(match[0].replaceAll(',', '')), start: match.index })
  }
  // most sentences write no number in words: skip the word-by-word pass
  if (!ANY_NUMBER_WORD.test(text)) return found.sort((a, b) => a.start - b.start)
  // A run of number words is joined by spaces or hyphens only ("twenty-two", "one million");
  // "and" only joins number words inside a run ("one hundred and five"), never starts or ends one.
  let run: { word: string; start: number; end: number }[] = []
  const flush = () => {
    while (run.at(-1)?.word === 'and') run.pop()
    const value = wordsToNumber(run.map((w) => w.word))
    if (value !== undefined) found.push({ value, start: run[0]!.start })
    run = []
  }
  for (const match of text.matchAll(/[a-z]+/gi)) {
    const word = match[0].toLowerCase()
    const previous = run.at(-1)
    if (previous && !/^[\s-]+$/.test(text.slice(previous.end, match.index))) flush()
    if (isNumberWord(word) || (word === 'and' && run.length > 0)) run.push({ word, start: match.index, end: match.index + word.length })
    else flush()
  }
  flush()
  return found.sort((a, b) => a.start - b.start)
}

/** The values of numberMentions. */
export function numbersIn(text: string): number[] {
  return numberMentions(text).map((m) => m.value)
}
