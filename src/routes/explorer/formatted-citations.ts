import { createBoundedCache, memoized } from '../../repositories/facts/bounded-cache.js'
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

// Formatting costs tens of milliseconds per fact even with citeproc's engines built (measured:
// 15-60 ms for three styles, against 0.2 ms for the fact's JSON), and the references of a fact
// never change while the process runs: each is formatted once, for the URL it names.
const formatted = createBoundedCache<FormattedCitation[]>(4 * 1024 * 1024, (f) => JSON.stringify(f).length * 2)

/**
 * The CSL-JSON of /v1/facts/{id}/citation formatted by a CSL processor (citeproc-js, through
 * citation-js), as plain text: the page escapes it like any other value.
 */
export async function formatCitations(items: CslItem[]): Promise<FormattedCitation[]> {
  const key = JSON.stringify(items)
  const hit = formatted.get(key)
  if (hit !== undefined) return hit
  const { Cite } = await citationJs()
  return memoized(formatted, key, () => format(Cite, items))
}

// Loaded when the first fact page is asked for, not at start: citeproc is a megabyte of
// JavaScript (~120 ms to load) that no API answer needs.
let loading: Promise<typeof import('@citation-js/core')> | undefined
const citationJs = () =>
  (loading ??= import('@citation-js/core').then(async (core) => {
    await import('@citation-js/plugin-csl')
    return core
  }))

// The first call builds citeproc's engine for each style (seconds on a busy machine): the
// first fact page a process shows pays it.
function format(Cite: typeof import('@citation-js/core').Cite, items: CslItem[]): FormattedCitation[] {
  const cite = new Cite(items)
  return STYLES.map(({ template, name }) => {
    const entries = cite.format('bibliography', { format: 'text', template, lang: 'en-US', asEntryArray: true, nosort: true }) as unknown as [string, string][]
    return { id: `cite-${template}`, name, references: entries.map(([, text]) => text.trim()) }
  })
}
