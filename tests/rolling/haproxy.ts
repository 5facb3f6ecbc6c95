import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

export const haveHaproxy = spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0

/** A loopback port free at this moment (the replicas must come back on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/**
 * The settings README.md documents for running replicas behind HAProxy: health checks on
 * /readyz every 500 ms (down after 2 failures, up after 2 successes), and up to 3 retries of a
 * request on another replica when a connection is refused or reset, or answers nothing or a
 * 5xx: every request of this API is a GET, so a retry is always safe.
 */
export function haproxyConfig(options: { port: number; statsPort: number; replicaPorts: number[] }): string {
  return `global
  maxconn 2000

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout check 1s
  retries 3
  option redispatch 1
  retry-on all-retryable-errors
  default-server inter 500ms fall 2 rise 2

frontend api
  bind 127.0.0.1:${options.port}
  default_backend replicas

backend replicas
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  # for the test only: which replica answered, so that it can stop the one streaming an export
  http-response set-header x-replica %s
${options.replicaPorts.map((port, i) => `  server r${i} 127.0.0.1:${port} check`).join('\n')}

listen stats
  bind 127.0.0.1:${options.statsPort}
  stats enable
  stats uri /stats
`
}

export interface Haproxy {
  child: ChildProcess
  /** Each replica's state as HAProxy sees it (UP, DOWN, ...), by server name (r0, r1, ...). */
  states: () => Promise<Record<string, string>>
  /** Resolves once HAProxy sees `name` in `state`. */
  waitFor: (name: string, state: string, timeoutMs?: number) => Promise<void>
  stop: () => Promise<void>
}

/** HAProxy in the foreground (-db) with its config in `dir`; stopped by its own PID. */
export async function startHaproxy(dir: string, options: { port: number; statsPort: number; replicaPorts: number[] }): Promise<Haproxy> {
  const file = join(dir, 'haproxy.cfg')
  writeFileSync(file, haproxyConfig(options))
  const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const states = async () => {
    const csv = await (await fetch(`http://127.0.0.1:${options.statsPort}/stats;csv`)).text()
    const [head, ...rows] = csv.trim().split('\n').map((line) => line.replace(/^# /, '').split(','))
    const name = head!.indexOf('svname')
    const status = head!.indexOf('status')
    return Object.fromEntries(rows.filter((r) => r[0] === 'replicas').map((r) => [r[name]!, r[status]!]))
  }
  const waitFor = async (name: string, state: string, timeoutMs = 20_000) => {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const seen = await states().catch(() => ({}) as Record<string, string>)
      if (seen[name] === state) return
      if (child.exitCode !== null) throw new Error(`haproxy exited: ${log}`)
      if (performance.now() > deadline) throw new Error(`haproxy saw ${name} as ${seen[name]}, not ${state}, after ${timeoutMs} ms: ${log}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  }
  return { child, states, waitFor, stop }
}
