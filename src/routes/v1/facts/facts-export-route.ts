import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NotAcceptableError } from '../../../http/errors.js'
import { factExportQuerySchema } from '../../../schemas/fact-query.js'
import { problemResponses } from '../../../schemas/problem.js'
import { selectFields } from '../../../schemas/fact-fields.js'
import { exportStream } from './export-stream.js'
import { csvColumns, csvHeader, csvRow, type CsvColumn } from './fact-csv.js'
import { resolveFactQuery } from './resolve-fact-query.js'

// Rows come from each fact's stored JSON: NDJSON copies it as it is (or the fields asked for),
// CSV reads the whole fact and writes the columns of the fields asked for.
const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv', header: csvHeader, row: (json: string, columns: readonly CsvColumn[]) => csvRow(JSON.parse(json), columns) },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', extension: 'ndjson', header: () => '', row: (json: string) => `${json}\n` }
} as const

const factsExportRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/facts/export', {
    schema: {
      operationId: 'exportFacts',
      summary: 'Download every matching fact as CSV or NDJSON',
      description:
        'Takes the same filters as `/v1/facts`, without paging: the whole result is streamed from the database. ' +
        'CSV joins list cells with " | " and writes `figures` and `evidence` as JSON. ' +
        '`fields` keeps only those fields: NDJSON objects hold them, CSV has their columns (the origin columns come with `evidence`).',
      tags: ['facts'],
      querystring: factExportQuerySchema,
      response: {
        200: {
          description: 'The matching facts, streamed.',
          content: {
            'text/csv': { schema: z.string().meta({ examples: [csvHeader()] }) },
            'application/x-ndjson': { schema: z.string().describe('One Fact object per line; with `fields`, one PartialFact.') }
          }
        },
        ...problemResponses(400, 406, 429, 503)
      },
      responseHeaders: { 200: ['Content-Disposition'] }
    }
  }, async (request, reply) => {
    const { format, sort: requestedSort, fields: requestedFields, ...filters } = request.query
    const fields = selectFields(requestedFields)
    const columns = csvColumns(fields)
    const { query, sort } = resolveFactQuery(filters, requestedSort, app.dataset.vocabularies)
    const output = FORMATS[format]
    if (request.headers.accept && !request.accepts().type([output.type.split(';')[0]!])) {
      throw new NotAcceptableError(`format=${format} produces ${output.type}; the Accept header allows it not.`)
    }
    const facts = app.repositories.facts.iterateJson(query, sort, format === 'ndjson' ? fields : undefined)
    return reply
      .type(output.type)
      .header('content-disposition', `attachment; filename="facts.${output.extension}"`)
      // the 200 schema documents the body for OpenAPI; a stream is sent as is, never serialized
      .send(exportStream(output.header(columns), facts, (json) => output.row(json, columns)) as unknown as string)
  })
}

export default factsExportRoute
