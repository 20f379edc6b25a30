// The index's terms: folded stems, each with a dense id. A sorted view answers prefix searches;
// terms added after the view was sorted (live updates) are scanned apart, as they are few.

export class TermDictionary {
  readonly #ids = new Map<string, number>();
  readonly terms: string[] = [];
  #sorted: Int32Array = new Int32Array(0);

  get size(): number {
    return this.terms.length;
  }

  get(term: string): number | undefined {
    return this.#ids.get(term);
  }

  getOrAdd(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.#ids.set(term, id);
    }
    return id;
  }

  /** Sorts the terms known now, for prefix searches (after a bulk build). */
  sortForPrefixes(): void {
    const ids = Int32Array.from(this.terms.keys());
    const terms = this.terms;
    ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    this.#sorted = ids;
  }

  /** Ids of terms that start with `prefix` (at most `limit`), in no particular order. */
  withPrefix(prefix: string, limit: number): number[] {
    const out: number[] = [];
    const sorted = this.#sorted;
    const terms = this.terms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && out.length < limit; i++) {
      const term = terms[sorted[i]!]!;
      if (!term.startsWith(prefix)) break;
      out.push(sorted[i]!);
    }
    for (let id = sorted.length; id < terms.length && out.length < limit; id++) {
      if (terms[id]!.startsWith(prefix)) out.push(id);
    }
    return out;
  }
}
