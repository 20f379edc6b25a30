// Schema first: the SDL in schemas/graphql is the API's contract; resolvers implement it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemasDirectory } from '../taxonomies/taxonomy-catalog.ts';

export function loadTypeDefs(directory = join(schemasDirectory(), 'graphql')): string {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(directory, f), 'utf8'))
    .join('\n');
}
