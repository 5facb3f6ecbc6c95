import { readFileSync } from 'node:fs'

// package.json is the one place the service version is written; read it rather than repeat it.
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

export const API_VERSION: string = packageJson.version
