/** An argument of a read the API cannot honour; `argument` names it, the message says what to send. */
export class BadInputError extends Error {
  readonly code = 'BAD_USER_INPUT';
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'BadInputError';
    this.argument = argument;
  }
}
