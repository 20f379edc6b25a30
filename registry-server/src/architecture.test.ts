// The layering rule of issue #12 (docs/adr/0018), checked over the source: only repositories and store/ know how
// documents are stored. Everything else asks a repository by name (`follows.accept()`,
// `reports.open()`), so a change of stored shape touches one file, and a new kind of record has
// one file to copy. A file breaks the rule when it
//   - imports a module of store/ (other than the types and errors every repository shares),
//   - names a collection (`.collection`), or
//   - writes a MongoDB filter or update document (`$set:`, `$in:`, `'origin.kind':` …).
// And a repository keeps its collections to itself: a public field holding a Collection would
// let any caller write filters again.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * May touch collections: the store itself, every repository, and the `*-filter.ts` files that
 * translate a public filter (GraphQL input) into a store filter for their repository.
 */
function mayTouchStore(file: string): boolean {
  return (
    file.startsWith('store/') || file.endsWith('-repository.ts') || file.endsWith('-filter.ts') || STORE_BACKED_INFRASTRUCTURE.has(file)
  );
}

/**
 * Store-backed infrastructure that is not a repository of domain records but plays the same part
 * for a library or a cross-cutting concern: each is the one owner of its collection.
 */
const STORE_BACKED_INFRASTRUCTURE = new Set([
  // Fedify's KvStore and MessageQueue interfaces, implemented on the store (ADR 0008).
  'federation/queue/store-kv-store.ts',
  'federation/queue/store-message-queue.ts',
  'federation/queue/queue-claim.ts',
  // Counters with atomic claims: the storage operations are the whole of its logic.
  'accounts/rate-limiter.ts',
  // The node's and the initiatives' signing keys, generated on first use and kept.
  'federation/actor-keys.ts',
  // A log of failed deliveries per partner host, for the partners page.
  'federation/partners/delivery-health.ts',
]);

/** May open the store (store/open-store.ts, migrations) and hand it to repositories: the composition roots. */
// cli/store-commands.ts opens a node's store and a target store to back up, restore or move them.
const COMPOSITION_ROOTS = new Set(['main.ts', 'registry.ts', 'cli/main.ts', 'cli/store-commands.ts', 'synthetic/generate.ts']);

/**
 * store/ modules any file may import: the typed errors and the page shape every repository
 * answers with. Type-only imports of store/store.ts (Doc, Store) are allowed too: a type opens
 * no collection; constructing a repository from a Store is the composition roots' job.
 */
// store/backup/backup-file.ts: the backup endpoint stamps the store's copy as a backup (ADR 0044).
const SHARED_STORE_MODULES = new Set(['store/store-errors.ts', 'store/keyset-pagination.ts', 'store/backup/backup-file.ts']);

const OPERATOR_KEY =
  /(?:^|[{,(\s])['"]?\$(?:set|unset|inc|in|nin|ne|eq|exists|push|pull|addToSet|setOnInsert|lt|lte|gt|gte|or|and|nor|not|regex|elemMatch|size|all|min|max|expr)['"]?\s*:/;
// A key naming a path inside a stored document ('origin.kind', 'record.node' …). Domain event
// names ('record.published') share the record. prefix and are not paths.
const DOTTED_FIELD_KEY =
  /(?:^|[{,(\s])'(?:origin|publication|derived|pending|announce|record(?!\.(?:published|updated|unpublished|deleted)'))\.[a-zA-Z_.]+'\s*:/;
const COLLECTION_ACCESS = /\.collection\b/;
// A field or member declaration (it ends with `;`, possibly after an initializer); a parameter on a
// line of its own (ending with `,` or `)`, as the formatter writes long signatures) is not one.
const PUBLIC_COLLECTION_FIELD = /^\s*(?:public\s+)?(?:readonly\s+)?[a-zA-Z]\w*\s*:\s*Collection<.*(?:;|=.*;)\s*$/;
const IMPORT_FROM = /(?:^|\s)(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    const isTestCode = /\.(test|contract|fixture)\.ts$/.test(name) || name.endsWith('-test-fixtures.ts');
    return name.endsWith('.ts') && !name.endsWith('.d.ts') && !isTestCode ? [path] : [];
  });
}

/** Blanks comments (keeping line breaks) so prose about `$set` or `.collection` is not code. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function layeringViolations(): string[] {
  const found: string[] = [];
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path).split('\\').join('/');
    const source = withoutComments(readFileSync(path, 'utf8'));
    source.split('\n').forEach((text, index) => {
      if (PUBLIC_COLLECTION_FIELD.test(text) && !file.startsWith('store/'))
        found.push(`${file}:${index + 1} hands out a collection: ${text.trim()}`);
    });
    if (mayTouchStore(file)) continue;
    for (const match of source.matchAll(IMPORT_FROM)) {
      const target = match[1]!;
      if (!target.startsWith('.')) continue;
      const imported = relative(SRC, resolve(dirname(path), target))
        .split('\\')
        .join('/');
      if (!imported.startsWith('store/') || SHARED_STORE_MODULES.has(imported)) continue;
      const typeOnly = /^\s*(?:import|export)\s+type\s/.test(match[0]) && imported === 'store/store.ts';
      if (typeOnly || COMPOSITION_ROOTS.has(file)) continue;
      const line = source.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
      found.push(`${file}:${line} imports ${imported}`);
    }
    source.split('\n').forEach((text, index) => {
      const where = `${file}:${index + 1}`;
      if (COLLECTION_ACCESS.test(text)) found.push(`${where} names a collection: ${text.trim()}`);
      if (OPERATOR_KEY.test(text)) found.push(`${where} writes a MongoDB operator: ${text.trim()}`);
      if (DOTTED_FIELD_KEY.test(text)) found.push(`${where} filters on a stored field path: ${text.trim()}`);
    });
  }
  return found;
}

describe('layering', () => {
  it('only store/ and the repositories know how documents are stored', () => {
    expect(layeringViolations()).toEqual([]);
  });
});
