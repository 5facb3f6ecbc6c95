-- The served dataset. The database is rebuilt from db/ on every release, so migrations describe
-- the shape, not an upgrade path for live data. Facts are stored finished: each row holds the
-- fact's public JSON, validated at build time, and filtering runs on the posting lists below.

CREATE TABLE dataset_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  publisher    TEXT,
  published_at TEXT,
  url          TEXT,
  retrieved_at TEXT NOT NULL,
  license      TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  note         TEXT,
  text         TEXT NOT NULL,
  text_length  INTEGER NOT NULL -- in UTF-16 code units, the unit of evidence offsets
) STRICT;

CREATE TABLE categories (
  slug        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;

CREATE TABLE forms (
  slug        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;

CREATE TABLE actor_types (
  slug        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;

CREATE TABLE actors (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL REFERENCES actor_types (slug),
  description TEXT NOT NULL,
  aliases     TEXT NOT NULL -- JSON array of strings
) STRICT;

CREATE INDEX actors_by_type ON actors (type, id);

-- rowid is the fact's position in the default order (year descending, no year last, then id):
-- a page is the next positions of the matching set, each fetched by its rowid.
CREATE TABLE facts (
  rowid INTEGER PRIMARY KEY,
  id    TEXT NOT NULL,
  json  TEXT NOT NULL
) STRICT;

-- One sorted list of fact positions per value of each filterable dimension (year, category,
-- form, actor, actor type, country, source, has-figures): little-endian uint32 in `positions`.
CREATE TABLE postings (
  dimension   TEXT NOT NULL,
  value       TEXT NOT NULL,
  cardinality INTEGER NOT NULL,
  positions   BLOB NOT NULL,
  PRIMARY KEY (dimension, value)
) STRICT;

-- Words of the full-text index (facts_search) that many facts contain, read out of it at build
-- time: the positions of those facts and, in `impacts` (float32, one per position), the word's
-- BM25 score on each. Rare words are read from facts_search when asked, cheaply; a common one
-- would cost a request hundreds of thousands of rows.
CREATE TABLE word_postings (
  word        TEXT PRIMARY KEY,
  cardinality INTEGER NOT NULL,
  positions   BLOB NOT NULL,
  impacts     BLOB NOT NULL
) STRICT;

-- Orders other than the default one, as the list of positions in that order (uint32 LE).
CREATE TABLE fact_orders (
  name      TEXT PRIMARY KEY,
  positions BLOB NOT NULL
) STRICT;
