import { Readable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'

// Rows are written in chunks of this many facts: few enough to keep memory flat and the event
// loop free often, many enough that the stream is not dominated by per-chunk overhead.
const FACTS_PER_CHUNK = 100

/**
 * An export's body (the header, then one row per fact's stored JSON) that shares the server with every other request. Readable.from asks the
 * generator for a chunk only while the socket (or the compressor) has room, so a slow client
 * holds back the export, not memory; and between two chunks the generator waits for the next
 * turn of the event loop (setImmediate runs after pending I/O), so a request that arrives
 * meanwhile is answered between two chunks rather than after the last. Without that wait a
 * client reading at full speed keeps the socket writable, and a million-fact export held the
 * event loop for seconds.
 *
 * If the rows fail midway (the database closed under it, say), the stream errors: Fastify
 * then destroys the response, and the client sees a broken chunked body, never a clean end.
 */
export function exportStream(header: string, facts: Iterable<string>, row: (json: string) => string): Readable {
  async function* chunks(): AsyncGenerator<string> {
    let chunk = header
    let inChunk = 0
    for (const fact of facts) {
      chunk += row(fact)
      if (++inChunk === FACTS_PER_CHUNK) {
        yield chunk
        chunk = ''
        inChunk = 0
        await nextTurn()
      }
    }
    if (chunk) yield chunk
  }
  return Readable.from(chunks(), { objectMode: false })
}
