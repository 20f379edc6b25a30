// Optional instrumentation of the federation bench (BENCH_TRACE=1): where the time of a delivery
// goes. It wraps, at run time and in the process that installs it (the bench's, and each follower
// process's, which sends its counters back to be added up), a few prototypes and module objects:
//   - the embedded store's collection methods (their work is synchronous: mingo scans, clones,
//     JSON round trips, and the SQLite commit with synchronous=FULL, i.e. an fsync), by
//     collection and method, with the time they held the event loop;
//   - SqliteFile.write: the time each write holds the event loop, by durability class, and the
//     group commits of each class (a FULL one fsyncs the WAL, a relaxed one does not);
//   - node:http servers: requests by route, and their time until the response finished;
//   - the jsonld library Fedify uses (expand / compact / canonize …): calls by caller;
//   - WebCrypto: signatures, verifications, key imports and generations.
// Nothing in the product's source changes; the wrappers only count and time.
import { Server } from 'node:http';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { EmbeddedCollection } from '../src/store/embedded/embedded-collection.ts';
import { SqliteFile } from '../src/store/embedded/sqlite-file.ts';

export interface Stat {
  count: number;
  ms: number;
}
export type Stats = Record<string, Stat>;

const stats: Stats = {};
/** Maps a port or a data directory to a role ("publisher", "follower"). */
const roles = new Map<string, string>();

function add(key: string, ms: number): void {
  const s = (stats[key] ??= { count: 0, ms: 0 });
  s.count++;
  s.ms += ms;
}

export function setRole(key: string, role: string): void {
  roles.set(key, role);
}

const roleOfPath = (path: string) => {
  for (const [key, role] of roles) if (path.startsWith(key)) return role;
  return 'other';
};

let installed = false;

export async function installTrace(): Promise<void> {
  if (installed) return;
  installed = true;

  // Store: synchronous work of each collection call, and each SQLite commit.
  const proto = EmbeddedCollection.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of [
    'find',
    'findOne',
    'countDocuments',
    'insertMany',
    'updateOne',
    'updateMany',
    'findOneAndUpdate',
    'replaceOne',
    'deleteOne',
    'deleteMany',
  ]) {
    const original = proto[method]!;
    proto[method] = function (this: { name: string }, ...args: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        add(`store ${this.name}.${method}`, performance.now() - t);
      }
    };
  }
  const fileProto = SqliteFile.prototype as unknown as {
    write(this: SqliteFile, writes: Array<{ collection: string }>, ...rest: unknown[]): void;
  };
  const write = fileProto.write;
  fileProto.write = function (writes, ...rest) {
    const t = performance.now();
    try {
      return write.call(this, writes, ...rest);
    } finally {
      const ms = performance.now() - t;
      const durability = rest[0] === 'relaxed' ? 'relaxed' : 'full';
      add(`write ${roleOfPath(this.path)} ${durability}`, ms);
      add(`write ${roleOfPath(this.path)} ${durability} ${writes[0]?.collection ?? '?'}`, ms);
    }
  };
  const open = SqliteFile.open.bind(SqliteFile);
  SqliteFile.open = (dataDir: string) => {
    const file = open(dataDir);
    files.push(file);
    return file;
  };

  // HTTP: requests each node answered, by route.
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [
        { method?: string; url?: string; headers: Record<string, string | undefined>; socket: { localPort?: number } },
        { once(e: string, f: () => void): void },
      ];
      const role = roles.get(String(req.socket.localPort)) ?? 'other';
      const path = (req.url ?? '').split('?')[0]!;
      const route =
        path.startsWith('/ap/inbox') || path.endsWith('/inbox')
          ? 'inbox'
          : path.startsWith('/graphql')
            ? 'graphql'
            : path.startsWith('/initiatives/')
              ? 'initiative object'
              : path.startsWith('/nodes/')
                ? 'node actor'
                : path.split('/').slice(0, 3).join('/');
      const t = performance.now();
      res.once('finish', () => add(`http ${role} ${req.method} ${route}`, performance.now() - t));
    }
    return (emit as (this: Server, ...all: unknown[]) => boolean).call(this, event, ...args);
  } as typeof Server.prototype.emit;

  // jsonld, as Fedify imports it (@fedify/vocab-runtime/jsonld, one module instance).
  const fedifyEntry = realpathSync(createRequire(import.meta.url).resolve('@fedify/fedify'));
  const runtimeJsonld = createRequire(fedifyEntry).resolve('@fedify/vocab-runtime/jsonld');
  const esm = join(dirname(runtimeJsonld), 'jsonld.js');
  const jsonld = ((await import(pathToFileURL(esm).href)) as { default: Record<string, (...args: unknown[]) => Promise<unknown>> }).default;
  for (const op of ['expand', 'compact', 'canonize', 'normalize', 'flatten', 'frame', 'toRDF']) {
    const original = jsonld[op];
    if (typeof original !== 'function') continue;
    jsonld[op] = function (...args: unknown[]) {
      add(`jsonld ${op} ← ${caller()}`, 0);
      return original.apply(this, args);
    };
  }

  // WebCrypto.
  const subtle = globalThis.crypto.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const op of ['sign', 'verify', 'importKey', 'exportKey', 'generateKey', 'digest']) {
    const original = subtle[op]!.bind(subtle);
    subtle[op] = (...args: unknown[]) => {
      const alg = args[0] as string | { name?: string };
      add(`crypto ${op} ${typeof alg === 'string' ? alg : (alg?.name ?? '')}`, 0);
      return original(...args);
    };
  }
}

/** The first frame of the stack outside jsonld and tracing: who asked for the JSON-LD work. */
function caller(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(3);
  for (const line of lines) {
    if (/jsonld|federation-trace|opentelemetry|node:internal|<anonymous>/.test(line)) continue;
    const m = /at (?:async )?([^\s(]+)?\s*\(?(.*?):(\d+):\d+\)?$/.exec(line.trim());
    if (!m) continue;
    const file = m[2]!
      .replace(/^file:\/\//, '')
      .replace(/.*node_modules\//, '')
      .replace(/.*registry-server\//, '');
    return `${m[1] ?? '(anonymous)'} ${file.replace(/-[A-Za-z0-9_]{6,}\.(m?js)$/, '.$1')}`;
  }
  return '?';
}

/** Every store file opened in this process, for its commit counts. */
const files: SqliteFile[] = [];

export function snapshot(): Stats {
  const out = structuredClone(stats);
  for (const file of files) {
    for (const kind of ['full', 'relaxed'] as const) {
      const s = (out[`commits ${roleOfPath(file.path)} ${kind}`] ??= { count: 0, ms: 0 });
      s.count += file.commits[kind];
    }
  }
  return out;
}

/** The counters of several processes added up (the followers each run in their own). */
export function merge(all: Stats[]): Stats {
  const out: Stats = {};
  for (const stats of all) {
    for (const [key, s] of Object.entries(stats)) {
      const o = (out[key] ??= { count: 0, ms: 0 });
      o.count += s.count;
      o.ms += s.ms;
    }
  }
  return out;
}

export function diff(after: Stats, before: Stats): Stats {
  const out: Stats = {};
  for (const [key, s] of Object.entries(after)) {
    const b = before[key] ?? { count: 0, ms: 0 };
    if (s.count > b.count) out[key] = { count: s.count - b.count, ms: s.ms - b.ms };
  }
  return out;
}

/** A table of the stats of a phase, per unit (e.g. per delivery), largest first. */
export function traceTable(phase: Stats, units: number, unitName: string, wallMs: number, top = 30): string[] {
  const lines: string[] = [];
  const counted = (key: string) => key.startsWith('jsonld') || key.startsWith('crypto') || key.startsWith('commits');
  const timedRows = Object.entries(phase)
    .filter(([k]) => !counted(k))
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, top);
  const countedRows = Object.entries(phase)
    .filter(([k]) => counted(k))
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, top);
  const rows = [...timedRows, ...countedRows];
  lines.push(
    `  ${'what'.padEnd(78)} ${'calls'.padStart(8)} ${`per ${unitName}`.padStart(13)} ${'ms total'.padStart(9)} ${'% wall'.padStart(7)}`,
  );
  for (const [key, s] of rows) {
    const timed = !counted(key);
    lines.push(
      `  ${key.slice(0, 78).padEnd(78)} ${String(s.count).padStart(8)} ${(s.count / units).toFixed(2).padStart(13)} ${timed ? s.ms.toFixed(0).padStart(9) : ''.padStart(9)} ${timed && !key.startsWith('http') ? ((100 * s.ms) / wallMs).toFixed(1).padStart(7) : ''.padStart(7)}`,
    );
  }
  return lines;
}
