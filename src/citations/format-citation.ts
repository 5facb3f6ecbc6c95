import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CslItem } from '../schemas/citation.js'

/** The CSL styles bundled with @citation-js/plugin-csl, offline; APA is the default. */
export const CITATION_STYLES = ['apa', 'harvard1', 'vancouver'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]

/**
 * Each reference formatted in a citation style, in the order given (a bibliography would sort
 * them): plain text, or HTML whose text citeproc has escaped. One place for every formatted
 * reference the service writes, the MCP `cite_fact` tool's and the HTML pages' alike.
 */
export function formatReferences(items: readonly CslItem[], style: CitationStyle = 'apa', format: 'text' | 'html' = 'text'): string[] {
  return items.map((item) => String(new Cite(item).format('bibliography', { format, template: style, lang: 'en-US' })).trim())
}
