import closeWithGrace from 'close-with-grace'
import Fastify from 'fastify'
import app, { serverOptions } from './app.js'
import { ConfigError, loadConfig, type Config } from './config/config.js'

function readConfig(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

const config = readConfig()
const server = Fastify({
  ...serverOptions(config),
  logger: { level: config.LOG_LEVEL },
  // keep-alive past a typical load balancer's idle timeout, so it never reuses a socket we closed
  keepAliveTimeout: 65_000
})

// past the grace period close-with-grace exits with 1: a download still streaming then breaks
// off visibly (its chunked body never ends), never as a complete-looking answer. Not on the
// signals of a native fault: with a JS listener on them, a real SIGSEGV (say, in a native
// module) returns into the faulting instruction and the process hangs at full CPU instead of
// crashing (Node's documentation on signal events); crashed, it is restarted.
closeWithGrace({ delay: config.SHUTDOWN_GRACE_MS, skip: ['SIGSEGV', 'SIGBUS', 'SIGFPE', 'SIGILL'] }, async ({ signal, err }) => {
  if (err) server.log.error({ err }, 'closing after an error')
  else server.log.info(`${signal} received: closing`)
  await server.close()
})

try {
  // registering opens (and if needed builds) the database: invalid curated data stops here
  await server.register(app, config)
  await server.listen({ port: config.PORT, host: config.HOST })
} catch (error) {
  server.log.fatal({ err: error }, 'could not start')
  process.exit(1)
}
