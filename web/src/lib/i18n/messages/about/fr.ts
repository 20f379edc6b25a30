// The accessibility statement and other pages about the site: French reference messages of this area (every other language of the area
// must have the same keys, checked by catalog.test.ts). `{name}` marks a value filled in by format().
const fr = {
} as const satisfies Record<string, string>;

export default fr;
