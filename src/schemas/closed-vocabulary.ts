import type { Vocabularies } from './fact-filters.js'

/**
 * Vocabularies fixed per dataset release, listed as an `enum` so that generated clients and
 * fuzzers know the valid values. Actors and sources grow with the data, but the document is
 * generated from the same database the server answers from (a test keeps it current), so their
 * lists are exactly what it accepts.
 */
export type ClosedVocabulary = Extract<keyof Vocabularies, 'categories' | 'forms' | 'actorTypes' | 'units' | 'flags' | 'actors' | 'sources'>

/** The zod metadata key naming a string's closed vocabulary; the OpenAPI document turns it into `enum`. */
export const VOCABULARY_KEY = 'x-vocabulary'

/**
 * Metadata for a string that takes a term of `vocabulary`. The terms are data, read when the
 * database opens, so the schema only names the vocabulary: validation keeps its own check (a 400
 * listing the valid values) and the document lists the shipped terms.
 */
export const closedVocabulary = (vocabulary: ClosedVocabulary) => ({ [VOCABULARY_KEY]: vocabulary })
