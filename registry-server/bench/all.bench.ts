// `npm run bench`: every benchmark of the registry server, one after the other, each in its own
// Node process (each bench starts its own nodes and ends its process when done, so they cannot
// share one). The output of each is passed through as it comes. Exit code: 0 when every bench
// ran (targets missed or not), else the first non-zero code.
//
// `npm run bench -- graphql search` runs only those parts (graphql, federation, market-federation,
// search, web, lighthouse, matching).
// `npm run bench -- --profile [parts]` also writes a V8 CPU profile of every Node process the
// parts start (the bench, its nodes, its followers) into bench-results/profiles/<time>/, and
// prints where the time went in each (profile-summary.ts); open a .cpuprofile in Chrome's
// DevTools (Performance) or VS Code for the whole picture.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summariseProfiles } from './profile-summary.ts';

const PARTS: Record<string, string> = {
  graphql: 'graphql-vs-bare.bench.ts',
  federation: 'federation.bench.ts',
  'market-federation': 'market-federation.bench.ts',
  search: 'search.bench.ts',
  web: 'web.bench.ts',
  lighthouse: 'lighthouse.bench.ts',
  matching: 'matching.bench.ts',
};

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const profile = args.includes('--profile');
const asked = args.filter((arg) => arg !== '--profile');
const unknown = asked.filter((part) => !(part in PARTS));
if (unknown.length) {
  process.stderr.write(`bench: unknown part(s) ${unknown.join(', ')}; choose among ${Object.keys(PARTS).join(', ')} (and --profile).\n`);
  process.exit(2);
}
const benches = (asked.length ? asked : Object.keys(PARTS)).map((part) => PARTS[part]!);

const profileDir = profile
  ? fileURLToPath(new URL(`../bench-results/profiles/${new Date().toISOString().replace(/[:.]/g, '-')}/`, import.meta.url))
  : null;
// NODE_OPTIONS reaches every Node process a bench starts, so the nodes and followers it runs in
// other processes are profiled too; each process writes its own file when it exits.
const env = profileDir
  ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim() }
  : process.env;
if (profileDir) mkdirSync(profileDir, { recursive: true });

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit', env });
    child.once('error', (error) => {
      process.stderr.write(`bench: could not start ${file}: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let exitCode = 0;
for (const [i, file] of benches.entries()) {
  if (i > 0) process.stdout.write('\n' + '─'.repeat(100) + '\n\n');
  const code = await run(file);
  if (code !== 0) {
    process.stderr.write(`bench: ${file} exited with code ${code}\n`);
    if (exitCode === 0) exitCode = code;
  }
}
if (profileDir) process.stdout.write(`\n${summariseProfiles(profileDir)}`);
process.exitCode = exitCode;
