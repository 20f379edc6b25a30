// Which two versions the history page compares, from its GET form (`?from=3&to=7`). Without a
// choice: from the last published version (the last approval, else the oldest listed) to the
// newest, which is what "See what changed" means. A version not in the list is refused.

export interface VersionChoice {
  from: number;
  to: number;
  /** Whether both were named by the reader (or defaulted) and are in the list. */
  valid: boolean;
  /** Whether the reader asked for this comparison (the form was sent). */
  asked: boolean;
}

/** `revisions`: newest first, as the registry lists them. */
export function chooseVersions(revisions: ReadonlyArray<{ version: number; action: string }>, params: URLSearchParams): VersionChoice {
  const newest = revisions[0]?.version ?? 0;
  const lastApproval = revisions.find((r) => r.action === 'approve' && r.version !== newest)?.version;
  const oldest = revisions.at(-1)?.version ?? newest;
  const fallback = { from: lastApproval ?? oldest, to: newest };
  if (!params.has('from') && !params.has('to')) return { ...fallback, valid: revisions.length > 1, asked: false };
  const listed = new Set(revisions.map((r) => r.version));
  const read = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return /^\d{1,9}$/.test(value) && listed.has(Number(value)) ? Number(value) : null;
  };
  const from = read('from');
  const to = read('to');
  if (from === null || to === null) return { ...fallback, valid: false, asked: true };
  return { from, to, valid: true, asked: true };
}
