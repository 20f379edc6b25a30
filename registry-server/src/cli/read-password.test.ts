import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPasswordFromStdin } from './read-password.ts';

describe('readPasswordFromStdin', () => {
  it('reads one line: a password piped twice (as `yes` or a confirm prompt would) is not joined by a newline', async () => {
    expect(await readPasswordFromStdin(Readable.from(['correct horse battery\n', 'correct horse battery\n']))).toBe(
      'correct horse battery',
    );
  });

  it('takes a line split across chunks, a Windows line end, and a last line without one', async () => {
    expect(await readPasswordFromStdin(Readable.from(['correct ', 'horse battery\r\n', 'more']))).toBe('correct horse battery');
    expect(await readPasswordFromStdin(Readable.from(['no newline at the end']))).toBe('no newline at the end');
  });

  it('keeps spaces inside and around the password: they are part of it', async () => {
    expect(await readPasswordFromStdin(Readable.from(['  two spaces around  \n']))).toBe('  two spaces around  ');
  });

  it('says what to do when standard input is empty', async () => {
    await expect(readPasswordFromStdin(Readable.from([]))).rejects.toThrow(/No password on standard input/);
  });
});
