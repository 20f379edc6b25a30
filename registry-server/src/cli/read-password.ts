// Reads a password for an operator command: from standard input when piped (automation), else
// from a terminal prompt without echo, asked twice.
import { createInterface } from 'node:readline';
import { ActionError } from '../accounts/action-error.ts';

/**
 * The first line of standard input, without its line end. Only one line: a password piped twice
 * (`printf 'pw\npw\n'`, as the interactive prompt asks twice) must not become "pw\npw".
 * Spaces are kept: they are part of the password.
 */
export async function readPasswordFromStdin(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
  } finally {
    lines.close();
  }
  throw new ActionError(
    'VALIDATION_FAILED',
    'No password on standard input: pipe it in on one line, e.g. `printf \'%s\\n\' "$PASSWORD" | npm run umn -- admin create --email … --password-stdin`.',
  );
}

export async function promptPassword(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let asking = true;
  // Echo the question but not what is typed.
  output._writeToOutput = (s: string) => {
    if (asking) process.stdout.write(s);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      asking = false;
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    asking = false;
  });
}
