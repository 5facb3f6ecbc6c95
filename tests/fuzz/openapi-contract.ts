import { readFileSync } from 'node:fs'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { ValidateFunction } from 'ajv'

// The committed document, not the one the app renders: the contract clients read is the one on disk.
const DOCUMENT_PATH = 'openapi/openapi.json'

export interface ParameterSchema {
  type?: string
  enum?: string[]
  minimum?: number
  maximum?: number
  maxItems?: number
  items?: ParameterSchema
}

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header'
  required?: boolean
  schema: ParameterSchema
}

interface MediaType {
  schema?: unknown
}

export interface Operation {
  operationId: string
  path: string
  parameters: Parameter[]
  /** Declared media types by status code, e.g. `{ '200': ['application/json'] }`. */
  mediaTypes: Record<string, string[]>
}

interface Response {
  content?: Record<string, MediaType>
}

type Ref = { $ref: string }

interface Document {
  paths: Record<string, Record<string, { operationId: string; parameters?: (Parameter | Ref)[]; responses: Record<string, Response | Ref> }>>
  components: { schemas: Record<string, unknown>; parameters?: Record<string, Parameter>; responses?: Record<string, Response> }
}

// ajv ships CommonJS: under NodeNext its default export arrives as the module object
const Ajv2020 = Ajv2020Module.default
const addFormats = addFormatsModule.default

const COMPONENTS_ID = 'https://contract.invalid/components'

/**
 * The operations of the committed OpenAPI document and a validator per (operation, status,
 * media type). OpenAPI 3.1 schemas are JSON Schema 2020-12; their `#/components/schemas/X`
 * references are rewritten to point at one registered schema holding the components.
 */
export function loadContract(path = DOCUMENT_PATH) {
  const text = readFileSync(path, 'utf8').replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)
  const document = JSON.parse(text) as Document
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: document.components.schemas })

  // parameters and responses may be shared through components too
  const deref = <T extends object>(value: T | Ref, kind: 'parameters' | 'responses'): T =>
    '$ref' in value ? (document.components[kind]?.[value.$ref.split('/').pop()!] as T) : value

  const operations: Operation[] = []
  const validators = new Map<string, ValidateFunction>()
  for (const [path, methods] of Object.entries(document.paths)) {
    const get = methods.get
    if (!get) continue
    const mediaTypes: Record<string, string[]> = {}
    for (const [status, response] of Object.entries(get.responses).map(([s, r]) => [s, deref<Response>(r, 'responses')] as const)) {
      mediaTypes[status] = Object.keys(response.content ?? {})
      for (const [mediaType, { schema }] of Object.entries(response.content ?? {})) {
        if (schema) validators.set(`${get.operationId} ${status} ${mediaType}`, ajv.compile(schema as object))
      }
    }
    const parameters = (get.parameters ?? []).map((p) => deref<Parameter>(p, 'parameters'))
    operations.push({ operationId: get.operationId, path, parameters, mediaTypes })
  }

  /** Schema violations of a parsed body, or undefined when the document declares no schema for it. */
  function schemaErrors(operationId: string, status: number, mediaType: string, body: unknown): string[] | undefined {
    const validate = validators.get(`${operationId} ${status} ${mediaType}`)
    if (!validate) return undefined
    if (validate(body)) return []
    return (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
  }

  return { operations, schemaErrors }
}

export type Contract = ReturnType<typeof loadContract>
