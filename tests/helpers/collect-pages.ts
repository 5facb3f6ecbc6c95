import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'

interface FactPage {
  data: { id: string; year: number | null }[]
  page: { limit: number; total: number; nextCursor: string | null }
  query: Record<string, unknown>
}

/** Follows nextCursor to the last page, checking each page's Link header against it. */
export async function collectPages(app: FastifyInstance, query: string) {
  const pages: FactPage[] = []
  let url: string | null = `/v1/facts?${query}`
  while (url) {
    const response: Awaited<ReturnType<FastifyInstance['inject']>> = await app.inject(url)
    expect(response.statusCode, response.body).toBe(200)
    const page = response.json() as FactPage
    pages.push(page)
    if (page.page.nextCursor) {
      const link: string = String(response.headers.link)
      expect(link).toMatch(/^<\/v1\/facts\?.*>; rel="next"$/)
      expect(new URLSearchParams(link.slice(link.indexOf('?') + 1, link.indexOf('>'))).get('cursor')).toBe(page.page.nextCursor)
      url = link.slice(1, link.indexOf('>'))
    } else {
      expect(response.headers.link).toBeUndefined()
      url = null
    }
    expect(pages.length).toBeLessThan(200)
  }
  return { pages, facts: pages.flatMap((p) => p.data), total: pages[0]?.page.total ?? 0 }
}
