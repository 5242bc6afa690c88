/** Patterns that several formats share. */

/** A theme id: lower-case letters, digits and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
