import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { createBoundedCache, memoized } from '../repositories/facts/bounded-cache.js'
import type { CslItem } from '../schemas/citation.js'

/** The CSL styles bundled with @citation-js/plugin-csl, offline; APA is the default. */
export const CITATION_STYLES = ['apa', 'harvard1', 'vancouver'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]

// citeproc costs milliseconds per reference (and about a second for a style's first use in a
// process, parsing its CSL file): references are immutable with the dataset, so each formatted
// one is kept
const formatted = createBoundedCache<string>(4 * 1024 * 1024, (text) => text.length * 2)

/**
 * Each reference formatted in a citation style, in the order given (a bibliography would sort
 * them): plain text, or HTML whose text citeproc has escaped. One place for every formatted
 * reference the service writes, the MCP `cite_fact` tool's and the HTML pages' alike.
 */
export function formatReferences(items: readonly CslItem[], style: CitationStyle = 'apa', format: 'text' | 'html' = 'text'): string[] {
  return items.map((item) =>
    memoized(formatted, `${style} ${format} ${JSON.stringify(item)}`, () =>
      String(new Cite(item).format('bibliography', { format, template: style, lang: 'en-US' })).trim()))
}
