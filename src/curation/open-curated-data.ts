import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
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
import { originEntrySchema, type OriginEntry } from './origin-schemas.js'
import { MalformedLine, RECORD_FILE, readRawRecords, readYamlDocument } from './read-records.js'
import { createFactChecker } from './fact-checker.js'
import { validateHeader } from './validate-references.js'

export interface CuratedSource {
  file: string
  metadata: SourceMetadata
  text: string
  skipped: SkippedSpan[]
  /** Where its evidence spans were first published (db/origins/<id>.yaml), when researched. */
  origins: OriginEntry[]
}

export interface FactEntry {
  file: string
  fact: CuratedFact
}

/** Everything but the facts: small, read whole before the facts stream. */
export interface CuratedHeader {
  dataset: DatasetFile
  categories: Term[]
  forms: Term[]
  actorTypes: Term[]
  actors: Actor[]
  /** What figures count or measure, and the caveats facts may carry. */
  units: Term[]
  flags: Term[]
  sources: CuratedSource[]
  vocabulary: { categories: Set<string>; forms: Set<string>; actors: Set<string>; units: Set<string>; flags: Set<string> }
}

export interface CuratedStream {
  header: CuratedHeader
  /** Each valid fact once, file by file; invalid ones become issues instead. */
  facts(): Generator<FactEntry>
  /** After the facts: throws a CurationError listing every issue, or returns the content hash. */
  finish(): { contentHash: string }
}

// A build of a million bad facts must still fail with a readable message.
const MAX_ISSUES = 1000

/**
 * Reads the curated data under `dataDir` as a stream: the header whole, the facts one at a
 * time, each validated (schema, references, quotes) as it passes. Every problem is collected
 * (file, fact id, reason) rather than stopping at the first, so a curator fixes a batch at once.
 */
export function openCuratedData(dataDir: string): CuratedStream {
  const issues: CurationIssue[] = []
  let dropped = 0
  const report = (issue: CurationIssue) => (issues.length < MAX_ISSUES ? issues.push(issue) : dropped++)
  const display = (file: string) => relative(process.cwd(), file) || file
  const reportZod = (file: string, error: z.ZodError, id?: string) => {
    for (const issue of error.issues) report({ file: display(file), id, reason: `${formatPath(issue.path)}: ${issue.message}` })
  }

  function* records<S extends z.ZodType>(file: string, schema: S): Generator<z.output<S>> {
    const raw = readRawRecords(file)
    if ('error' in raw) return void report({ file: display(file), reason: raw.error })
    let index = 0
    for (const record of raw.records) {
      index++
      if (record instanceof MalformedLine) {
        report({ file: display(file), id: `line ${record.line}`, reason: `not JSON: ${record.message}` })
        continue
      }
      const parsed = schema.safeParse(record)
      if (parsed.success) yield parsed.data
      else reportZod(file, parsed.error, recordId(record) ?? `record ${index}`)
    }
  }
  const list = <S extends z.ZodType>(file: string, schema: S) => (existsSync(file) ? [...records(file, schema)] : [])

  function document<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
    const raw = readYamlDocument(file)
    if ('error' in raw) return void report({ file: display(file), reason: raw.error })
    const parsed = schema.safeParse(raw.value)
    if (parsed.success) return parsed.data
    reportZod(file, parsed.error)
    return undefined
  }

  const dataset = document(join(dataDir, 'dataset.yaml'), datasetFileSchema)
  const vocabularyDir = join(dataDir, 'vocabularies')
  const categories = list(join(vocabularyDir, 'categories.yaml'), termSchema)
  const forms = list(join(vocabularyDir, 'forms.yaml'), termSchema)
  const actorTypes = list(join(vocabularyDir, 'actor-types.yaml'), termSchema)
  const actors = list(join(vocabularyDir, 'actors.yaml'), actorSchema)
  const units = list(join(vocabularyDir, 'units.yaml'), termSchema)
  const flags = list(join(vocabularyDir, 'flags.yaml'), termSchema)

  const sourcesDir = join(dataDir, 'sources')
  const sources: CuratedSource[] = []
  for (const name of filesIn(sourcesDir, /\.ya?ml$/).filter((n) => !/\.skipped\.ya?ml$/.test(n))) {
    const file = join(sourcesDir, name)
    const metadata = document(file, sourceMetadataSchema)
    if (!metadata) continue
    const textFile = join(sourcesDir, `${metadata.id}.txt`)
    if (!existsSync(textFile)) {
      report({ file: display(file), id: metadata.id, reason: `source text ${display(textFile)} is missing` })
      continue
    }
    const bytes = readFileSync(textFile)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (sha256 !== metadata.sha256) {
      report({ file: display(file), id: metadata.id, reason: `sha256 is ${metadata.sha256} but the text hashes to ${sha256}` })
    }
    const skipped = list(join(sourcesDir, `${metadata.id}.skipped.yaml`), skippedSpanSchema)
    const origins = list(join(dataDir, 'origins', `${metadata.id}.yaml`), originEntrySchema)
    sources.push({ file: display(file), metadata, text: bytes.toString('utf8'), skipped, origins })
  }

  if (!dataset) throw new CurationError(issues)
  const base = { dataset, categories, forms, actorTypes, actors, units, flags, sources }
  validateHeader(base).forEach(report)
  const header: CuratedHeader = {
    ...base,
    vocabulary: {
      categories: new Set(categories.map((t) => t.slug)),
      forms: new Set(forms.map((t) => t.slug)),
      actors: new Set(actors.map((a) => a.id)),
      units: new Set(units.map((t) => t.slug)),
      flags: new Set(flags.map((t) => t.slug))
    }
  }
  // zod builds parsed objects in schema key order, so JSON.stringify of parsed records is a
  // canonical form: formatting and key order in the files leave the hash unchanged.
  const hash = createHash('sha256').update(JSON.stringify({ ...base, sources: sources.map(({ metadata, text, skipped, origins }) => ({ metadata, text, skipped, origins })) }))
  const checker = createFactChecker(header, display(dataDir))

  return {
    header,
    *facts() {
      const factsDir = join(dataDir, 'facts')
      for (const name of filesIn(factsDir, RECORD_FILE)) {
        const file = join(factsDir, name)
        const shown = display(file)
        for (const fact of records(file, factSchema)) {
          const problems = checker.check(fact, shown)
          problems.forEach(report)
          if (problems.length) continue
          hash.update(JSON.stringify(fact))
          yield { file: shown, fact }
        }
      }
    },
    finish() {
      checker.finish().forEach(report)
      if (dropped) issues.push({ file: dataDir, reason: `and ${dropped} more issue(s) not listed` })
      if (issues.length) throw new CurationError(issues)
      return { contentHash: hash.digest('hex') }
    }
  }
}

function filesIn(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter((name) => pattern.test(name)).sort()
}

function formatPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

// Names the record an issue is in (its `id` or `slug`) so messages point at a fact, not an index.
function recordId(record: unknown): string | undefined {
  const id = (record as Record<string, unknown> | null)?.id ?? (record as Record<string, unknown> | null)?.slug
  return typeof id === 'string' ? id : undefined
}
