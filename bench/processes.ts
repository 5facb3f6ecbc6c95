import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

// Server and load generator share two cores: the server is pinned to core 0 and this process
// (autocannon) to core 1 where taskset exists, so server CPU per request is measured alone.
export const canPin = spawnSync('taskset', ['--version']).status === 0
export function pinSelf(): void {
  if (canPin) spawnSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' })
}

export function startPinned(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  // taskset execs the command in place, so the child's pid is the server's either way
  const [file, argv] = canPin ? ['taskset', ['-c', '0', command, ...args]] : [command, args]
  return spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** User + system CPU time of a process, in ms (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

const statusField = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
export const rssMb = (pid: number) => statusField(pid, 'VmRSS')
export const peakRssMb = (pid: number) => statusField(pid, 'VmHWM')

export async function waitFor(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    if (await fetch(url).then((r) => r.ok, () => false)) return performance.now() - started
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}

/** Runs a command to its end, pinned, and reports its wall time and peak RSS. */
export async function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; peakRssMb: number }> {
  const started = performance.now()
  const child = startPinned(command, args, env)
  let peak = 0
  const poll = setInterval(() => {
    try {
      peak = Math.max(peak, peakRssMb(child.pid!))
    } catch {
      // the process has just ended
    }
  }, 50)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(poll)
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`)
  return { ms: performance.now() - started, peakRssMb: peak }
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.on('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
