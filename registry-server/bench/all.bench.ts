// `npm run bench`: every benchmark of the registry server, one after the other, each in its own
// Node process (each bench starts its own nodes and ends its process when done, so they cannot
// share one). The output of each is passed through as it comes. Exit code: 0 when every bench
// ran (targets missed or not), else the first non-zero code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['graphql-vs-bare.bench.ts', 'federation.bench.ts', 'search.bench.ts', 'web.bench.ts'];

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL(file, import.meta.url))], {
      stdio: 'inherit',
      env: process.env,
    });
    child.once('error', (error) => {
      process.stderr.write(`bench: could not start ${file}: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let exitCode = 0;
for (const [i, file] of BENCHES.entries()) {
  if (i > 0) process.stdout.write('\n' + '─'.repeat(100) + '\n\n');
  const code = await run(file);
  if (code !== 0) {
    process.stderr.write(`bench: ${file} exited with code ${code}\n`);
    if (exitCode === 0) exitCode = code;
  }
}
process.exitCode = exitCode;
