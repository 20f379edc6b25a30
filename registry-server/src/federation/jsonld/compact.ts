// Built and read JSON-LD documents compare equal whatever path produced them.

/**
 * A copy without undefined members and empty arrays, so that built documents and read records
 * compare equal whatever path produced them.
 */
export function compact<T extends object>(value: T): T {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(entries) as T;
}
