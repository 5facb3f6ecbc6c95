import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/config.js'

describe('loadConfig', () => {
  test('defaults match the documented ones', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_PATH: 'data/facts.sqlite',
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: 300,
      TRUST_PROXY: false
    })
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
    ['TRUST_PROXY', 'maybe']
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
