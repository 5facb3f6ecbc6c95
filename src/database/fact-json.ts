import { FACT_FIELDS } from '../schemas/fact-fields.js'
import type { Fact } from '../schemas/fact.js'

/** Offsets fit in two bytes below this length, four from it on. */
export const WIDE_JSON_LENGTH = 0x10000

/**
 * A fact's JSON, member by member in schema order (what JSON.stringify writes for it), and the
 * offset of each member's start (see migrations/005_fact-members.sql).
 */
export function factJson(fact: Fact): { json: string; members: Buffer } {
  const starts: number[] = []
  let json = '{'
  for (const name of FACT_FIELDS) {
    if (starts.length > 0) json += ','
    starts.push(json.length)
    // every member is stored, so that the offsets line up with the schema's fields
    if (fact[name] === undefined) throw new Error(`fact ${fact.id}: field "${name}" is undefined; the public schema must give every field a value (null when unknown)`)
    json += `${JSON.stringify(name)}:${JSON.stringify(fact[name])}`
  }
  json += '}'
  const width = json.length < WIDE_JSON_LENGTH ? 2 : 4
  const members = Buffer.alloc(starts.length * width)
  starts.forEach((start, i) => (width === 2 ? members.writeUInt16LE(start, i * 2) : members.writeUInt32LE(start, i * 4)))
  return { json, members }
}

/** The JSON of the fact's members at the given places (ascending), from its stored JSON and offsets. */
export function pickMembers(json: string, members: Buffer, picked: readonly number[]): string {
  const width = json.length < WIDE_JSON_LENGTH ? 2 : 4
  const count = members.length / width
  const start = (member: number) => (width === 2 ? members.readUInt16LE(member * 2) : members.readUInt32LE(member * 4))
  let out = '{'
  for (let i = 0; i < picked.length; i++) {
    const member = picked[i]!
    // a member ends before the comma that starts the next one, the last before the closing brace
    const end = member + 1 < count ? start(member + 1) - 1 : json.length - 1
    out += (i === 0 ? '' : ',') + json.slice(start(member), end)
  }
  return `${out}}`
}
