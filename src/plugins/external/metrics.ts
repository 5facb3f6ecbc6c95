import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's metrics and the process's, in Prometheus text format. */
    metrics: {
      contentType: string
      render(): Promise<string>
      /** Counts an answer; for those no onResponse hook sees (Fastify's router errors). */
      count(request: FastifyRequest, reply: FastifyReply): void
      /** Counts one MCP tool call and its duration, by tool and outcome. */
      toolCall(tool: string, outcome: 'ok' | 'error', seconds: number): void
    }
  }
}

// The label of requests no route matched: one label value, whatever the URL, so that probing
// random paths cannot grow the metrics without bound.
export const UNMATCHED_ROUTE = '(unmatched)'

// From a replayed answer (~0.1 ms) to the request timeout.
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

// CPU, memory, GC, handles and event-loop lag describe the process, not one app: collected once
// per process, since prom-client's collectors (a GC observer, an event-loop delay histogram)
// cannot be stopped, and the tests build many apps in one process.
let processRegistry: Registry | undefined
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

/**
 * Prometheus metrics through prom-client: requests and latency by route pattern (never the raw
 * URL), the process's default metrics, and which dataset this replica serves. Registered before
 * the plugins whose hooks may answer early (CORS preflight, rate limit, response cache), since
 * onResponse runs for those answers too.
 */
export default fp(
  async function metrics(app: FastifyInstance) {
    const registry = new Registry()
    const perProcess = processMetrics()
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status',
      labelNames: ['route', 'method', 'status_code'] as const,
      registers: [registry]
    })
    const latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from a request\'s arrival to its answer being written, by route pattern and method',
      labelNames: ['route', 'method'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry]
    })
    // tool names are the few the server registers: a bounded label set
    const toolCalls = new Counter({
      name: 'mcp_tool_calls_total',
      help: 'MCP tool calls answered, by tool and outcome (ok, or error: a tool error such as a bad argument)',
      labelNames: ['tool', 'outcome'] as const,
      registers: [registry]
    })
    const toolLatency = new Histogram({
      name: 'mcp_tool_call_duration_seconds',
      help: 'Time an MCP tool call took to answer, by tool',
      labelNames: ['tool'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry]
    })
    const dataset = new Gauge({
      name: 'trafficking_facts_dataset_info',
      help: 'The dataset this process serves (always 1; its identity is in the labels)',
      labelNames: ['version', 'content_hash'] as const,
      registers: [registry]
    })

    // One child per label set, looked up by a plain key: prom-client hashes a labels object on
    // every call, a measurable part of a replayed answer's CPU (--cpu-prof: ~4 % of busy time).
    // Routes, methods (those Node's parser accepts) and statuses are few, so the map stays small.
    const children = new Map<string, { count: () => void; observe: (seconds: number) => void }>()
    const count = (request: FastifyRequest, reply: FastifyReply) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE
      const key = `${route} ${request.method} ${reply.statusCode}`
      let child = children.get(key)
      if (!child) {
        const counter = requests.labels(route, request.method, String(reply.statusCode))
        const histogram = latency.labels(route, request.method)
        child = { count: () => counter.inc(), observe: (seconds) => histogram.observe(seconds) }
        children.set(key, child)
      }
      child.count()
      child.observe(reply.elapsedTime / 1000)
    }
    app.addHook('onResponse', (request, reply, done) => {
      count(request, reply)
      done()
    })
    // the database plugin, registered after this one, has opened the dataset by then
    app.addHook('onReady', function setDataset(done) {
      dataset.set({ version: app.dataset.version, content_hash: app.dataset.contentHash }, 1)
      done()
    })

    app.decorate('metrics', {
      contentType: registry.contentType,
      async render() {
        return (await perProcess.metrics()) + (await registry.metrics())
      },
      count,
      toolCall(tool: string, outcome: 'ok' | 'error', seconds: number) {
        toolCalls.labels(tool, outcome).inc()
        toolLatency.labels(tool).observe(seconds)
      }
    })
  },
  { name: 'metrics' }
)
