import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from '../plugins/app/problem-details.js'
import { createMcpServer } from './mcp-server.js'
import { MCP_PATH } from './mcp-path.js'

/**
 * The Model Context Protocol over Streamable HTTP, stateless: each POST gets its own server and
 * transport, answers in JSON, and leaves nothing behind, so any replica can answer any call.
 * The transport writes the answer itself (the reply is hijacked), after the hooks that ran
 * before it (rate limit, request id, CORS, security headers, load shedding) and with the
 * headers they set. Not an API resource: left out of the OpenAPI document.
 */
export default async function mcpRoute(app: FastifyInstance) {
  app.post(MCP_PATH, { schema: { hide: true } }, async (request, reply) => {
    const server = createMcpServer({ app, baseUrl: app.publicBaseUrl(request), log: request.log })
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
    reply.hijack()
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value)
    reply.raw.on('close', () => {
      void transport.close()
      void server.close()
    })
    await server.connect(transport)
    await transport.handleRequest(request.raw, reply.raw, request.body)
  })

  // A stateless server offers no stream to GET and no session to DELETE (MCP, Streamable HTTP transport)
  app.route({
    method: ['GET', 'DELETE'],
    url: MCP_PATH,
    schema: { hide: true },
    handler: (request, reply) => {
      reply.header('allow', 'POST')
      return sendProblem(request, reply, 405, `${MCP_PATH} takes MCP messages by POST only: this server keeps no sessions and opens no event stream.`)
    }
  })
}
