import { enableCompileCache } from 'node:module'

// The process entry. Most of a start is compiling the dependencies' JavaScript (measured with
// --cpu-prof: ~25 %), so V8's code cache is kept on disk (under the OS temp dir, or
// NODE_COMPILE_CACHE) and reused by every later start; where it cannot be written, Node
// silently compiles as before. Loaded only after, so that the cache covers every module.
enableCompileCache()
await import('./run-server.js')
