import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'

// Usage: npm run db:locate -- <source-id> "<quote>"
// Prints every occurrence of the quote as a ready-to-paste evidence entry, so offsets are
// computed by code rather than counted by hand. It reads the text file directly, so it works
// while the curated data is still invalid.

const [sourceId, quote] = process.argv.slice(2)
if (!sourceId || !quote) {
  console.error('usage: npm run db:locate -- <source-id> "<quote>"')
  process.exit(2)
}

const file = join(process.env.DATA_DIR ?? 'db', 'sources', `${sourceId}.txt`)
if (!existsSync(file)) {
  console.error(`no source text at ${file}`)
  process.exit(1)
}
const text = readFileSync(file, 'utf8')

const exact = occurrences(text, quote)
if (exact.length > 0) {
  print(exact)
} else {
  // Curators often type straight quotes, "..." or single spaces where the source has curly
  // quotes, "…" or line breaks; say where the near matches are instead of just failing.
  const near = [...text.matchAll(new RegExp(lenientPattern(quote), 'g'))].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  if (near.length === 0) {
    console.error(`the quote does not occur in ${sourceId}`)
    process.exit(1)
  }
  console.error(`no exact match; ${near.length} match(es) after normalising quotes, ellipses and whitespace:`)
  print(near)
  process.exit(1)
}

function occurrences(haystack: string, needle: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = []
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    found.push({ start: i, end: i + needle.length })
  }
  return found
}

function lenientPattern(q: string): string {
  return q
    .replace(/\.\.\./g, '…')
    .split('')
    .map((ch) => {
      if (/\s/.test(ch)) return '\\s+'
      if ("'‘’".includes(ch)) return "['‘’]"
      if ('"“”'.includes(ch)) return '["“”]'
      if (ch === '…') return '(?:…|\\.\\.\\.)'
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('')
    .replace(/(?:\\s\+)+/g, '\\s+')
}

function print(spans: { start: number; end: number }[]): void {
  const entries = spans.map(({ start, end }) => ({ sourceId, start, end, quote: text.slice(start, end) }))
  process.stdout.write(stringify(entries, { lineWidth: 0 }))
}
