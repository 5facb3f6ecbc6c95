import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import {
  actorSchema,
  datasetFileSchema,
  factSchema,
  skippedSpanSchema,
  sourceMetadataSchema,
  termSchema,
  type Actor,
  type CuratedFact,
  type DatasetFile,
  type SkippedSpan,
  type SourceMetadata,
  type Term
} from './curated-schemas.js'
import { CurationError, type CurationIssue } from './curation-error.js'
import { validateReferences } from './validate-references.js'

export interface CuratedSource {
  file: string
  metadata: SourceMetadata
  text: string
  skipped: SkippedSpan[]
}

export interface FactEntry {
  file: string
  fact: CuratedFact
}

export interface CuratedData {
  dataset: DatasetFile
  categories: Term[]
  forms: Term[]
  actorTypes: Term[]
  actors: Actor[]
  sources: CuratedSource[]
  facts: FactEntry[]
  /** sha256 of the parsed data in canonical form: formatting-only edits leave it unchanged. */
  contentHash: string
}

/**
 * Reads and validates every curated file under `dataDir`. Throws a CurationError that lists
 * every problem found (file, fact id, reason) rather than stopping at the first one, so a
 * curator fixes a whole batch in one pass.
 */
export function loadCuratedData(dataDir: string): CuratedData {
  const issues: CurationIssue[] = []
  const display = (file: string) => relative(process.cwd(), file) || file

  function readRaw(file: string): unknown {
    try {
      return parseYaml(readFileSync(file, 'utf8'))
    } catch (error) {
      issues.push({ file: display(file), reason: `cannot read YAML: ${(error as Error).message}` })
      return undefined
    }
  }

  function report(file: string, error: z.ZodError, id?: string) {
    for (const issue of error.issues) issues.push({ file: display(file), id, reason: `${formatPath(issue.path)}: ${issue.message}` })
  }

  function readYaml<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
    const parsed = schema.safeParse(readRaw(file))
    if (parsed.success) return parsed.data
    report(file, parsed.error)
    return undefined
  }

  // Each record is validated on its own, so one bad fact is reported with its id while the
  // others still go through the reference checks: a curator sees every problem in one pass.
  function readRecords<S extends z.ZodType>(file: string, schema: S): z.output<S>[] {
    const raw = readRaw(file) ?? []
    if (!Array.isArray(raw)) {
      issues.push({ file: display(file), reason: 'must be a YAML list' })
      return []
    }
    return raw.flatMap((record: unknown, index) => {
      const parsed = schema.safeParse(record)
      if (parsed.success) return [parsed.data]
      report(file, parsed.error, recordId(record) ?? `record ${index + 1}`)
      return []
    })
  }

  const dataset = readYaml(join(dataDir, 'dataset.yaml'), datasetFileSchema)
  const vocabularyDir = join(dataDir, 'vocabularies')
  const categories = readRecords(join(vocabularyDir, 'categories.yaml'), termSchema)
  const forms = readRecords(join(vocabularyDir, 'forms.yaml'), termSchema)
  const actorTypes = readRecords(join(vocabularyDir, 'actor-types.yaml'), termSchema)
  const actors = readRecords(join(vocabularyDir, 'actors.yaml'), actorSchema)

  const sourcesDir = join(dataDir, 'sources')
  const sources: CuratedSource[] = []
  for (const name of yamlFiles(sourcesDir).filter((n) => !n.endsWith('.skipped.yaml'))) {
    const file = join(sourcesDir, name)
    const metadata = readYaml(file, sourceMetadataSchema)
    if (!metadata) continue
    const textFile = join(sourcesDir, `${metadata.id}.txt`)
    if (!existsSync(textFile)) {
      issues.push({ file: display(file), id: metadata.id, reason: `source text ${display(textFile)} is missing` })
      continue
    }
    const bytes = readFileSync(textFile)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (sha256 !== metadata.sha256) {
      issues.push({ file: display(file), id: metadata.id, reason: `sha256 is ${metadata.sha256} but the text hashes to ${sha256}` })
    }
    const skippedFile = join(sourcesDir, `${metadata.id}.skipped.yaml`)
    const skipped = existsSync(skippedFile) ? readRecords(skippedFile, skippedSpanSchema) : []
    sources.push({ file: display(file), metadata, text: bytes.toString('utf8'), skipped })
  }

  const factsDir = join(dataDir, 'facts')
  const facts: FactEntry[] = []
  for (const name of yamlFiles(factsDir)) {
    const file = join(factsDir, name)
    for (const fact of readRecords(file, factSchema)) facts.push({ file: display(file), fact })
  }

  if (!dataset) throw new CurationError(issues)
  const data = { dataset, categories, forms, actorTypes, actors, sources, facts }
  issues.push(...validateReferences(data))
  if (issues.length > 0) throw new CurationError(issues)
  return { ...data, contentHash: hashContent(data) }
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
}

function formatPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

// Names the record an issue is in (its `id` or `slug`) so messages point at a fact, not an index.
function recordId(record: unknown): string | undefined {
  const id = (record as Record<string, unknown> | null)?.id ?? (record as Record<string, unknown> | null)?.slug
  return typeof id === 'string' ? id : undefined
}

function hashContent(data: Omit<CuratedData, 'contentHash'>): string {
  const canonical = {
    ...data,
    sources: data.sources.map(({ metadata, text, skipped }) => ({ metadata, text, skipped })),
    facts: data.facts.map(({ fact }) => fact)
  }
  return createHash('sha256').update(stableStringify(canonical)).digest('hex')
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
