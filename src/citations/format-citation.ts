import { Worker } from 'node:worker_threads'
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

// One worker formats every reference, started by the first citation asked for: citeproc is a
// megabyte of JavaScript no other answer needs, and its first use of a style takes seconds.
// Compiled, this module sits beside format-worker.js; run from source (tests, tsx), beside the
// .ts file, which Node strips of its types.
const WORKER_FILE = new URL(`./format-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)

interface Pending {
  resolve: (references: string[]) => void
  reject: (error: Error) => void
}

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

function formatter(): Worker {
  if (worker) return worker
  const started = new Worker(WORKER_FILE)
  // a process with nothing else to do may exit: a citation in flight is not a reason to stay
  started.unref()
  started.on('message', ({ id, references, error }: { id: number; references?: string[]; error?: string }) => {
    const call = pending.get(id)
    pending.delete(id)
    if (error === undefined) call?.resolve(references ?? [])
    else call?.reject(new Error(`citation formatting failed: ${error}`))
  })
  const fail = (error: Error) => {
    worker = undefined
    for (const call of pending.values()) call.reject(error)
    pending.clear()
  }
  started.on('error', fail)
  started.on('exit', (code) => fail(new Error(`the citation worker exited with code ${code}`)))
  return (worker = started)
}

/**
 * Each reference formatted in a style by a CSL processor (citeproc-js, through citation-js), in
 * the order given rather than a bibliography's, as plain text that callers escape. One place for
 * every formatted reference the service writes: the explorer's and the MCP `cite_fact` tool's.
 */
export function formatReferences(items: readonly CslItem[], style: CitationStyle = 'apa'): Promise<string[]> {
  return formatKeyed(items, JSON.stringify(items), style)
}

/** The same references in every style, each with the name a page gives it. */
export function formatInEveryStyle(items: readonly CslItem[]): Promise<{ style: CitationStyle; name: string; references: string[] }[]> {
  // the cache key's JSON, once for the three styles
  const json = JSON.stringify(items)
  return Promise.all(CITATION_STYLE_IDS.map(async (style) => ({ style, name: CITATION_STYLES[style], references: await formatKeyed(items, json, style) })))
}

async function formatKeyed(items: readonly CslItem[], itemsJson: string, style: CitationStyle): Promise<string[]> {
  const key = `${style} ${itemsJson}`
  const hit = formatted.get(key)
  if (hit !== undefined) return hit
  const id = nextId++
  const references = await new Promise<string[]>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    formatter().postMessage({ id, items, style })
  })
  return memoized(formatted, key, () => references)
}
