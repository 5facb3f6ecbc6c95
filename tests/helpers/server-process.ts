import { spawn, type ChildProcess } from 'node:child_process'

/** The server as `npm start` runs it, on a free loopback port; resolves once it listens. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const base = await new Promise<string>((resolve, reject) => {
    let log = ''
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
      if (!address) return
      // the log is drained from here on, never kept
      server.stdout?.off('data', onData).resume()
      resolve(address[1]!)
    }
    server.stdout?.on('data', onData)
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)))
  })
  return { server, base }
}
