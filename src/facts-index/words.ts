/**
 * The words of a full-text query as the index spells them: letters and digits, lower case,
 * accents removed (as FTS5's unicode61 tokenizer with remove_diacritics 2 does). Anything else,
 * FTS5 syntax included, separates words: `q` is never read as an FTS5 expression.
 */
export function words(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}
