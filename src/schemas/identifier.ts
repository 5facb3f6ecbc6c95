/** The longest id of a fact, actor or source: the router refuses a longer path segment (414). */
export const ID_MAX_LENGTH = 200
