import type { FastifyInstance } from 'fastify'

/** Valid values per query parameter name, and per resource (`/v1/facts/{id}`) for path parameters, read from the app. */
export type KnownValues = Record<string, string[]>

async function data<T>(app: FastifyInstance, url: string): Promise<T[]> {
  const response = await app.inject({ method: 'GET', url })
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`)
  return (response.json() as { data: T[] }).data
}

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))]

/**
 * What a real client would send, taken from the data the app serves: slugs, ids, years, countries
 * and words that occur in statements. Valid values reach the code behind validation, where
 * hostile ones mostly stop at the schema.
 */
export async function readKnownValues(app: FastifyInstance): Promise<KnownValues> {
  const [years, categories, forms, units, flags, actors, sources, facts] = await Promise.all([
    data<{ year: number }>(app, '/v1/years'),
    data<{ slug: string }>(app, '/v1/categories'),
    data<{ slug: string }>(app, '/v1/forms'),
    data<{ slug: string }>(app, '/v1/units'),
    data<{ slug: string }>(app, '/v1/flags'),
    data<{ id: string; type: string }>(app, '/v1/actors'),
    data<{ id: string; length: number }>(app, '/v1/sources'),
    data<{ id: string; statement: string; country: string | null; relatedCountries: { code: string }[] }>(app, '/v1/facts?limit=100')
  ])
  const yearValues = years.map((y) => String(y.year))
  const actorTypes = unique(actors.map((a) => a.type))
  const sourceIds = sources.map((s) => s.id)
  // offsets valid in every source's text, so any source id pairs with any of them
  const shortest = Math.min(...sources.map((s) => s.length))
  const offsets = Array.from({ length: 21 }, (_, i) => String(Math.floor((shortest * i) / 20)))
  return {
    id: facts.map((f) => f.id),
    year: yearValues,
    yearFrom: yearValues,
    yearTo: yearValues,
    category: categories.map((c) => c.slug),
    form: forms.map((f) => f.slug),
    actor: actors.map((a) => a.id),
    actorType: actorTypes,
    type: actorTypes,
    country: unique(facts.flatMap((f) => [f.country, f.country?.toLowerCase()])),
    relatedCountry: unique(facts.flatMap((f) => f.relatedCountries.flatMap((r) => [r.code, r.code.toLowerCase()]))),
    source: sourceIds,
    unit: units.map((u) => u.slug),
    flag: flags.map((f) => f.slug),
    excludeFlag: flags.map((f) => f.slug),
    q: unique(facts.flatMap((f) => f.statement.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 3)).slice(0, 200),
    start: offsets,
    end: offsets,
    '/v1/facts/{id}': facts.map((f) => f.id),
    '/v1/categories/{slug}': categories.map((c) => c.slug),
    '/v1/forms/{slug}': forms.map((f) => f.slug),
    '/v1/units/{slug}': units.map((u) => u.slug),
    '/v1/flags/{slug}': flags.map((f) => f.slug),
    '/v1/actors/{id}': actors.map((a) => a.id),
    '/v1/sources/{id}': sourceIds
  }
}
