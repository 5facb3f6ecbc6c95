-- Normalized store of the curated dataset. The database is rebuilt from db/ on every
-- release, so migrations describe the shape, not an upgrade path for live data.

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

-- rowid is the join key: integer joins are cheaper than slug joins in the hot filters.
CREATE TABLE facts (
  rowid          INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  statement      TEXT NOT NULL,
  year           INTEGER,
  year_inferred  INTEGER NOT NULL,
  when_text      TEXT,
  country        TEXT NOT NULL,
  places         TEXT NOT NULL, -- JSON array of strings
  flags          TEXT NOT NULL, -- JSON array of strings
  note           TEXT,
  figure_count   INTEGER NOT NULL
) STRICT;

-- Keyset paging orders facts without a year last in both directions, hence the COALESCE
-- sentinels; the expressions here must match the ones in the facts repository exactly.
CREATE INDEX facts_by_year_desc ON facts (COALESCE(year, -1) DESC, id);
CREATE INDEX facts_by_year_asc ON facts (COALESCE(year, 10000), id);
CREATE INDEX facts_by_country ON facts (country, id);
CREATE INDEX facts_by_figures ON facts (figure_count > 0, id);

CREATE TABLE fact_categories (
  fact_rowid INTEGER NOT NULL REFERENCES facts (rowid),
  category   TEXT NOT NULL REFERENCES categories (slug),
  position   INTEGER NOT NULL,
  PRIMARY KEY (fact_rowid, category)
) STRICT, WITHOUT ROWID;
CREATE INDEX fact_categories_by_category ON fact_categories (category, fact_rowid);

CREATE TABLE fact_forms (
  fact_rowid INTEGER NOT NULL REFERENCES facts (rowid),
  form       TEXT NOT NULL REFERENCES forms (slug),
  position   INTEGER NOT NULL,
  PRIMARY KEY (fact_rowid, form)
) STRICT, WITHOUT ROWID;
CREATE INDEX fact_forms_by_form ON fact_forms (form, fact_rowid);

CREATE TABLE fact_actors (
  fact_rowid INTEGER NOT NULL REFERENCES facts (rowid),
  actor_id   TEXT NOT NULL REFERENCES actors (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (fact_rowid, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX fact_actors_by_actor ON fact_actors (actor_id, fact_rowid);

CREATE TABLE figures (
  fact_rowid INTEGER NOT NULL REFERENCES facts (rowid),
  position   INTEGER NOT NULL,
  value      REAL NOT NULL,
  unit       TEXT NOT NULL,
  qualifier  TEXT NOT NULL,
  label      TEXT NOT NULL,
  PRIMARY KEY (fact_rowid, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE evidence (
  fact_rowid  INTEGER NOT NULL REFERENCES facts (rowid),
  position    INTEGER NOT NULL,
  source_id   TEXT NOT NULL REFERENCES sources (id),
  quote       TEXT NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  attribution TEXT,
  PRIMARY KEY (fact_rowid, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_by_source ON evidence (source_id, fact_rowid);
