import { parentPort } from 'node:worker_threads'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'

// Runs citeproc away from the event loop: a style's first use parses its CSL file and locale,
// seconds of CPU on a busy machine, which would stall every other request of the process.
// Plain TypeScript without imports of the project's own, so Node runs it as it is, or compiled.
interface FormatRequest {
  id: number
  items: object[]
  style: string
}

parentPort?.on('message', ({ id, items, style }: FormatRequest) => {
  try {
    const entries = new Cite(items).format('bibliography', { format: 'text', template: style, lang: 'en-US', asEntryArray: true, nosort: true })
    parentPort?.postMessage({ id, references: (entries as unknown as [string, string][]).map(([, text]) => text.trim()) })
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
