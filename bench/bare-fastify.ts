import Fastify from 'fastify'

// The baseline: Fastify answering a constant JSON object, nothing else.
const app = Fastify({ logger: false })
app.get('/', async () => ({ hello: 'world' }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
