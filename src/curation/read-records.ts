import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'

/** File kinds curated records may come in: YAML for hand-written data, JSON or NDJSON for generated and imported data. */
export const RECORD_FILE = /\.(ya?ml|json|ndjson)$/

export type RawRecords = { records: Iterable<unknown> } | { error: string }

/**
 * The raw records of one curated file. NDJSON is parsed line by line, so a malformed line is
 * reported with its number and the other lines still go through validation.
 */
export function readRawRecords(file: string): RawRecords {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return { error: `cannot read: ${(error as Error).message}` }
  }
  if (file.endsWith('.ndjson')) return { records: ndjsonLines(text) }
  let parsed: unknown
  try {
    parsed = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    return { error: `cannot parse: ${(error as Error).message}` }
  }
  if (parsed === null || parsed === undefined) return { records: [] }
  return Array.isArray(parsed) ? { records: parsed } : { error: 'must be a list of records' }
}

export class MalformedLine {
  constructor(readonly line: number, readonly message: string) {}
}

function* ndjsonLines(text: string): Generator<unknown> {
  let start = 0
  let line = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    line++
    const content = text.slice(start, end).trim()
    start = end + 1
    if (content === '') continue
    try {
      yield JSON.parse(content)
    } catch (error) {
      yield new MalformedLine(line, (error as Error).message)
    }
  }
}

/** A single YAML document (dataset.yaml, a source's metadata). */
export function readYamlDocument(file: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(readFileSync(file, 'utf8')) }
  } catch (error) {
    return { error: `cannot read YAML: ${(error as Error).message}` }
  }
}
