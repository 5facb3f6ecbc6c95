import type { Fact } from '../schemas/fact.js'
import type { Vocabularies } from '../schemas/fact-filters.js'

/**
 * The closed vocabularies spelled out for a model, so it can pick valid values without a
 * round trip; the open ones (actors, sources) point at list_values.
 */
export function filterGuide(vocabularies: Vocabularies): string {
  const list = (set: Set<string>) => [...set].join(', ')
  return `Valid values: category: ${list(vocabularies.categories)}; form: ${list(vocabularies.forms)}; ` +
    `actorType: ${list(vocabularies.actorTypes)}; unit: ${list(vocabularies.units)}; flag and excludeFlag: ${list(vocabularies.flags)}; ` +
    'country and relatedCountry: ISO 3166-1 alpha-2 codes such as RU; year, yearFrom, yearTo: years such as 2013; ' +
    'actor and source: ids from list_values; id: fact ids (up to 100); q: words that must all occur in the statement or quotes. ' +
    'An invalid value is an error that lists the valid ones.'
}

/**
 * A fact in a few lines: id, year and country, statement, its caveats, and each quote with where
 * it is. The caveats are in the text a model reads, not only in the structured content: a claim
 * whose subject the source leaves unclear must not be repeated as if it were certain.
 */
export function describeFact(fact: Partial<Fact> & { id: string }): string {
  const head = [fact.year === undefined ? undefined : fact.year ?? 'no year', fact.country].filter((v) => v !== undefined).join(', ')
  const lines = [`${fact.id}${head ? ` (${head})` : ''}${fact.statement ? `: ${fact.statement}` : ''}`]
  if (fact.flags?.length) lines.push(`  caveats: ${fact.flags.join(', ')}${fact.note ? ` (curator's note: ${fact.note})` : ''}`)
  for (const e of fact.evidence ?? []) lines.push(`  "${e.quote}" (source ${e.sourceId}, characters ${e.start}-${e.end})`)
  return lines.join('\n')
}
