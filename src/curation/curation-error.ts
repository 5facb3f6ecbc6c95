export interface CurationIssue {
  file: string
  id?: string | undefined
  reason: string
}

/** Curated data that must not be served; the message lists every issue, one per line. */
export class CurationError extends Error {
  constructor(readonly issues: CurationIssue[]) {
    super(
      `curated data is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}${i.id ? ` [${i.id}]` : ''}: ${i.reason}`).join('\n')
    )
    this.name = 'CurationError'
  }
}
