/** Where a command writes what the operator reads (stdout), kept apart for tests. */
export interface CommandOutput {
  line(text: string): void;
}

export const stdoutOutput: CommandOutput = { line: (text) => process.stdout.write(`${text}\n`) };
