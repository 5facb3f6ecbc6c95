import { computeCoverage, type Tally } from '../curation/coverage.js'
import { CurationError } from '../curation/curation-error.js'
import { loadCuratedData } from '../curation/load-curated-data.js'

// Prints, per source, how much of its text is evidence of a fact, skipped with a reason, or
// not yet accounted for; exits 1 while any sentence is unaccounted so CI keeps curation complete.

function main(): number {
  let data
  try {
    data = loadCuratedData(process.env.DATA_DIR ?? 'db')
  } catch (error) {
    if (error instanceof CurationError) {
      console.error(error.message)
      return 1
    }
    throw error
  }

  const facts = data.facts.map(({ fact }) => fact)
  let unaccounted = 0
  for (const source of data.sources) {
    const coverage = computeCoverage(source, facts)
    console.log(`${coverage.sourceId}:`)
    console.log(`  characters (non-whitespace): ${describe(coverage.characters)}`)
    console.log(`  sentences: ${describe(coverage.sentences)}`)
    for (const sentence of coverage.sentenceList.filter((s) => s.status === 'unaccounted')) {
      console.log(`  unaccounted ${sentence.start}..${sentence.end}: ${JSON.stringify(sentence.text)}`)
    }
    unaccounted += coverage.sentences.unaccounted
  }
  if (unaccounted > 0) {
    console.error(`${unaccounted} sentence(s) are neither evidence of a fact nor skipped with a reason`)
    return 1
  }
  return 0
}

function describe(t: Tally): string {
  return `${t.total} total, ${t.covered} covered, ${t.skipped} skipped, ${t.unaccounted} unaccounted`
}

process.exitCode = main()
