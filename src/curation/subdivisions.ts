import { iso31662 } from 'iso-3166'

// ISO 3166-2 as published, from the `iso-3166` package (data bundled, nothing fetched): a place's
// code must name a real first-level subdivision, not merely look like one (`KZ-99`).
const FIRST_LEVEL = new Map(iso31662.filter((s) => s.parent === s.code.slice(0, 2)).map((s) => [s.code, s.name]))

/** Why an ISO 3166-2 code is refused, or undefined when it is a first-level subdivision. */
export function subdivisionProblem(code: string): string | undefined {
  if (FIRST_LEVEL.has(code)) return undefined
  const known = iso31662.find((s) => s.code === code)
  if (known) return `${code} (${known.name}) is not a first-level subdivision: it lies within ${known.parent}`
  return `${code} is not in the ISO 3166-2 list of ${code.slice(0, 2)}'s subdivisions`
}
