import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

// `npm run fuzz -- --runs N [--seed S]`: the properties of api-fuzz.test.ts, N cases in all, every
// finding logged (by kind, with the shortest URL that shows it) instead of stopping at the first.
// It runs under vitest so the app, the fixture database and the properties are the test's own.
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' } } })
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`)

// a fresh seed each long run explores new cases; printed, so any run can be asked again
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31))
const dir = mkdtempSync(join(tmpdir(), 'fuzz-'))
const reportPath = join(dir, 'report.json')
const started = performance.now()
const vitest = spawnSync('node_modules/.bin/vitest', ['run', 'tests/fuzz/api-fuzz.test.ts', '--reporter=dot'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_REPORT: reportPath, FUZZ_SEED: seed }
})
const seconds = ((performance.now() - started) / 1000).toFixed(0)

let report: { cases: number; findings: { operationId: string; violation: string; count: number; url: string }[] }
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'))
} catch {
  process.stderr.write(`no report: vitest ended with ${vitest.status} before the properties ran\n`)
  process.exit(1)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const out = [`\n${report.cases} cases in ${seconds} s (--seed ${seed}), ${report.findings.length} distinct findings\n`]
for (const f of report.findings.sort((a, b) => a.operationId.localeCompare(b.operationId))) {
  out.push(`\n${f.operationId} (${f.count}×): ${f.violation.slice(0, 300)}\n  GET ${f.url.length > 300 ? `${f.url.slice(0, 300)}… (${f.url.length} chars)` : f.url}\n`)
}
process.stdout.write(out.join(''))
process.exit(report.findings.length === 0 && vitest.status === 0 ? 0 : 1)
