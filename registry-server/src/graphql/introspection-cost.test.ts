import { buildSchema, getIntrospectionQuery, graphqlSync, parse, Kind, type FieldNode, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from './graphql-schema.ts';
import { IntrospectionCounter, standardIntrospectionCost } from './introspection-cost.ts';

const schema = buildSchema(loadTypeDefs());

/** Values in an answer as the counter counts them: one per field, one per item of a scalar list. */
function valuesIn(value: unknown): number {
  if (Array.isArray(value))
    return value.reduce((sum: number, item) => sum + (item !== null && typeof item === 'object' ? valuesIn(item) : 1), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, child) => sum + 1 + valuesIn(child), 0);
}

function count(query: string, budget = Number.MAX_SAFE_INTEGER) {
  const document = parse(query);
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const counter = new IntrospectionCounter(schema, (name) => fragments.get(name), budget);
  return (operation.selectionSet.selections as FieldNode[]).reduce((sum, field) => sum + counter.countRootField(field), 0);
}

describe('introspection cost', () => {
  it('counts exactly the values of the standard introspection answer', () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    const answer = graphqlSync({ schema, source: query });
    expect(answer.errors).toBeUndefined();
    expect(standardIntrospectionCost(schema)).toBe(valuesIn(answer.data));
  });

  it('counts __type, inline fragments and __typename like the answer', () => {
    const query =
      '{ __type(name: "Initiative") { name __typename fields { name type { ... on __Type { kind ofType { name ofType { name } } } } } } }';
    expect(count(query)).toBe(valuesIn(graphqlSync({ schema, source: query }).data));
  });

  it('stops at the budget however the fragments multiply', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on __Type { ...F${i + 1} ... on __Type { ...F${i + 1} } }`).join(
      ' ',
    );
    const started = performance.now();
    expect(count(`{ __schema { types { ...F0 } } } ${fragments} fragment F30 on __Type { name }`, 10_000)).toBe(Infinity);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
