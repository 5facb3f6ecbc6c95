export const FIXTURE_DATA_DIR = 'tests/fixtures/db'
