import { createBoundedCache, memoized } from '../repositories/facts/bounded-cache.js'
import type { CslItem } from '../schemas/citation.js'

/**
 * The CSL styles @citation-js/plugin-csl bundles, offline, and how a page names them (no
 * maintained package carries a Chicago style); APA is the default.
 */
export const CITATION_STYLES = { apa: 'APA (7th edition)', harvard1: 'Harvard', vancouver: 'Vancouver' } as const
export type CitationStyle = keyof typeof CITATION_STYLES
export const CITATION_STYLE_IDS = Object.keys(CITATION_STYLES) as [CitationStyle, ...CitationStyle[]]

// citeproc costs 5-20 ms per reference once a style is loaded, against 0.2 ms for a fact's JSON,
// and references never change while the process serves one dataset: each is formatted once
const formatted = createBoundedCache<string[]>(4 * 1024 * 1024, (references) => references.join('').length * 2)

// Loaded on the first citation asked for, not at start: citeproc is a megabyte of JavaScript
// (~120 ms to load) that no other answer needs.
let loading: Promise<typeof import('@citation-js/core')> | undefined
const citationJs = () =>
  (loading ??= import('@citation-js/core').then(async (core) => {
    await import('@citation-js/plugin-csl')
    return core
  }))

/**
 * Each reference formatted in a style by a CSL processor (citeproc-js, through citation-js), in
 * the order given rather than a bibliography's, as plain text that callers escape. One place for
 * every formatted reference the service writes: the explorer's and the MCP `cite_fact` tool's.
 * A style's first use in a process parses its CSL file, about a second of CPU.
 */
export async function formatReferences(items: readonly CslItem[], style: CitationStyle = 'apa'): Promise<string[]> {
  const key = `${style} ${JSON.stringify(items)}`
  const hit = formatted.get(key)
  if (hit !== undefined) return hit
  const { Cite } = await citationJs()
  return memoized(formatted, key, () => {
    const entries = new Cite([...items]).format('bibliography', { format: 'text', template: style, lang: 'en-US', asEntryArray: true, nosort: true })
    return (entries as unknown as [string, string][]).map(([, text]) => text.trim())
  })
}
