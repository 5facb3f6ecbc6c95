import { openCuratedData, type CuratedHeader, type FactEntry } from './open-curated-data.js'

export type { CuratedSource, FactEntry } from './open-curated-data.js'

export interface CuratedData extends Omit<CuratedHeader, 'vocabulary'> {
  facts: FactEntry[]
  /** sha256 of the parsed data in canonical form: formatting-only edits leave it unchanged. */
  contentHash: string
}

/**
 * The whole curated dataset in memory, for tools and tests on hand-sized data (coverage, the
 * curation checks). The database build streams instead (openCuratedData).
 */
export function loadCuratedData(dataDir: string): CuratedData {
  const stream = openCuratedData(dataDir)
  const facts = [...stream.facts()]
  const { contentHash } = stream.finish()
  const { vocabulary: _vocabulary, ...header } = stream.header
  return { ...header, facts, contentHash }
}
