import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { API_VERSION } from '../version.js'
import type { ToolContext } from './define-tool.js'
import { registerFactTools } from './fact-tools.js'
import { registerListValuesTool } from './list-values-tool.js'
import { registerReferenceTools } from './reference-tools.js'

const INSTRUCTIONS =
  'Source-linked facts about human trafficking: what governments did (prosecution, protection, prevention), how many people ' +
  'are affected, who was involved. Every fact carries the exact words of its source (evidence quotes) with offsets. ' +
  'Answer from the facts, quote the evidence verbatim, and give the fact id or its cite_fact reference. ' +
  'count_facts and list_values show what the data holds; search_facts finds facts; read_source shows a quote in its context.'

/** A server for one request: stateless, so any replica answers any call, and nothing outlives the request. */
export function createMcpServer(context: ToolContext): McpServer {
  const server = new McpServer({ name: 'trafficking-facts', title: 'Trafficking facts', version: API_VERSION }, { instructions: INSTRUCTIONS })
  registerFactTools(server, context)
  registerReferenceTools(server, context)
  registerListValuesTool(server, context)
  return server
}
