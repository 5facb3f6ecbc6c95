import type { FuzzRequest } from './request-arbitraries.js'

const get = (url: string, headers: Record<string, string> = {}): FuzzRequest => ({ url, headers })
const longId = 'a'.repeat(201)

/**
 * Minimal counterexamples the fuzzing found, by operation, replayed before the random cases of
 * every run (fast-check `examples`), so each one stays caught whatever the seed.
 */
export const COUNTEREXAMPLES: Record<string, FuzzRequest[]> = {
  // health answered 400 to a malformed escape or a repeated parameter while the document declared 200/406 (and 503)
  getLiveness: [get('/healthz?%ZZ=1'), get('/healthz?q=1&q=2')],
  getReadiness: [get('/readyz?%ZZ=1'), get('/readyz?q=1&q=2')],
  // an id over 200 characters answered 414 (once as plain JSON) while the document declared no 414;
  // If-None-Match: * once turned a 404 into a 304
  getFact: [get(`/v1/facts/${longId}`), get('/v1/facts/no-such-fact', { 'if-none-match': '*' })],
  getCategory: [get(`/v1/categories/${longId}`)],
  getForm: [get(`/v1/forms/${longId}`)],
  getActor: [get(`/v1/actors/${longId}`)],
  getSource: [get(`/v1/sources/${longId}`)],
  getSourceText: [get(`/v1/sources/${longId}/text`)],
  getFactCitation: [get(`/v1/facts/${longId}/citation`)],
  // a problem once echoed the whole of a long query; If-None-Match: * once turned a 400 into a 304
  listFacts: [get(`/v1/facts?q=${'a'.repeat(16_000)}`), get('/v1/facts?category=labour', { 'if-none-match': '*' })]
}
