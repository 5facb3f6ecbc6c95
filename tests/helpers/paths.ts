export const FIXTURE_DATA_DIR = 'tests/fixtures/db'
/** A small dataset that follows every curation rule: the rule tests break it one rule at a time. */
export const CURATED_FIXTURE_DIR = 'tests/fixtures/curated'
