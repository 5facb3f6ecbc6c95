import type { FastifyInstance } from 'fastify'
import type { DatasetInfo } from '../../../repositories/meta-repository.js'
import type { CslItem } from '../../../schemas/citation.js'
import type { Fact } from '../../../schemas/fact.js'
import type { Source } from '../../../schemas/source.js'
import { distinctOrigins } from './fact-csv.js'

const dateParts = (isoDate: string) => ({ 'date-parts': [isoDate.slice(0, 10).split('-').map(Number)] })

type Nullable<T> = { [K in keyof T]: T[K] | null }

// CSL leaves out what is unknown rather than writing it as null
const known = (item: Nullable<CslItem>) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null && v !== undefined)) as CslItem

/**
 * A fact's references, most specific first: the fact in this dataset (at the URL it was read
 * from), the collection of excerpts it quotes, and each original document of those excerpts.
 */
export function factCitation(fact: Fact, sources: Source[], dataset: DatasetInfo, factUrl: string): CslItem[] {
  const spans = (sourceId: string) => fact.evidence.filter((e) => e.sourceId === sourceId).map((e) => `${e.start}–${e.end}`)
  return [
    known({
      id: fact.id,
      type: 'dataset' as const,
      title: `${dataset.title}: ${fact.statement}`,
      version: dataset.version,
      // the release of this version, not the build: rebuilding the same data cites the same date
      issued: dataset.released ? dateParts(dataset.released) : undefined,
      URL: factUrl,
      // the licence text ends a sentence of its own: one full stop, not two
      note: `Fact ${fact.id}; licence: ${dataset.license.trim().replace(/\.+$/, '')}.`
    }),
    ...sources.map((source) =>
      known({
        id: source.id,
        type: 'document' as const,
        title: source.title,
        publisher: source.publisher,
        issued: source.publishedAt ? dateParts(source.publishedAt) : undefined,
        accessed: dateParts(source.retrievedAt),
        URL: source.url,
        note: `Quoted at characters ${spans(source.id).join(', ')} (UTF-16 offsets).`
      })
    ),
    ...distinctOrigins(fact).map((origin, index) =>
      known({
        id: `${fact.id}-origin-${index + 1}`,
        type: origin.url ? ('webpage' as const) : ('document' as const),
        title: origin.title ?? origin.publisher ?? 'Untitled document',
        publisher: origin.publisher,
        issued: origin.year === null ? undefined : { 'date-parts': [[origin.year]] },
        URL: origin.url,
        note: origin.section ? `Section: ${origin.section}.` : undefined
      })
    )
  ]
}

/** The references of the fact with this id, its URL under `baseUrl`; undefined when no fact has it. */
export function citeFact(repositories: FastifyInstance['repositories'], id: string, baseUrl: string): CslItem[] | undefined {
  const json = repositories.facts.findJson(id)
  return json === undefined ? undefined : referencesOf(repositories, JSON.parse(json) as Fact, baseUrl)
}

/** The references of a fact already read, its URL under `baseUrl`. */
export function referencesOf(repositories: FastifyInstance['repositories'], fact: Fact, baseUrl: string): CslItem[] {
  const sources = [...new Set(fact.evidence.map((e) => e.sourceId))]
    .map((sourceId) => repositories.sources.find(sourceId))
    .filter((s): s is Source => s !== undefined)
  return factCitation(fact, sources, repositories.meta.datasetInfo(), `${baseUrl}/v1/facts/${encodeURIComponent(fact.id)}`)
}
