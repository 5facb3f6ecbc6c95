import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FIXTURE_DATA_DIR } from '../helpers/paths.js'

// `npm start` as an operator runs it, in a copy of the project as a fresh clone has it (no
// dist/), so that nothing else compiling or editing this tree can change what it finds. It
// must compile once, not on every start (~10 s each), and a SIGTERM to the npm process, which
// is what a supervisor holds, must stop the server rather than leave it serving with no parent.
const project = mkdtempSync(join(tmpdir(), 'facts-npm-start-'))
const started: { npm: ChildProcess; pid?: number }[] = []

beforeAll(() => {
  for (const path of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'migrations']) {
    cpSync(path, join(project, path), { recursive: true })
  }
  symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir')
})

afterAll(() => {
  for (const { npm, pid } of started) {
    npm.kill('SIGKILL')
    if (pid !== undefined && isRunning(pid)) process.kill(pid, 'SIGKILL')
  }
  rmSync(project, { recursive: true, force: true })
})

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** `npm start` in the copy; resolves once the server listens, with its address and pid. */
async function npmStart(): Promise<{ npm: ChildProcess; base: string; pid: number }> {
  const npm = spawn('npm', ['start'], {
    cwd: project,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(project, 'facts.sqlite'),
      DATA_DIR: resolve(FIXTURE_DATA_DIR)
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const entry: { npm: ChildProcess; pid?: number } = { npm }
  started.push(entry)
  const { base, pid } = await new Promise<{ base: string; pid: number }>((resolve, reject) => {
    let log = ''
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      // every line of the server's log carries its pid
      const line = /^\{.*"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)".*$/m.exec(log)
      if (!line) return
      npm.stdout?.off('data', onData).resume()
      resolve({ base: line[1]!, pid: (JSON.parse(line[0]) as { pid: number }).pid })
    }
    npm.stdout?.on('data', onData)
    npm.stderr?.on('data', onData)
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${log}`)))
  })
  entry.pid = pid
  expect((await fetch(`${base}/readyz`)).status).toBe(200)
  return { npm, base, pid }
}

/** SIGTERM to npm; resolves with its exit code and how long it took to stop. */
async function stop(npm: ChildProcess): Promise<{ code: number | null; elapsed: number }> {
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)))
  const signalled = performance.now()
  npm.kill('SIGTERM')
  const code = await exited
  return { code, elapsed: performance.now() - signalled }
}

describe('npm start', () => {
  test('in a fresh clone compiles, serves, and stops on a SIGTERM to npm', async () => {
    expect(existsSync(join(project, 'dist'))).toBe(false)
    const { npm, base, pid } = await npmStart()
    expect(existsSync(join(project, 'dist/server.js'))).toBe(true)

    const { code, elapsed } = await stop(npm)
    expect(code).toBe(0)
    expect(elapsed).toBeLessThan(5_000)
    expect(isRunning(pid), 'the server outlived npm').toBe(false)
    await expect(fetch(`${base}/readyz`)).rejects.toThrow()
  }, 120_000)

  test('then starts from dist/ as it is, without compiling again', async () => {
    const compiled = statSync(join(project, 'dist/server.js')).mtimeMs
    const { npm } = await npmStart()
    expect(statSync(join(project, 'dist/server.js')).mtimeMs, 'dist/ was compiled again').toBe(compiled)
    expect((await stop(npm)).code).toBe(0)
  }, 60_000)
})
