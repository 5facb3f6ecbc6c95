import { rssMb } from './processes.js'

export interface ExportResult {
  factsPerSecond: number
  mb: number
  rssGrowthMb: number
  /** Requests sent one after another while the export streamed: how many, and their latency in ms. */
  probes: { count: number; p50: number; max: number }
}

// A pause between two probes: the probes sample the export's whole length without adding load.
const PROBE_PAUSE_MS = 20

/**
 * The NDJSON export of every fact, read at full speed, with requests for pages (each a filter
 * set not asked before, so that no cache answers) sent one after another beside it: the
 * export's speed and the server's memory growth, and how long a request waits meanwhile.
 */
export async function exportBeside(base: string, pid: number, encoding: 'identity' | 'gzip', probePaths: string[]): Promise<ExportResult> {
  const rssBefore = rssMb(pid)
  let peak = rssBefore
  let bytes = 0
  let lines = 0
  let streaming = true
  const latencies: number[] = []
  const probing = (async () => {
    for (let i = 0; streaming; i++) {
      const sent = performance.now()
      await (await fetch(`${base}${probePaths[i % probePaths.length]}`)).arrayBuffer()
      if (streaming) latencies.push(performance.now() - sent)
      await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS))
    }
  })()
  const started = performance.now()
  // fetch decompresses gzip itself: lines are counted on the NDJSON either way
  const response = await fetch(`${base}/v1/facts/export?format=ndjson`, { headers: { 'accept-encoding': encoding } })
  for await (const chunk of response.body!) {
    const part = chunk as Uint8Array
    bytes += part.byteLength
    for (let i = 0; i < part.length; i++) if (part[i] === 10) lines++
    peak = Math.max(peak, rssMb(pid))
  }
  const seconds = (performance.now() - started) / 1000
  streaming = false
  await probing
  latencies.sort((a, b) => a - b)
  return {
    factsPerSecond: lines / seconds,
    mb: bytes / 1e6,
    rssGrowthMb: peak - rssBefore,
    probes: { count: latencies.length, p50: latencies[latencies.length >> 1] ?? NaN, max: latencies.at(-1) ?? NaN }
  }
}
