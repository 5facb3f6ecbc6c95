import { z } from 'zod'

const DECIMAL_INTEGERS = new WeakSet<z.ZodType>()

/**
 * A whole number in a query parameter. The schema coerces as any number parameter does, and is
 * documented as an integer; the query-string checks then hold its raw text to decimal digits
 * (see `decimalIntegerParameters`), since `Number()` also reads `0x7DD`, `2e3`, `+2013` and
 * ` 10`, and a public API that accepts those makes a client's mistake look like a valid query.
 * (Reading the digits in a zod preprocess instead would drop every example and default from
 * the OpenAPI document: zod documents no example for a transformed input.)
 */
export function decimalInteger(min: number, max: number) {
  const schema = z.coerce.number().int().min(min).max(max)
  DECIMAL_INTEGERS.add(schema)
  return schema
}

/** The parameters of a query-string schema that are decimal integers, repeatable ones included. */
export function decimalIntegerParameters(querystring: unknown): string[] {
  if (!(querystring instanceof z.ZodObject)) return []
  return Object.entries(querystring.shape as Record<string, z.ZodType>)
    .filter(([, schema]) => DECIMAL_INTEGERS.has(unwrap(schema)))
    .map(([name]) => name)
}

// through optional, default and array to the value's own schema
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { innerType?: z.ZodType; element?: z.ZodType }
  const inner = def.innerType ?? def.element
  return inner ? unwrap(inner) : schema
}
