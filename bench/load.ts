import autocannon from 'autocannon'
import { cpuMs } from './processes.js'

export interface LoadResult {
  requests: number
  rps: number
  p50: number
  p99: number
  /** Server CPU time per request, in µs. */
  cpuUs: number
  non2xx: number
  errors: number
}

/**
 * Load on one server: a fixed path, paths drawn in turn from a list (each used once per lap), or
 * a function called for every request (one counter shared by all connections).
 */
export async function load(base: string, pid: number, paths: string | string[] | (() => string), seconds: number, connections: number): Promise<LoadResult> {
  const list = typeof paths === 'string' ? [paths] : paths
  let next = 0
  const path = typeof list === 'function' ? list : () => list[next++ % list.length]!
  const cpuBefore = cpuMs(pid)
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }]
  })
  const requests = result.requests.total
  return {
    requests,
    rps: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs: ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(requests, 1),
    non2xx: result.non2xx,
    errors: result.errors
  }
}
