// Unicode that text fields must not carry. Pure and browser-safe, like dns.ts.

// Half of a UTF-16 surrogate pair on its own is no character at all: it
// cannot be written as UTF-8, so the database would store U+FFFD or broken
// bytes and the value read back would differ from the value sent.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

// Bidi embeddings/overrides (U+202A–U+202E), bidi isolates (U+2066–U+2069)
// and zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) make a name
// look like another one ("Trojan Source"): two rows that read the same,
// or a name that displays reversed. Descriptions may keep them (RTL prose
// and emoji sequences need them); names may not.
const HIDDEN_OR_BIDI = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/;

export function hasHiddenOrBidiCharacters(text: string): boolean {
  return HIDDEN_OR_BIDI.test(text);
}
