-- Two more vocabularies of the curated data, served like categories: the units figures count or
-- measure in (`figures[].unit`), and the curation flags facts carry (`flags`, before any `:<fact id>`).

CREATE TABLE units (
  slug        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;

CREATE TABLE flags (
  slug        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;
