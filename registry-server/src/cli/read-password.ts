// Reads a password for an operator command: from standard input when piped (automation), else
// from a terminal prompt without echo, asked twice.
import { createInterface } from 'node:readline';

export async function readPasswordFromStdin(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, '');
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
