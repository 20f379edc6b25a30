// What a received JSON body may look like before any parser or JSON-LD processor sees it. Real
// activities nest fewer than 10 levels, list a few hundred addressees at most and never repeat a
// key; the JSON-LD processor recurses once per level (thousands of levels overflow its stack: a
// 500), and its work grows with every item. So a body is refused, with a message saying what is
// wrong, when it nests too deep, holds too many items or too long a string, repeats a key (two
// parsers could read it two ways), has a "__proto__" key (prototype pollution in code that copies
// objects by assignment) or a number no double can hold (1e999 reads as Infinity).
//
// One linear, non-recursive pass over the text, so the check itself cannot overflow or backtrack.
// It does not judge syntax: JSON.parse does that afterwards, on a text known to be tame.

export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects; the document's own braces count as level 1. */
  maxDepth: number;
  /** Most items in one array, and most members in one object. */
  maxItems: number;
  /** Longest string, in UTF-16 code units as written (escapes count as written). */
  maxStringLength: number;
}

export const ACTIVITY_SHAPE: JsonShapeLimits = { maxDepth: 32, maxItems: 1_000, maxStringLength: 64 * 1024 };

type Frame = { kind: 'object'; keys: Set<string>; expectKey: boolean } | { kind: 'array'; items: number };

/** The first thing wrong with the shape of `text` (a sentence for the sender), or null. */
export function jsonShapeProblem(text: string, limits: JsonShapeLimits = ACTIVITY_SHAPE): string | null {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const top = stack.at(-1);
    if (char === '"') {
      const end = stringEnd(text, i);
      if (end - i - 1 > limits.maxStringLength)
        return `Strings are limited to ${limits.maxStringLength} characters; one has ${end - i - 1}.`;
      if (top?.kind === 'object' && top.expectKey) {
        top.expectKey = false;
        const key = decodeKey(text.slice(i, end + 1));
        if (key === '__proto__') return 'A "__proto__" key is not accepted in an activity.';
        if (key !== null && top.keys.has(key))
          return `The key ${JSON.stringify(key.slice(0, 100))} appears twice in one object; each key may appear once.`;
        if (key !== null) top.keys.add(key);
        if (top.keys.size > limits.maxItems) return `Objects are limited to ${limits.maxItems} members.`;
      }
      i = end + 1;
      continue;
    }
    if (char === '{' || char === '[') {
      if (stack.length >= limits.maxDepth) return `Activities may nest arrays and objects at most ${limits.maxDepth} levels deep.`;
      stack.push(char === '{' ? { kind: 'object', keys: new Set(), expectKey: true } : { kind: 'array', items: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      if (top?.kind === 'object') top.expectKey = true;
      else if (top?.kind === 'array' && ++top.items >= limits.maxItems) return `Arrays are limited to ${limits.maxItems} items.`;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      const end = numberEnd(text, i);
      if (!Number.isFinite(Number(text.slice(i, end))))
        return `The number ${text.slice(i, Math.min(end, i + 40))} is beyond what a double can hold.`;
      i = end;
      continue;
    }
    i++;
  }
  return null;
}

/** Index of the quote that closes the string opening at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '"') return i;
    else i++;
  }
  return text.length;
}

function numberEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && /[0-9eE+\-.]/.test(text[i]!)) i++;
  return i;
}

/** A key as its parser reads it ("\u005f_proto__" is "__proto__" too); null if it is not valid JSON. */
function decodeKey(quoted: string): string | null {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}
