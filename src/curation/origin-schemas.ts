import { z } from 'zod'

// db/origins/<source id>.yaml: where each evidence span of a source was first published. Every
// field is what a public copy of that document showed; a field it did not show is null, never
// a guess.

export const originSchema = z.strictObject({
  title: z.string().min(1).nullable(),
  publisher: z.string().min(1).nullable(),
  year: z.int().min(1800).max(2100).nullable(),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  section: z.string().min(1).nullable()
})

export const originEntrySchema = z
  .strictObject({
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
    origin: originSchema.nullable(),
    reason: z.string().min(1).nullable(),
    verifiedBy: z.string().min(1)
  })
  .refine((e) => (e.origin === null) === (e.reason !== null), {
    message: 'an entry has either an origin or the reason there is none',
    path: ['reason']
  })

export type Origin = z.output<typeof originSchema>
export type OriginEntry = z.output<typeof originEntrySchema>

/** The key of an evidence span in a source, as origins are looked up by it. */
export const spanKey = (start: number, end: number) => `${start}:${end}`
