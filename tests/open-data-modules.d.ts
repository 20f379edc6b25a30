// Types the server's TypeScript project needs to check tests/open-data-exports.integration.test.ts,
// which runs the site's own export code: Vite's `?raw` imports (the site's .graphql operations,
// as text) and the `jsonld` package, which ships no types (the one call the test makes).
declare module '*?raw' {
  const text: string;
  export default text;
}

declare module 'jsonld' {
  const jsonld: {
    expand(input: object, options?: { documentLoader?: (url: string) => Promise<unknown> }): Promise<Array<Record<string, unknown>>>;
  };
  export default jsonld;
}
