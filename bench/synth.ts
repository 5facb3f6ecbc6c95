import { parseArgs } from 'node:util'
import { progressLine } from '../src/cli/progress.js'
import { writeSyntheticData } from './synthetic-data.js'

// `npm run db:synth -- --facts N --out DIR`: a curated-data directory to build and serve.
const { values } = parseArgs({ options: { facts: { type: 'string', default: '20000' }, out: { type: 'string' } } })
const facts = Number(values.facts)
if (!values.out || !Number.isInteger(facts) || facts < 1) {
  console.error('usage: npm run db:synth -- --facts N --out DIR')
  process.exit(2)
}
const started = Date.now()
const progress = progressLine('facts written')
writeSyntheticData(values.out, facts, progress.update)
progress.end()
console.log(`wrote ${facts} synthetic facts to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
