import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../helpers/build-test-app.js'
import { fixture } from '../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const count = (predicate: (f: (typeof fixture.facts)[number]['fact']) => boolean) =>
  fixture.facts.filter((e) => predicate(e.fact)).length

describe('categories and forms', () => {
  test.each(['categories', 'forms'] as const)('/v1/%s lists every term in curated order with its fact count', async (name) => {
    const response = await app.inject(`/v1/${name}`)
    expect(response.statusCode).toBe(200)
    const terms = fixture[name]
    const key = name === 'categories' ? 'categories' : 'forms'
    expect(response.json().data).toEqual(
      terms.map((t) => ({ ...t, factCount: count((f) => f[key].includes(t.slug)) }))
    )
  })

  test('/v1/categories/{slug} and /v1/forms/{slug} return one term, 404 for an unknown one', async () => {
    const response = await app.inject('/v1/categories/complicity')
    expect(response.json()).toMatchObject({ slug: 'complicity', label: 'Complicity', factCount: count((f) => f.categories.includes('complicity')) })
    expect((await app.inject('/v1/categories/labour')).statusCode).toBe(404)
    const form = await app.inject('/v1/forms/organ-removal')
    expect(form.json()).toMatchObject({ slug: 'organ-removal', factCount: count((f) => f.forms.includes('organ-removal')) })
    expect((await app.inject('/v1/forms/slavery')).json().detail).toContain('/v1/forms')
  })
})

describe('actors', () => {
  test('/v1/actors lists every actor with aliases and fact count', async () => {
    const data = (await app.inject('/v1/actors')).json().data
    expect(data).toHaveLength(fixture.actors.length)
    const unused = data.find((a: { id: string }) => a.id === 'fx-unused-media')
    expect(unused).toMatchObject({ type: 'media', aliases: [], factCount: 0 })
    const police = data.find((a: { id: string }) => a.id === 'fx-police')
    expect(police.factCount).toBe(count((f) => f.actors.includes('fx-police')))
  })

  test('?type= filters by actor type and rejects an unknown type naming the valid ones', async () => {
    const data = (await app.inject('/v1/actors?type=law-enforcement')).json().data
    expect(data.map((a: { id: string }) => a.id).sort()).toEqual(
      fixture.actors.filter((a) => a.type === 'law-enforcement').map((a) => a.id).sort()
    )
    const bad = await app.inject('/v1/actors?type=police')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].message).toContain('law-enforcement')
  })

  test('/v1/actors/{id} returns one actor, 404 for an unknown one', async () => {
    expect((await app.inject('/v1/actors/fx-cis')).json()).toMatchObject({ id: 'fx-cis', type: 'international-organization' })
    expect((await app.inject('/v1/actors/nobody')).statusCode).toBe(404)
  })
})

test('/v1/years lists each year with its fact count, ascending, without null', async () => {
  const data = (await app.inject('/v1/years')).json().data as { year: number; factCount: number }[]
  const years = [...new Set(fixture.facts.map((e) => e.fact.year).filter((y): y is number => y !== null))].sort()
  expect(data.map((d) => d.year)).toEqual(years)
  for (const { year, factCount } of data) expect(factCount).toBe(count((f) => f.year === year))
})
