// One copy of each repeated short value among the resident parts of documents (resident-plan.ts):
// strings, and small frozen arrays and objects of plain values. JSON.parse makes a new value
// every time, so 100,000 listings hold 100,000 copies of "published", of { state: "published" },
// of each list of sector codes and of each origin URL; sharing them halves the resident memory.
// Sharing is safe because resident parts are frozen. The pool stops growing at a bound: the
// values worth sharing are the frequent ones, and those are met early.
const MAX_ENTRIES = 50_000;
const MAX_LENGTH = 100;

export class StringPool {
  readonly #strings = new Map<string, string>();
  readonly #leaves = new Map<string, object>();

  intern(value: string): string {
    if (value.length > MAX_LENGTH) return value;
    const shared = this.#strings.get(value);
    if (shared !== undefined) return shared;
    if (this.#strings.size < MAX_ENTRIES) this.#strings.set(value, value);
    return value;
  }

  /**
   * The shared copy of an array or object whose members are all strings, numbers, booleans or
   * null (a "leaf"); `value` itself when it is not one, is long, or the pool is full. The caller
   * freezes what it keeps.
   */
  share<T extends object>(value: T): T {
    const members: unknown[] = Array.isArray(value) ? value : Object.values(value);
    if (members.some((member) => member !== null && typeof member === 'object')) return value;
    const key = (Array.isArray(value) ? 'a' : 'o') + JSON.stringify(value);
    if (key.length > MAX_LENGTH) return value;
    const shared = this.#leaves.get(key);
    if (shared !== undefined) return shared as T;
    if (this.#leaves.size < MAX_ENTRIES) this.#leaves.set(key, Object.freeze(value));
    return value;
  }
}
