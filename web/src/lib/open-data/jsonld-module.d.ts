// The `jsonld` package (a devDependency, for the export tests) ships no types: the one call the
// tests make, typed as the JSON-LD 1.1 API defines it (expand returns the expanded node objects).
declare module 'jsonld' {
  const jsonld: {
    expand(input: object, options?: { documentLoader?: (url: string) => Promise<unknown> }): Promise<Array<Record<string, unknown>>>;
  };
  export default jsonld;
}
