import { z } from 'zod'
import { closedVocabulary } from './closed-vocabulary.js'

/** How the source words a number: by its hedge, or by the absence of one. */
export const FIGURE_QUALIFIERS = ['exact', 'stated', 'at-least', 'more-than', 'estimate', 'approximately'] as const

/** What a figure is: an amount that adds up, or a bound of the age range a claim is about. */
export const FIGURE_KINDS = ['quantity', 'min-age', 'max-age'] as const

export const figureSchema = z
  .object({
    value: z.number().describe('The number the source states, as a number.'),
    unit: z.string().meta(closedVocabulary('units')).describe('What the number counts or measures, a slug from `/v1/units`, e.g. `defendants`.'),
    qualifier: z
      .enum(FIGURE_QUALIFIERS)
      .describe(
        'How the source qualifies the number: `exact`, a count it presents as exact; `stated`, a number it states without a hedge ' +
          'but not as a count (a national estimate, an age, a prison term); otherwise its hedge ("at least" → `at-least`, "estimated" → `estimate`).'
      ),
    kind: z
      .enum(FIGURE_KINDS)
      .describe('`quantity`: an amount that can be added up; `min-age`/`max-age`: the lower/upper bound of the ages a claim is about. Only quantities count for `hasFigures`.'),
    label: z.string().describe('What is counted, in words.')
  })
  .meta({ id: 'Figure' })

export const originSchema = z
  .object({
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    year: z.int().nullable().describe('Year of publication, as the document or its URL shows it.'),
    url: z.string().nullable().describe('Where a public copy of the document was found.'),
    section: z.string().nullable().describe('The part of the document the words are in.')
  })
  .meta({
    id: 'Origin',
    description: 'The public document a source excerpt was first published in, found by matching its wording; a field the document does not show is null.'
  })

export const evidenceSchema = z
  .object({
    sourceId: z.string().describe('The source the quote is taken from.'),
    quote: z.string().describe('The exact words of the source.'),
    start: z.int().describe('Offset of the quote in the source text, in UTF-16 code units.'),
    end: z.int().describe('End offset (exclusive): `text.slice(start, end) === quote`.'),
    attribution: z.string().nullable().describe('Who the source says made the statement, when it says so.'),
    origin: originSchema.nullable().describe('Where the quoted words were first published; null when no public document with that wording was found.')
  })
  .meta({ id: 'Evidence' })

export const actorRefSchema = z
  .object({
    id: z.string().describe('Actor id, from `/v1/actors`.'),
    name: z.string(),
    type: z.string().meta(closedVocabulary('actorTypes')).describe('Actor type, from `/v1/actors`.')
  })
  .meta({ id: 'ActorRef' })

export const factSchema = z
  .object({
    id: z.string().describe('Stable slug; never reused.'),
    statement: z.string().describe("The claim in the curators' own words."),
    year: z.int().nullable().describe('The year the claim is about; null when the source states none.'),
    yearInferred: z.boolean().describe('True when the year comes from context rather than the sentence itself.'),
    when: z.string().nullable().describe("The source's own time wording."),
    publishedYear: z
      .int()
      .nullable()
      .describe(
        'The year the claim was published: the earliest `year` of the documents its evidence was first published in (`evidence[].origin`); ' +
          'null when no origin gives a year. Not the year the claim is about (`year`).'
      ),
    country: z.string().describe('ISO 3166-1 alpha-2 code of the country the claim is about.'),
    relatedCountries: z
      .array(
        z.object({
          code: z.string().describe('ISO 3166-1 alpha-2 code.'),
          name: z.string(),
          role: z.enum(['origin', 'destination', 'transit', 'other']).describe('What the country is to the trafficking the fact describes.')
        })
      )
      .describe('Other countries the fact names (the nationality of victims, where they were taken); `country` stays the country whose record it concerns.'),
    places: z.array(z.string()).describe('Sub-national places named.'),
    subdivisions: z
      .array(z.object({ name: z.string(), code: z.string().describe('ISO 3166-2 code, e.g. `RU-MOW`.') }))
      .describe('The places that are first-level subdivisions of a country, with their ISO 3166-2 codes.'),
    categories: z.array(z.string().meta(closedVocabulary('categories'))).describe('Category slugs; the first is the primary one.'),
    forms: z.array(z.string().meta(closedVocabulary('forms'))).describe('Forms of exploitation.'),
    actors: z.array(actorRefSchema),
    figures: z.array(figureSchema).describe('Every number the claim states.'),
    evidence: z.array(evidenceSchema).describe('The exact words of the source supporting the claim.'),
    flags: z.array(z.string()).describe('Curation caveats, each a flag from `/v1/flags`, some followed by a fact id: `truncated-in-source`, `subject-unclear`, `conflicts-with:<id>`.'),
    note: z.string().nullable().describe("A curator's note explaining a flag or an inference.")
  })
  .meta({
    id: 'Fact',
    description: 'A claim taken from a source, with the exact words that support it.',
    examples: [
      {
        id: 'ru-2013-sex-trafficking-prosecutions',
        statement: 'Russia reportedly brought sex trafficking charges against 18 or more defendants in seven cases in 2013.',
        year: 2013,
        yearInferred: false,
        when: 'in 2013',
        publishedYear: null,
        country: 'RU',
        relatedCountries: [],
        places: [],
        subdivisions: [],
        categories: ['prosecution'],
        forms: ['sex-trafficking'],
        actors: [{ id: 'russian-government', name: 'Government of Russia', type: 'government' }],
        figures: [
          { value: 18, unit: 'defendants', qualifier: 'at-least', kind: 'quantity', label: 'defendants prosecuted for sex trafficking in 2013' },
          { value: 7, unit: 'cases', qualifier: 'exact', kind: 'quantity', label: 'sex trafficking cases prosecuted in 2013' }
        ],
        evidence: [
          {
            sourceId: 'ru-trafficking-excerpts',
            quote:
              'The government reportedly prosecuted at least 18 defendants in seven cases of sex trafficking and at least ten defendants in four cases of forced labor in 2013',
            start: 4901,
            end: 5060,
            attribution: null,
            origin: null
          }
        ],
        flags: ['subject-unclear'],
        note:
          'Split from the same sentence’s figures for forced labour in 2013 and for 2012. The sentence says only "the government" ' +
          'and names no country: it is read as Russia’s, the subject of the compilation, which the text does not say.'
      }
    ]
  })

export type Fact = z.infer<typeof factSchema>
export type Figure = z.infer<typeof figureSchema>
export type Evidence = z.infer<typeof evidenceSchema>
export type Origin = z.infer<typeof originSchema>
