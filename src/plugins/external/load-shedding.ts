import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/config.js'
import { OverloadedError } from '../../http/errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: answer even under pressure (liveness and metrics must say what is going on). */
    shedUnderPressure?: boolean
  }
}

// Seconds a client is asked to wait: about the time for a stalled event loop or a full heap to
// clear (the sample period is a second).
const RETRY_AFTER_SECONDS = 5

const CAUSES: Record<string, string> = { eventLoopDelay: 'its event loop lags', heapUsedBytes: 'its memory is nearly full' }

/**
 * Refuses new work with a 503 while the event loop lags or the heap nears its limit, so that a
 * replica sheds load before it stalls; `/readyz` reports the same state to the orchestrator.
 */
export default fp(
  async function loadShedding(app: FastifyInstance, config: Config) {
    await app.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes: config.MAX_HEAP_USED_MB * 1024 * 1024,
      retryAfter: RETRY_AFTER_SECONDS,
      pressureHandler: (request, reply, type) => {
        if (request.routeOptions.config.shedUnderPressure === false) return undefined
        reply.header('retry-after', RETRY_AFTER_SECONDS)
        // rejected, so that the error handler answers it as problem details
        return Promise.reject(new OverloadedError(`The server is overloaded (${CAUSES[type] ?? type}); retry in ${RETRY_AFTER_SECONDS} s.`))
      }
    })
  },
  { name: 'load-shedding' }
)
