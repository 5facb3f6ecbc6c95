import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, type TestEnv } from '../helpers/build-test-app.js'

export interface McpTarget {
  app: FastifyInstance
  base: string
  client: Client
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>
  close(): Promise<void>
}

/** The app on a real port, and the SDK's own client connected to its /mcp. */
export async function connectMcp(env: TestEnv = {}): Promise<McpTarget> {
  const app = await buildTestApp(env)
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const client = new Client({ name: 'trafficking-facts-tests', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)))
  return {
    app,
    base,
    client,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    async close() {
      await client.close()
      await app.close()
    }
  }
}

/** The text of a tool result's first content block. */
export const textOf = (result: CallToolResult) => (result.content[0] as { text: string }).text
