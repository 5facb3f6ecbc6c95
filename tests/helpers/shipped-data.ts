import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

// The shipped curated data read straight from its YAML, for the rules in tests/curation/shipped-*:
// each rule reads only the files it needs, so a file that is missing or does not parse fails the
// rules that need it, with the file named, and every other rule still runs.
//
// CURATED_DATA_DIR points the checks at a copy of db/ (used to prove that each rule can fail).

export const DATA_DIR = process.env.CURATED_DATA_DIR ?? 'db'

interface RawEvidence {
  sourceId: string
  start: number
  end: number
  quote: string
  attribution?: string | null
}
interface RawFigure {
  value: number
  unit: string
  qualifier: string
  kind?: string
  label: string
}
export interface RawFact {
  file: string
  id: string
  statement: string
  year: number | null
  yearInferred: boolean
  country: string
  categories: string[]
  forms: string[]
  actors: string[]
  figures: RawFigure[]
  evidence: RawEvidence[]
  flags: string[]
  note: string | null
}
interface RawTerm {
  slug: string
}
interface RawActor {
  id: string
  type: string
  description: string
}
interface RawSource {
  id: string
  text: string
  skipped: { start: number; end: number }[]
}
export interface RawOrigin {
  start: number
  end: number
  origin: { title: string | null; publisher: string | null; year: number | null; url: string; section: string | null } | null
  reason: string | null
  verifiedBy: string
}

/** Reads one YAML file of the dataset; any failure names the file. */
function readYaml(path: string): unknown {
  const full = join(DATA_DIR, path)
  try {
    return parse(readFileSync(full, 'utf8'))
  } catch (error) {
    throw new Error(`${full} cannot be read as YAML: ${(error as Error).message}`, { cause: error })
  }
}

export function readList(path: string): Record<string, unknown>[] {
  const list = readYaml(path)
  if (!Array.isArray(list)) throw new Error(`${join(DATA_DIR, path)} must be a YAML list`)
  return list as Record<string, unknown>[]
}

export const yamlFilesIn = (dir: string) =>
  readdirSync(join(DATA_DIR, dir))
    .filter((name) => name.endsWith('.yaml') && !name.endsWith('.skipped.yaml'))
    .sort()

export function readFacts(): RawFact[] {
  return yamlFilesIn('facts').flatMap((name) =>
    readList(join('facts', name)).map((f) => ({
      file: name,
      id: String(f.id),
      statement: String(f.statement ?? ''),
      year: (f.year as number | null | undefined) ?? null,
      yearInferred: f.yearInferred === true,
      country: String(f.country ?? ''),
      categories: (f.categories as string[] | undefined) ?? [],
      forms: (f.forms as string[] | undefined) ?? [],
      actors: (f.actors as string[] | undefined) ?? [],
      figures: (f.figures as RawFigure[] | undefined) ?? [],
      evidence: (f.evidence as RawEvidence[] | undefined) ?? [],
      flags: (f.flags as string[] | undefined) ?? [],
      note: (f.note as string | null | undefined) ?? null
    }))
  )
}

export const readTerms = (name: string) => readList(join('vocabularies', `${name}.yaml`)) as unknown as RawTerm[]
export const readActors = () => readList(join('vocabularies', 'actors.yaml')) as unknown as RawActor[]

export function readSources(): RawSource[] {
  return yamlFilesIn('sources').map((name) => {
    const metadata = readYaml(join('sources', name)) as { id: string }
    const base = join('sources', name.replace(/\.yaml$/, ''))
    const skippedPath = `${base}.skipped.yaml`
    return {
      id: metadata.id,
      text: readFileSync(join(DATA_DIR, `${base}.txt`), 'utf8'),
      skipped: existsSync(join(DATA_DIR, skippedPath)) ? (readList(skippedPath) as unknown as RawSource['skipped']) : []
    }
  })
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const CONFLICT = 'conflicts-with:'

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
export function overlap(statement: string, quote: string): number {
  const mine = words(statement)
  const theirs = words(quote)
  return [...mine].filter((w) => theirs.has(w)).length / mine.size
}
export const quotesOf = (f: RawFact) => f.evidence.map((e) => e.quote)
