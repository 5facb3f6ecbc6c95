/** The longest id of a fact, actor or source: the router refuses a longer path segment (414). */
export const ID_MAX_LENGTH = 200

/** The form of every curated id and slug: lowercase letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MESSAGE = 'must be a slug: lowercase letters, digits and single hyphens'
