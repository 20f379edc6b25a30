// Commands that act on a running node talk to its GraphQL API as an admin (the embedded store
// allows one process, so they cannot open it while the node runs). The admin's bearer token
// comes from UMN_TOKEN, or the command signs in with --email and a password.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ActionError } from '../accounts/action-error.ts';
import { promptPassword, readPasswordFromStdin } from './read-password.ts';

export interface ApiOptions {
  url: string;
  token?: string;
  email?: string;
  passwordStdin?: boolean;
}

export class ApiClient {
  readonly #endpoint: string;
  #token: string | undefined;
  readonly #options: ApiOptions;

  constructor(options: ApiOptions) {
    this.#endpoint = new URL('/graphql', options.url).href;
    this.#token = options.token;
    this.#options = options;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (!this.#token) this.#token = await this.#signIn();
    return this.#post<T>(query, variables, this.#token);
  }

  /**
   * POSTs to `path` as the admin and writes the answer's body to a new file at `destination`
   * (never over an existing one); returns the bytes written. Refusals come back as ActionErrors
   * carrying the node's message.
   */
  async download(path: string, destination: string): Promise<number> {
    if (!this.#token) this.#token = await this.#signIn();
    const url = new URL(path, this.#options.url).href;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${this.#token}` } });
    } catch (error) {
      throw new ActionError(
        'NOT_FOUND',
        `Cannot reach the node at ${url} (${(error as Error).message}). Is it running? Give its address with --url.`,
      );
    }
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message: string }> };
      throw new ActionError('INVALID_STATE', body.errors?.map((e) => e.message).join('; ') ?? `The node answered HTTP ${response.status}.`);
    }
    const file = createWriteStream(destination, { flags: 'wx' });
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), file);
    const expected = Number(response.headers.get('content-length'));
    if (Number.isFinite(expected) && expected !== file.bytesWritten)
      throw new ActionError(
        'INVALID_STATE',
        `The node sent ${file.bytesWritten} of ${expected} bytes; the transfer was cut. Run the command again.`,
      );
    return file.bytesWritten;
  }

  async #signIn(): Promise<string> {
    if (!this.#options.email)
      throw new ActionError(
        'VALIDATION_FAILED',
        'Give an admin token in UMN_TOKEN, or --email to sign in (the password is asked, or read from standard input with --password-stdin).',
      );
    const password =
      this.#options.passwordStdin || !process.stdin.isTTY ? await readPasswordFromStdin() : await promptPassword('Password: ');
    const data = await this.#post<{ signIn: { token: string | null; error: { message: string } | null } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: BEARER) { token error { message } } }',
      { e: this.#options.email, p: password },
    );
    if (!data.signIn.token) throw new ActionError('INVALID_CREDENTIALS', data.signIn.error?.message ?? 'Sign-in failed.');
    return data.signIn.token;
  }

  async #post<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.#endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ActionError(
        'NOT_FOUND',
        `Cannot reach the node at ${this.#endpoint} (${(error as Error).message}). Is it running? Give its address with --url.`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new ActionError('INVALID_STATE', body.errors.map((e) => e.message).join('; '));
    if (!body.data) throw new ActionError('INVALID_STATE', `The node answered HTTP ${response.status} without data.`);
    return body.data;
  }
}
