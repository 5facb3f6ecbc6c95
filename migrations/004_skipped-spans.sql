-- Sentences of a source the curators read and chose not to turn into facts, with the reason
-- (db/sources/<id>.skipped.yaml): the explorer's source page marks them, so that a reader sees
-- every sentence either backs a fact or was left out for a stated reason.

CREATE TABLE skipped_spans (
  source_id TEXT NOT NULL REFERENCES sources (id),
  start     INTEGER NOT NULL, -- UTF-16 offsets, as evidence offsets
  end       INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  note      TEXT,
  PRIMARY KEY (source_id, start, end)
) STRICT;
