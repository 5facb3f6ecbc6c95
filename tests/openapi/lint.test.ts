import { spawnSync } from 'node:child_process'
import { expect, test } from 'vitest'
import { OPENAPI_FILE } from '../../src/openapi/render-openapi.js'

// Other people's linters over the committed document, with the rulesets in redocly.yaml and
// .spectral.yaml: what a client author or an API catalogue would run first. Offline: Redocly's
// telemetry and update check are off, both rulesets ship with their CLIs.
const run = (cli: string, args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    timeout: 60_000
  })
  if (result.error) throw result.error
  return result
}

test('Redocly `recommended`: no error and no warning', () => {
  const { stdout, stderr } = run('node_modules/@redocly/cli/bin/cli.js', ['lint', OPENAPI_FILE, '--config', 'redocly.yaml', '--format', 'json'])
  const report = JSON.parse(stdout || '{}') as { totals?: { errors: number; warnings: number }; problems?: { ruleId: string; message: string }[] }
  expect(report.totals, stderr).toBeDefined()
  expect(report.problems?.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([])
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
})

test('Spectral `spectral:oas`: no result of any severity', () => {
  const { stdout, stderr } = run('node_modules/@stoplight/spectral-cli/dist/index.js', [
    'lint', OPENAPI_FILE, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', '--fail-severity', 'hint'
  ])
  const results = JSON.parse(stdout || 'null') as { code: string; message: string; path: string[] }[] | null
  expect(results, stderr).not.toBeNull()
  expect(results!.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([])
})
