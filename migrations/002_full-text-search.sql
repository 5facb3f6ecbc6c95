-- Full-text index over each fact's statement and its quotes; rowid = facts.rowid. Contentless:
-- the text lives in facts.json, the index only answers which facts match and how well.
-- unicode61 with diacritics removed so "Pogorelov" and accented spellings match alike.
CREATE VIRTUAL TABLE facts_search USING fts5 (
  statement,
  quotes,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2'
);
