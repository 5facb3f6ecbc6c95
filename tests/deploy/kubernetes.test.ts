import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import ts from 'typescript'
import { parseAllDocuments } from 'yaml'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../../src/config/config.js'

// deploy/kubernetes rendered the way a cluster would get it (`kubectl kustomize`: any kubectl, down
// to Debian bookworm's kubernetes-client 1.20, which .ci/run installs when kubectl is missing),
// each object validated offline against the Kubernetes OpenAPI schemas that the kubernetes-models
// package compiles, then the properties that operating this service depends on. No cluster is
// needed. Those schemas check types, required fields and formats but allow unknown fields; the
// same package's TypeScript types catch those (see unknownFields).
const ROOT = join(import.meta.dirname, '..', '..')
const BASE = join(ROOT, 'deploy', 'kubernetes')
const haveKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0
const inCI = Boolean(process.env.CI)

if (!haveKubectl && !inCI) {
  console.warn('kubernetes: skipped, kubectl is missing (apt-get install kubernetes-client); in CI this fails')
}

// ---- minimal typing of what the assertions read (the schemas check the rest)
type Labels = Record<string, string>
interface Selector {
  matchLabels?: Labels
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[]
}
interface Probe {
  httpGet?: { path?: string; port: number | string }
  periodSeconds?: number
  failureThreshold?: number
}
interface SecurityContext {
  runAsNonRoot?: boolean
  runAsUser?: number
  readOnlyRootFilesystem?: boolean
  allowPrivilegeEscalation?: boolean
  capabilities?: { drop?: string[]; add?: string[] }
  seccompProfile?: { type: string }
}
interface Container {
  name: string
  image?: string
  ports?: { name?: string; containerPort: number }[]
  env?: { name: string; value?: string }[]
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  securityContext?: SecurityContext
  startupProbe?: Probe
  readinessProbe?: Probe
  livenessProbe?: Probe
  lifecycle?: { preStop?: { exec?: { command?: string[] }; sleep?: { seconds: number } } }
  volumeMounts?: { name: string; mountPath: string }[]
}
interface PodSpec {
  containers: Container[]
  securityContext?: SecurityContext
  terminationGracePeriodSeconds?: number
  volumes?: { name: string; emptyDir?: object }[]
}
interface K8sObject {
  apiVersion: string
  kind: string
  metadata: { name: string; labels?: Labels; annotations?: Record<string, string> }
  spec?: Record<string, unknown>
}
interface Deployment extends K8sObject {
  spec: { replicas?: number; selector: Selector; template: { metadata: { labels?: Labels; annotations?: Record<string, string> }; spec: PodSpec } }
}

// ---- helpers

/** `networking.k8s.io/v1` → kubernetes-models' export path: networkingK8sIo.v1 (core: v1). */
async function modelFor(apiVersion: string, kind: string): Promise<(new (data: unknown) => { validate(): void }) | undefined> {
  const k8s = (await import('kubernetes-models')) as unknown as Record<string, Record<string, Record<string, unknown>>>
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  const groupKey = group ? group.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()) : (version as string)
  const ns = group ? k8s[groupKey]?.[version as string] : k8s[groupKey]
  const model = (ns as Record<string, unknown> | undefined)?.[kind]
  return typeof model === 'function' ? (model as new (data: unknown) => { validate(): void }) : undefined
}

/**
 * The schemas allow unknown fields, so a misspelt one (`livenessprobe`) would pass them: type-check
 * each object as an object literal that `satisfies` its kubernetes-models interface, where
 * TypeScript's excess-property check rejects every field the API does not have, at any depth.
 * The source lives only in memory, at a path inside the repository so that imports resolve.
 */
function unknownFields(objects: K8sObject[]): string[] {
  const file = join(ROOT, 'tests', 'deploy', '__rendered-manifests__.ts')
  const lines = objects.map((o, i) => {
    const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion]
    const from = ['kubernetes-models', group, version, o.kind].filter(Boolean).join('/')
    return `import type { I${o.kind} as T${i} } from '${from}'\nexport const o${i} = (${JSON.stringify(o)}) satisfies T${i}\n`
  })
  const source = lines.join('')
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: []
  }
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest)
  host.fileExists = (name) => name === file || fileExists.call(host, name)
  host.readFile = (name) => (name === file ? source : readFile.call(host, name))
  const program = ts.createProgram([file], options, host)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined
    const which = at ? objects[Math.floor(at.line / 2)] : undefined
    return `${which ? `${which.kind}/${which.metadata.name}: ` : ''}${text}`
  })
}

/** Does a label selector select these labels (the API server's semantics)? */
function selects(selector: Selector, labels: Labels = {}): boolean {
  const terms = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0)
  if (terms === 0) return false // an empty selector is refused for Deployments and means "all" for a PDB: never what we want
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v)
  const byExpr = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In': return key in labels && values.includes(labels[key] as string)
      case 'NotIn': return !(key in labels) || !values.includes(labels[key] as string)
      case 'Exists': return key in labels
      case 'DoesNotExist': return !(key in labels)
    }
  })
  return byLabel && byExpr
}

/** Kubernetes quantities → base units (cores, bytes). */
function quantity(q: string): number {
  const m = /^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q)
  if (!m) throw new Error(`unparsed quantity ${q}`)
  const unit = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }
  return Number(m[1]) * (m[2] ? unit[m[2] as keyof typeof unit] : 1)
}

/** SHUTDOWN_GRACE_MS as the pod sets it, else its default: how long a SIGTERM'd pod may keep draining. */
function serverDrainMs(c: Container): number {
  const set = c.env?.find((e) => e.name === 'SHUTDOWN_GRACE_MS')?.value
  return loadConfig(set === undefined ? {} : { SHUTDOWN_GRACE_MS: set }).SHUTDOWN_GRACE_MS
}

function preStopSeconds(c: Container): number {
  const stop = c.lifecycle?.preStop
  if (stop?.sleep) return stop.sleep.seconds
  const cmd = stop?.exec?.command ?? []
  return cmd[0]?.endsWith('sleep') ? Number(cmd[1]) : 0
}

describe.skipIf(!haveKubectl && !inCI)('deploy/kubernetes (kustomize base)', () => {
  let objects: K8sObject[]
  let deployment: Deployment
  let pod: PodSpec
  let api: Container
  const one = <T extends K8sObject>(kind: string): T => {
    const found = objects.filter((o) => o.kind === kind)
    expect(found, `exactly one ${kind}`).toHaveLength(1)
    return found[0] as T
  }

  beforeAll(() => {
    if (!haveKubectl) throw new Error('kubectl is missing: apt-get install kubernetes-client (.ci/run does)')
    const rendered = execFileSync('kubectl', ['kustomize', BASE], { encoding: 'utf8' })
    const docs = parseAllDocuments(rendered)
    for (const doc of docs) if (doc.errors.length) throw doc.errors[0]
    objects = docs.map((d) => d.toJS() as K8sObject).filter(Boolean)
    deployment = one<Deployment>('Deployment')
    pod = deployment.spec.template.spec
    expect(pod.containers).toHaveLength(1)
    api = pod.containers[0] as Container
  })

  test('renders a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget, and no ServiceMonitor', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service'])
  })

  test('every object is valid against the Kubernetes schemas', async () => {
    const problems: string[] = []
    for (const object of objects) {
      const where = `${object.kind}/${object.metadata?.name}`
      const Model = await modelFor(object.apiVersion, object.kind)
      if (!Model) {
        problems.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`)
        continue
      }
      try {
        new Model(object).validate()
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`)
      }
    }
    expect(problems).toEqual([])
  })

  test('no unknown or misspelt fields in any object', () => {
    expect(unknownFields(objects)).toEqual([])
  }, 60_000)

  test('the unknown-field check finds one at depth (it is not a no-op)', () => {
    const container: Record<string, unknown> = { name: 'api', image: 'trafficking-facts:latest' }
    const minimal = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'minimal' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [container] } } }
    }
    expect(unknownFields([minimal])).toEqual([])
    container.livenessprobe = { periodSeconds: 10 }
    expect(unknownFields([minimal]).join('\n')).toMatch(/'"?livenessprobe"?' does not exist/)
  }, 60_000)

  test('the schema check rejects a broken object (it is not a no-op)', async () => {
    const Model = await modelFor(deployment.apiVersion, deployment.kind)
    const broken = structuredClone(deployment) as unknown as { spec: { replicas: unknown; template: { spec: { containers: unknown } } } }
    broken.spec.replicas = 'three'
    broken.spec.template.spec.containers = undefined
    expect(() => new Model!(broken).validate()).toThrow(/replicas must be integer|containers/)
  })

  test('3 replicas whose selector picks the pod template', () => {
    expect(deployment.spec.replicas).toBe(3)
    expect(selects(deployment.spec.selector, deployment.spec.template.metadata.labels)).toBe(true)
  })

  test('probes: startup and readiness on /readyz, liveness on /healthz, all on the serving port', () => {
    const port = api.ports?.find((p) => p.name === 'http' || p.containerPort === 3000)
    expect(port?.containerPort).toBe(3000)
    const expected = { startupProbe: '/readyz', readinessProbe: '/readyz', livenessProbe: '/healthz' } as const
    for (const [probe, path] of Object.entries(expected)) {
      const get = api[probe as keyof typeof expected]?.httpGet
      expect(get?.path, probe).toBe(path)
      expect([port?.name, port?.containerPort], `${probe} port`).toContain(get?.port)
    }
    // the startup probe gives the server longer than the liveness probe would before restarting it
    const budget = (p?: Probe) => (p?.periodSeconds ?? 10) * (p?.failureThreshold ?? 3)
    expect(budget(api.startupProbe)).toBeGreaterThanOrEqual(budget(api.livenessProbe))
  })

  test('security: non-root uid 1000, read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp', () => {
    const eff = <K extends keyof SecurityContext>(key: K) => api.securityContext?.[key] ?? pod.securityContext?.[key]
    expect(eff('runAsNonRoot')).toBe(true)
    expect(eff('runAsUser')).toBe(1000)
    expect(api.securityContext?.readOnlyRootFilesystem).toBe(true)
    expect(api.securityContext?.allowPrivilegeEscalation).toBe(false)
    expect(api.securityContext?.capabilities?.drop).toContain('ALL')
    expect(api.securityContext?.capabilities?.add ?? []).toEqual([])
    expect(eff('seccompProfile')?.type).toBe('RuntimeDefault')
  })

  test('every volume mount (/tmp on a read-only root) names a declared emptyDir volume', () => {
    const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]))
    for (const mount of api.volumeMounts ?? []) expect(volumes.get(mount.name)?.emptyDir, mount.mountPath).toBeDefined()
    expect(api.volumeMounts?.map((m) => m.mountPath)).toContain('/tmp')
  })

  test('requests and limits for CPU and memory, each request within its limit', () => {
    for (const resource of ['cpu', 'memory']) {
      const request = api.resources?.requests?.[resource]
      const limit = api.resources?.limits?.[resource]
      expect(request, `${resource} request`).toBeDefined()
      expect(limit, `${resource} limit`).toBeDefined()
      expect(quantity(request as string)).toBeLessThanOrEqual(quantity(limit as string))
    }
    // the highest peak RSS measured under load, outside a cgroup, was 325 MiB (see
    // deployment.yaml): the limit must hold it, or a pod under load risks being OOM-killed
    expect(quantity(api.resources?.limits?.memory as string)).toBeGreaterThanOrEqual(325 * 2 ** 20)
  })

  test('the grace period outlasts the preStop pause plus the server\'s drain delay', () => {
    const drainSeconds = serverDrainMs(api) / 1000
    expect(drainSeconds).toBeGreaterThan(0)
    const grace = pod.terminationGracePeriodSeconds ?? 30 // the Kubernetes default when unset
    expect(grace).toBeGreaterThan(preStopSeconds(api) + drainSeconds)
  })

  test('TRUST_PROXY=true: replicas sit behind a load balancer', () => {
    expect(api.env?.find((e) => e.name === 'TRUST_PROXY')?.value).toBe('true')
    expect(api.image).toMatch(/^trafficking-facts(:|@)/)
  })

  test('Prometheus scrape annotations on the pod template point at /metrics on the container port', () => {
    const a = deployment.spec.template.metadata.annotations ?? {}
    expect(a['prometheus.io/scrape']).toBe('true')
    expect(a['prometheus.io/path']).toBe('/metrics')
    expect(api.ports?.map((p) => String(p.containerPort))).toContain(a['prometheus.io/port'])
  })

  test('the Service selects the pods and targets the serving port', () => {
    const service = one<K8sObject & { spec: { selector: Labels; ports: { targetPort: number | string }[] } }>('Service')
    expect(selects({ matchLabels: service.spec.selector }, deployment.spec.template.metadata.labels)).toBe(true)
    const portNames = (api.ports ?? []).flatMap((p) => [p.name, p.containerPort])
    for (const p of service.spec.ports) expect(portNames).toContain(p.targetPort)
  })

  test('the PodDisruptionBudget selects the Deployment\'s pods and still allows an eviction', () => {
    const pdb = one<K8sObject & { spec: { selector: Selector; minAvailable?: number | string; maxUnavailable?: number | string } }>('PodDisruptionBudget')
    expect(selects(pdb.spec.selector, deployment.spec.template.metadata.labels)).toBe(true)
    const replicas = deployment.spec.replicas ?? 1
    if (typeof pdb.spec.minAvailable === 'number') expect(pdb.spec.minAvailable).toBeLessThan(replicas)
    if (pdb.spec.maxUnavailable !== undefined) expect(pdb.spec.maxUnavailable).not.toBe(0)
    expect(pdb.spec.minAvailable ?? pdb.spec.maxUnavailable).toBeDefined()
  })

  test('the HorizontalPodAutoscaler scales the Deployment on CPU, from its replica count', () => {
    const hpa = one<K8sObject & {
      spec: {
        scaleTargetRef: { apiVersion: string; kind: string; name: string }
        minReplicas?: number
        maxReplicas: number
        metrics?: { type: string; resource?: { name: string; target: { type: string } } }[]
      }
    }>('HorizontalPodAutoscaler')
    expect(hpa.apiVersion).toBe('autoscaling/v2')
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: deployment.apiVersion, kind: 'Deployment', name: deployment.metadata.name })
    expect(hpa.spec.minReplicas).toBe(deployment.spec.replicas)
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas ?? 1)
    const cpu = hpa.spec.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')
    expect(cpu?.resource?.target.type).toBe('Utilization')
    // utilisation is a share of the request: without a CPU request the HPA cannot compute it
    expect(api.resources?.requests?.cpu).toBeDefined()
  })
})

describe('label selector semantics used above', () => {
  test('matchLabels and matchExpressions', () => {
    expect(selects({ matchLabels: { a: '1' } }, { a: '1', b: '2' })).toBe(true)
    expect(selects({ matchLabels: { a: '1' } }, { a: '2' })).toBe(false)
    expect(selects({}, { a: '1' })).toBe(false)
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '3'] }] }, { a: '3' })).toBe(true)
    expect(selects({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: '3' })).toBe(false)
  })
})
