/**
 * Progress of long work: a line rewritten in place on a terminal, nothing in between otherwise
 * (logs get the one summary line the caller prints at the end).
 */
export function progressLine(what: string): { update: (done: number) => void; end: () => void } {
  const tty = process.stderr.isTTY
  return {
    update: (done) => {
      if (tty) process.stderr.write(`\r${what}: ${done.toLocaleString('en')}`)
    },
    end: () => {
      if (tty) process.stderr.write('\r\x1b[K')
    }
  }
}
