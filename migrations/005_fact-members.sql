-- Where each top-level member of a fact sits in its stored JSON: the offset (UTF-16 code units,
-- as JavaScript slices strings) of each member's opening quote, in the order of the public Fact
-- schema, as little-endian uint16, or uint32 for a JSON of 65,536 characters or more. A request
-- for some fields (`fields=`) joins those members' slices instead of parsing and re-serializing.
ALTER TABLE facts ADD COLUMN members BLOB NOT NULL DEFAULT x'';
