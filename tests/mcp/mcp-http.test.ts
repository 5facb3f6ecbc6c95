import { afterAll, beforeAll, expect, test } from 'vitest'
import { connectMcp, type McpTarget } from './mcp-client.js'

let mcp: McpTarget
beforeAll(async () => {
  mcp = await connectMcp()
})
afterAll(() => mcp.close())

const post = (target: McpTarget, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${target.base}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body)
  })
const listTools = { jsonrpc: '2.0', id: 1, method: 'tools/list' }

test('stateless: a bare tools/list POST answers in JSON, with no session id', async () => {
  const response = await post(mcp, listTools)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('mcp-session-id')).toBeNull()
  const body = (await response.json()) as { result: { tools: unknown[] } }
  expect(body.result.tools).toHaveLength(6)
})

test('the API\'s headers apply: request id (echoed when well formed), CORS for any origin, security headers', async () => {
  const response = await post(mcp, listTools, { 'x-request-id': 'mcp-test-1', origin: 'https://assistant.example' })
  expect(response.headers.get('x-request-id')).toBe('mcp-test-1')
  expect(response.headers.get('access-control-allow-origin')).toBe('*')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  const fresh = await post(mcp, listTools)
  expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
})

test('a browser preflight for POST /mcp is allowed; the API paths stay GET-only', async () => {
  const preflight = (path: string) => fetch(`${mcp.base}${path}`, {
    method: 'OPTIONS',
    headers: { origin: 'https://assistant.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, mcp-protocol-version' }
  })
  const mcpPreflight = await preflight('/mcp')
  expect(mcpPreflight.status).toBe(204)
  expect(mcpPreflight.headers.get('access-control-allow-methods')).toContain('POST')
  expect(mcpPreflight.headers.get('access-control-allow-headers')).toMatch(/mcp-protocol-version/i)
  expect((await preflight('/v1/facts')).headers.get('access-control-allow-methods')).not.toContain('POST')
})

test('GET and DELETE on /mcp are 405 problems naming POST (no stream, no session to end)', async () => {
  for (const method of ['GET', 'DELETE']) {
    const response = await fetch(`${mcp.base}/mcp`, { method, headers: { accept: 'text/event-stream' } })
    expect(response.status, method).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  }
})

test('malformed JSON-RPC is answered by the protocol, not a 500', async () => {
  const response = await post(mcp, { hello: 'world' })
  expect(response.status).toBeLessThan(500)
  expect(response.status).toBeGreaterThanOrEqual(400)
})

test('metrics count each tool call by tool and outcome', async () => {
  await mcp.call('list_values', { vocabulary: 'forms' })
  await mcp.call('list_values', { vocabulary: 'forms' })
  await mcp.call('get_fact', { id: 'no-such-fact' })
  const metrics = (await mcp.app.inject('/metrics')).body
  expect(metrics).toMatch(/^mcp_tool_calls_total\{tool="list_values",outcome="ok"\} [2-9]/m)
  expect(metrics).toMatch(/^mcp_tool_calls_total\{tool="get_fact",outcome="error"\} [1-9]/m)
  expect(metrics).toMatch(/^mcp_tool_call_duration_seconds_count\{tool="list_values"\} [2-9]/m)
  expect(metrics).toMatch(/^http_requests_total\{route="\/mcp",method="POST",status_code="200"\} \d+/m)
})

test('the rate limit applies to /mcp as to the API', async () => {
  const limited = await connectMcp({ RATE_LIMIT_MAX: '4' })
  try {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await post(limited, listTools)).status)
    expect(statuses).toContain(429)
    const refused = await post(limited, listTools)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  } finally {
    await limited.close().catch(() => {})
  }
})
