-- Run by the build after the bulk insert, not as a numbered migration: building an index once
-- over loaded data is far cheaper than maintaining it row by row during the load.
CREATE UNIQUE INDEX facts_by_id ON facts (id);
