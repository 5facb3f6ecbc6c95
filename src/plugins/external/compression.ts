import compress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { constants } from 'node:zlib'

export default fp(
  async function compression(app: FastifyInstance) {
    await app.register(compress, {
      encodings: ['br', 'gzip', 'deflate'],
      // the plugin's default list, plus NDJSON (application/x-ndjson), which it leaves out
      customTypes: /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|\/x-ndjson(?:;|$)|(?:\+|\/)(?:text|xml)(?:;|$)/u,
      // brotli's default quality (11) costs far more CPU than it saves bytes on small JSON pages
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }
    })
  },
  { name: 'compression' }
)
