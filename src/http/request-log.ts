import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Fastify's two lines per request (incoming, completed) at this level rather than info. */
    requestLogLevel?: 'debug'
  }
}

/**
 * Fastify's per-request log lines, labelled `requestId` like the X-Request-Id header they can
 * be found by. A route may lower its lines to debug (the health probes, polled every few
 * seconds on every replica, would otherwise be most of the log); a route's `logLevel` cannot
 * do this, since it only sets the threshold and Fastify writes these lines at info. Errors
 * keep their level.
 */
export class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' })
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>) {
    if (request.routeOptions.config?.requestLogLevel !== 'debug') return super.incomingRequest(request, reply, metadata)
    request.log.debug({ req: request }, 'incoming request')
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>
  ) {
    if (error || request.routeOptions.config?.requestLogLevel !== 'debug') {
      return super.requestCompleted(error, request, reply, metadata)
    }
    reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed')
  }
}
