type Document = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>

/**
 * The type provider registers an `…Input` twin of every named schema; only those a request
 * actually references belong in the document, the rest would show as unexplained duplicates.
 */
export function pruneUnusedInputSchemas<D>(document: D): D {
  const doc = document as Document
  const schemas = doc.components?.schemas
  if (!schemas) return document
  const referenced = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } })
  const kept = Object.fromEntries(
    Object.entries(schemas).filter(
      ([name]) => !name.endsWith('Input') || referenced.includes(`"#/components/schemas/${name}"`)
    )
  )
  return { ...doc, components: { ...doc.components, schemas: kept } } as D
}
