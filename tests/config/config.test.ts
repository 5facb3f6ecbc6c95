import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import { describe, expect, test } from 'vitest'
import { ConfigError, configSchema, loadConfig } from '../../src/config/config.js'

describe('loadConfig', () => {
  test('every variable is documented in the README, with its default', () => {
    const documented = new Map(
      [...readFileSync('README.md', 'utf8').matchAll(/^\| `([A-Z_]+)` \| `?([^`|]+?)`? \|/gm)].map((m) => [m[1], m[2]])
    )
    const defaults = loadConfig({})
    expect([...documented.keys()].sort()).toEqual(Object.keys(configSchema.shape).sort())
    for (const [name, value] of Object.entries(defaults)) {
      if (name === 'MAX_HEAP_USED_MB') continue
      expect(String(value), name).toBe(documented.get(name))
    }
    const heapLimitMb = getHeapStatistics().heap_size_limit / (1024 * 1024)
    expect(defaults.MAX_HEAP_USED_MB / heapLimitMb).toBeCloseTo(0.9, 2)
  })

  test('reads and converts values', () => {
    expect(loadConfig({ PORT: '8080', RATE_LIMIT_MAX: '0', TRUST_PROXY: 'true' })).toMatchObject({
      PORT: 8080,
      RATE_LIMIT_MAX: 0,
      TRUST_PROXY: true
    })
  })

  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['RATE_LIMIT_MAX', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'maybe'],
    ['PUBLIC_BASE_URL', 'facts.example.org'],
    ['PUBLIC_BASE_URL', 'ftp://facts.example.org'],
    ['PUBLIC_BASE_URL', 'https://facts.example.org/#top']
  ])('a bad %s=%s names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^invalid configuration: ${name}="${value}": `))
  })
})

test('the server refuses to start on a bad value: exit 1 and a one-line message', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: 'abc', DATABASE_PATH: '/nonexistent/never-built.sqlite' },
    encoding: 'utf8',
    timeout: 30_000
  })
  expect(result.status).toBe(1)
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^invalid configuration: PORT="abc": /)])
})
