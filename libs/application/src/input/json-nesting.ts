/**
 * The deepest nesting of arrays and objects a JSON input may have. No request or import record
 * needs more than a handful of levels; a body nested tens of thousands deep would otherwise
 * overflow the stack of class-transformer or the canonical JSON of the hash chain (a 500 after
 * half a second of CPU per request).
 */
export const MAX_JSON_NESTING = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * True when `text` opens more than `limit` arrays or objects inside one another. One linear pass
 * over the characters (brackets inside strings do not count), so it costs less than the parse it
 * guards and runs before it; malformed JSON is left for the parser to refuse.
 */
export function nestsDeeperThan(text: string, limit: number = MAX_JSON_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
