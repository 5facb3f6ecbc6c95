import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { addVocabularyEnums } from '../openapi/vocabulary-enums.js'
import { API_VERSION } from '../version.js'
import { READ_ONLY, type ToolContext, type ToolDefinition } from './define-tool.js'
import { registerFactTools } from './fact-tools.js'
import { registerListValuesTool } from './list-values-tool.js'
import { registerReferenceTools } from './reference-tools.js'

const INSTRUCTIONS =
  'Source-linked facts about human trafficking: what governments did (prosecution, protection, prevention), how many people ' +
  'are affected, who was involved. Every fact carries the exact words of its source (evidence quotes) with offsets. ' +
  'Answer from the facts, quote the evidence verbatim, and give the fact id or its cite_fact reference. ' +
  'count_facts and list_values show what the data holds; search_facts finds facts; read_source shows a quote in its context.'

/** A server for one request: stateless, so any replica answers any call, and nothing outlives the request. */
export function createMcpServer(context: Omit<ToolContext, 'defined'>): McpServer {
  const server = new McpServer({ name: 'trafficking-facts', title: 'Trafficking facts', version: API_VERSION }, { instructions: INSTRUCTIONS })
  const full: ToolContext = { ...context, defined: [] }
  registerFactTools(server, full)
  registerReferenceTools(server, full)
  registerListValuesTool(server, full)
  // The SDK lists input schemas as zod writes them, where a closed vocabulary is only named
  // (`x-vocabulary`); the listing instead spells out its terms as an `enum`, as the OpenAPI
  // document does, so a model picks valid values without a round trip. Computed once per process.
  const tools = listing(context.app, full.defined)
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }))
  return server
}

const listings = new WeakMap<FastifyInstance, Tool[]>()

function listing(app: FastifyInstance, defined: ToolDefinition<z.ZodObject>[]): Tool[] {
  let tools = listings.get(app)
  if (!tools) {
    tools = defined.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: addVocabularyEnums(z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' }), app.dataset.vocabularies) as Tool['inputSchema'],
      annotations: READ_ONLY
    }))
    listings.set(app, tools)
  }
  return tools
}
