import type { FastifyInstance } from 'fastify'

export const OPENAPI_FILE = 'openapi/openapi.json'

/** The committed form of the document: stable indentation and a final newline, for clean diffs. */
export function renderOpenapi(app: FastifyInstance): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`
}
