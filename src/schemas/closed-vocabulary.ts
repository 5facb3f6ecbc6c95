import type { Vocabularies } from './fact-filters.js'

/** Vocabularies short and fixed enough per dataset for clients to hold as an `enum`. */
export type ClosedVocabulary = Extract<keyof Vocabularies, 'categories' | 'forms' | 'actorTypes' | 'units' | 'flags'>

/** The zod metadata key naming a string's closed vocabulary; the OpenAPI document turns it into `enum`. */
export const VOCABULARY_KEY = 'x-vocabulary'

/**
 * Metadata for a string that takes a term of `vocabulary`. The terms are data, read when the
 * database opens, so the schema only names the vocabulary: validation keeps its own check (a 400
 * listing the valid values) and the document lists the shipped terms.
 */
export const closedVocabulary = (vocabulary: ClosedVocabulary) => ({ [VOCABULARY_KEY]: vocabulary })
