// The practice types of an initiative come from the good practices it illustrates, whichever side
// records the link (the initiative names the practice, or the practice names the initiative).
// This keeps both sides' links, so a change to a practice tells which initiatives to re-index.

export class PracticeLinks {
  readonly #typeOf = new Map<string, string>();
  readonly #practiceRefOf = new Map<string, string>();
  /** Practice ref → initiative refs the practice names. */
  readonly #named = new Map<string, string[]>();
  /** Initiative ref → practice refs naming it. */
  readonly #namedBy = new Map<string, Set<string>>();
  /** Practice ref → ids of initiatives that name it. */
  readonly #referencing = new Map<string, Set<string>>();
  readonly #initiativeIdOf = new Map<string, string>();
  readonly #initiativeOf = new Map<string, { ref: string; practices: string[] }>();

  /** Practice types of an initiative. */
  typesOf(ref: string, practiceRefs: readonly string[]): string[] {
    const types = new Set<string>();
    for (const p of practiceRefs) {
      const type = this.#typeOf.get(p);
      if (type) types.add(type);
    }
    for (const p of this.#namedBy.get(ref) ?? []) {
      const type = this.#typeOf.get(p);
      if (type) types.add(type);
    }
    return [...types];
  }

  /** Records a practice; returns the ids of initiatives whose practice types may have changed. */
  setPractice(id: string, ref: string, type: string, initiativeRefs: readonly string[]): string[] {
    const affected = this.removePractice(id);
    this.#practiceRefOf.set(id, ref);
    this.#typeOf.set(ref, type);
    this.#named.set(ref, [...initiativeRefs]);
    for (const i of initiativeRefs) {
      let set = this.#namedBy.get(i);
      if (!set) this.#namedBy.set(i, (set = new Set()));
      set.add(ref);
    }
    return [...new Set([...affected, ...this.#affected(ref)])];
  }

  removePractice(id: string): string[] {
    const ref = this.#practiceRefOf.get(id);
    if (ref === undefined) return [];
    const affected = this.#affected(ref);
    for (const i of this.#named.get(ref) ?? []) this.#namedBy.get(i)?.delete(ref);
    this.#named.delete(ref);
    this.#typeOf.delete(ref);
    this.#practiceRefOf.delete(id);
    return affected;
  }

  setInitiative(id: string, ref: string, practiceRefs: readonly string[]): void {
    this.removeInitiative(id);
    this.#initiativeOf.set(id, { ref, practices: [...practiceRefs] });
    this.#initiativeIdOf.set(ref, id);
    for (const p of practiceRefs) {
      let set = this.#referencing.get(p);
      if (!set) this.#referencing.set(p, (set = new Set()));
      set.add(id);
    }
  }

  removeInitiative(id: string): void {
    const known = this.#initiativeOf.get(id);
    if (!known) return;
    for (const p of known.practices) this.#referencing.get(p)?.delete(id);
    if (this.#initiativeIdOf.get(known.ref) === id) this.#initiativeIdOf.delete(known.ref);
    this.#initiativeOf.delete(id);
  }

  #affected(ref: string): string[] {
    const ids = new Set(this.#referencing.get(ref) ?? []);
    for (const i of this.#named.get(ref) ?? []) {
      const id = this.#initiativeIdOf.get(i);
      if (id) ids.add(id);
    }
    return [...ids];
  }
}
