import { spawn, type ChildProcess } from 'node:child_process'

export interface LoggedProcess {
  child: ChildProcess
  /** Everything it wrote so far, stdout and stderr interleaved. */
  log: () => string
  /** Resolves with the first match of `pattern` in the log; rejects with the log if it exits or time runs out first. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>
  exited: Promise<number | null>
}

/**
 * The server as `npm start` runs it, on a free loopback port, with its whole log kept for the
 * test to read; from the sources, or from `dist/server.js` as built.
 */
export function startLoggedServer(env: NodeJS.ProcessEnv, args = ['--import', 'tsx', 'src/server.ts']): LoggedProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const append = (chunk: Buffer) => (log += chunk.toString())
  child.stdout.on('data', append)
  child.stderr.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const waitFor = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(log)
        if (!match) return
        stop()
        resolve(match)
      }
      const fail = (why: string) => () => {
        stop()
        reject(new Error(`${why} before ${pattern} appeared; its log:\n${log}`))
      }
      const onExit = fail('the process exited')
      const timer = setTimeout(fail(`${timeoutMs} ms passed`), timeoutMs)
      const stop = () => {
        clearTimeout(timer)
        child.stdout.off('data', check)
        child.stderr.off('data', check)
        child.off('exit', onExit)
      }
      child.stdout.on('data', check)
      child.stderr.on('data', check)
      child.once('exit', onExit)
      check()
    })
  return { child, log: () => log, waitFor, exited }
}
