// How deeply a JSON text nests, measured over its bytes without parsing it: JSON-LD processors
// (jsonld.js, which Fedify uses) recurse once per level, and a few thousand levels overflow their
// stack, so a hostile document must be turned away before any parser sees it. Real activities
// and documents nest fewer than 10 levels. A streaming scan, so a fetched body can be checked
// chunk by chunk as it arrives, and non-recursive, so it cannot overflow itself. Multi-byte UTF-8
// sequences never contain bytes below 0x80, so reading bytes one by one is safe.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

export class JsonDepthScanner {
  readonly #limit: number;
  #depth = 0;
  #inString = false;
  #escaped = false;

  /** `limit`: the deepest nesting of arrays and objects allowed (the document's own braces count as 1). */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Scans the next bytes; false as soon as the nesting goes deeper than the limit. */
  push(bytes: Uint8Array): boolean {
    let depth = this.#depth;
    let inString = this.#inString;
    let escaped = this.#escaped;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
        if (++depth > this.#limit) {
          this.#depth = depth;
          return false;
        }
      } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
    }
    this.#depth = depth;
    this.#inString = inString;
    this.#escaped = escaped;
    return true;
  }
}

/** Whether a whole JSON text nests no deeper than `limit`. */
export function withinJsonDepth(bytes: Uint8Array, limit: number): boolean {
  return new JsonDepthScanner(limit).push(bytes);
}
