/**
 * The filterable dimensions of a fact, each with one posting list per value. Defined once: the
 * build writes them, the index loads them, the filters and facets name them.
 */
export const DIMENSIONS = ['year', 'publishedYear', 'category', 'form', 'actor', 'actorType', 'country', 'relatedCountry', 'source', 'unit', 'flag', 'hasFigures'] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** The `year` (and `publishedYear`) value of facts that have none. */
export const NO_YEAR = 'none'

export type DimensionValues = Record<Dimension, string[]>
