import { VOCABULARY_KEY, type ClosedVocabulary } from '../schemas/closed-vocabulary.js'

export type VocabularyTerms = Record<ClosedVocabulary, Iterable<string>>

/**
 * Turns each schema's closed-vocabulary marker into an `enum` of the dataset's terms, in their
 * curated order: the document lists exactly the values the served data accepts and returns.
 */
export function addVocabularyEnums<D>(document: D, terms: VocabularyTerms): D {
  return JSON.parse(JSON.stringify(document), (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !(VOCABULARY_KEY in value)) return value
    const { [VOCABULARY_KEY]: vocabulary, ...schema } = value as Record<string, unknown>
    const values = terms[vocabulary as ClosedVocabulary]
    if (!values) throw new Error(`${VOCABULARY_KEY}: no vocabulary "${String(vocabulary)}"`)
    return { ...schema, enum: [...values] }
  }) as D
}
