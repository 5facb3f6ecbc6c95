import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CslItem } from '../../schemas/citation.js'

// Styles citation-js's CSL plugin bundles (no Chicago style ships with a maintained package):
// the template name and how the page titles it.
const STYLES = [
  { template: 'apa', name: 'APA (7th edition)' },
  { template: 'harvard1', name: 'Harvard' },
  { template: 'vancouver', name: 'Vancouver' }
] as const

export interface FormattedCitation {
  id: string
  name: string
  references: string[]
}

/**
 * The CSL-JSON of /v1/facts/{id}/citation formatted by a CSL processor (citeproc-js, through
 * citation-js), as plain text: the page escapes it like any other value.
 */
export function formatCitations(items: CslItem[]): FormattedCitation[] {
  const cite = new Cite(items)
  return STYLES.map(({ template, name }) => {
    const entries = cite.format('bibliography', { format: 'text', template, lang: 'en-US', asEntryArray: true, nosort: true }) as unknown as [string, string][]
    return { id: `cite-${template}`, name, references: entries.map(([, text]) => text.trim()) }
  })
}
