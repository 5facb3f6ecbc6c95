import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { InvalidParameter } from '../http/errors.js'

/** What a tool needs of the request it answers in: the app's repositories, the public base URL, the request's logger. */
export interface ToolContext {
  app: FastifyInstance
  baseUrl: string
  log: FastifyBaseLogger
  /** The tools defined so far, for the listing (see mcp-server.ts). */
  defined: ToolDefinition<z.ZodObject>[]
}

/** Every tool only reads this dataset's immutable data. */
export const READ_ONLY = { readOnlyHint: true, idempotentHint: true, openWorldHint: false }

/** A tool's answer: structured content for programs, and a short text form for the model. */
export function toolResult(structured: object, text: string): CallToolResult {
  return { structuredContent: structured as Record<string, unknown>, content: [{ type: 'text', text }] }
}

export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] }
}

type ClientError = Error & { statusCode: number; parameterErrors?: InvalidParameter['parameterErrors'] }

function isClientError(error: unknown): error is ClientError {
  const status = (error as { statusCode?: unknown } | null)?.statusCode
  return error instanceof Error && typeof status === 'number' && status < 500
}

export interface ToolDefinition<S extends z.ZodObject> {
  name: string
  title: string
  description: string
  input: S
  run: (args: z.output<S>, context: ToolContext) => CallToolResult | Promise<CallToolResult>
}

/**
 * Registers a read-only tool. The REST API's client errors (a value outside its vocabulary, an
 * unknown id) become tool errors with the same messages, naming the argument; anything else is
 * logged and answered as a server failure, never with its message. Each call is counted and
 * timed by tool.
 */
export function defineTool<S extends z.ZodObject>(server: McpServer, context: ToolContext, tool: ToolDefinition<S>): void {
  context.defined.push(tool as unknown as ToolDefinition<z.ZodObject>)
  server.registerTool(tool.name, {
    title: tool.title,
    description: tool.description,
    inputSchema: tool.input,
    annotations: READ_ONLY
  }, (async (args: z.output<S>) => {
    const started = performance.now()
    let result: CallToolResult
    try {
      result = await tool.run(args, context)
    } catch (error) {
      if (isClientError(error)) {
        result = toolError(error.parameterErrors?.map((e) => `${e.name}: ${e.message}`).join('; ') ?? error.message)
      } else {
        context.log.error({ err: error, tool: tool.name }, 'MCP tool failed')
        result = toolError('The server failed to answer this call.')
      }
    }
    context.app.metrics.toolCall(tool.name, result.isError ? 'error' : 'ok', (performance.now() - started) / 1000)
    return result
  }) as Parameters<McpServer['registerTool']>[2])
}
