// The exact size of an introspection answer, counted before it is computed. The schema is
// known, so instead of guessing list sizes (as query-limits.ts must for data) this walks the
// query over the schema itself: `types` is the schema's real type list, `fields` a type's real
// fields. The walk stops as soon as the count passes the budget, so a hostile query costs the
// node at most `budget` steps to refuse, however its fragments multiply.
import {
  getIntrospectionQuery,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
  type FieldNode,
} from 'graphql';

/** An introspection object, by the introspection type whose fields it answers. */
type Node =
  | { kind: '__Schema' }
  | { kind: '__Type'; type: GraphQLType }
  | { kind: '__Field'; field: GraphQLField<unknown, unknown> }
  | { kind: '__InputValue'; value: GraphQLArgument | GraphQLInputField }
  | { kind: '__EnumValue' }
  | { kind: '__Directive'; directive: GraphQLDirective };

/** What a field of an introspection object resolves to: scalars count one value per item. */
type Child = Node | Node[] | null | { scalars: number };

export type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

class OverBudget extends Error {}

export class IntrospectionCounter {
  readonly #schema: GraphQLSchema;
  readonly #fragment: FragmentLookup;
  #left: number;

  constructor(schema: GraphQLSchema, fragment: FragmentLookup, budget: number) {
    this.#schema = schema;
    this.#fragment = fragment;
    this.#left = budget;
  }

  /**
   * Values the root field `__schema` or `__type` answers with; Infinity once over the budget.
   * `__type(name: $variable)` is counted for the schema's largest answer to that selection.
   */
  countRootField(field: FieldNode): number {
    const before = this.#left;
    try {
      if (field.name.value === '__schema') this.#selection(field.selectionSet, { kind: '__Schema' }, new Set());
      else this.#typeField(field);
      this.#spend(1);
      return before - this.#left;
    } catch (error) {
      if (error instanceof OverBudget) return Infinity;
      throw error;
    }
  }

  #typeField(field: FieldNode): void {
    const name = field.arguments?.find((a) => a.name.value === 'name')?.value;
    if (name?.kind === Kind.STRING) {
      const type = this.#schema.getType(name.value);
      if (type) this.#selection(field.selectionSet, { kind: '__Type', type }, new Set());
      return;
    }
    // A variable name: the largest answer any type gives. All the trials draw on the one
    // budget, so the work stays bounded (a heavy selection under a variable name is refused).
    const start = this.#left;
    let largest = 0;
    for (const type of Object.values(this.#schema.getTypeMap())) {
      const before = this.#left;
      this.#selection(field.selectionSet, { kind: '__Type', type }, new Set());
      largest = Math.max(largest, before - this.#left);
    }
    this.#left = start - largest;
  }

  #spend(values: number): void {
    this.#left -= values;
    if (this.#left < 0) throw new OverBudget();
  }

  #selection(selectionSet: SelectionSetNode | undefined, node: Node, fragmentsInPath: Set<string>): void {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        this.#spend(1);
        this.#child(this.#resolve(node, selection), selection.selectionSet, fragmentsInPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === node.kind)
          this.#selection(selection.selectionSet, node, fragmentsInPath);
      } else {
        const name = selection.name.value;
        const fragment = this.#fragment(name);
        // Cycles are refused by graphql-js's own rule; here they only must not loop.
        if (!fragment || fragmentsInPath.has(name) || fragment.typeCondition.name.value !== node.kind) continue;
        this.#selection(fragment.selectionSet, node, new Set([...fragmentsInPath, name]));
      }
    }
  }

  #child(child: Child, selectionSet: SelectionSetNode | undefined, fragmentsInPath: Set<string>): void {
    if (child === null) return;
    if ('scalars' in child) return this.#spend(child.scalars);
    for (const node of Array.isArray(child) ? child : [child]) this.#selection(selectionSet, node, fragmentsInPath);
  }

  /** What graphql-js's introspection resolvers return for this field (deprecated items included). */
  #resolve(node: Node, field: FieldNode): Child {
    const name = field.name.value;
    const one = { scalars: 0 };
    switch (node.kind) {
      case '__Schema': {
        const schema = this.#schema;
        if (name === 'types') return Object.values(schema.getTypeMap()).map((type) => ({ kind: '__Type', type }));
        if (name === 'directives') return schema.getDirectives().map((directive) => ({ kind: '__Directive', directive }));
        const root =
          name === 'queryType'
            ? schema.getQueryType()
            : name === 'mutationType'
              ? schema.getMutationType()
              : name === 'subscriptionType'
                ? schema.getSubscriptionType()
                : undefined;
        return root ? { kind: '__Type', type: root } : one;
      }
      case '__Type': {
        const type = node.type;
        if (name === 'ofType') return isListType(type) || isNonNullType(type) ? { kind: '__Type', type: type.ofType } : null;
        if (name === 'fields')
          return isObjectType(type) || isInterfaceType(type)
            ? Object.values(type.getFields()).map((field) => ({ kind: '__Field', field }))
            : null;
        if (name === 'interfaces')
          return isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().map((type) => ({ kind: '__Type', type })) : null;
        if (name === 'possibleTypes')
          return isAbstractType(type) ? this.#schema.getPossibleTypes(type).map((type) => ({ kind: '__Type', type })) : null;
        if (name === 'enumValues') return isEnumType(type) ? type.getValues().map(() => ({ kind: '__EnumValue' })) : null;
        if (name === 'inputFields')
          return isInputObjectType(type) ? Object.values(type.getFields()).map((value) => ({ kind: '__InputValue', value })) : null;
        return one;
      }
      case '__Field':
        if (name === 'args') return node.field.args.map((value) => ({ kind: '__InputValue', value }));
        if (name === 'type') return { kind: '__Type', type: node.field.type };
        return one;
      case '__InputValue':
        return name === 'type' ? { kind: '__Type', type: node.value.type } : one;
      case '__Directive':
        if (name === 'args') return node.directive.args.map((value) => ({ kind: '__InputValue', value }));
        if (name === 'locations') return { scalars: node.directive.locations.length };
        return one;
      case '__EnumValue':
        return one;
    }
  }
}

const standardCosts = new WeakMap<GraphQLSchema, number>();

/**
 * Values in this schema's answer to the standard introspection query with every option
 * (what GraphiQL and code generators send). Budgets are set from it, so the schema can grow
 * without refusing the tools that read it.
 */
export function standardIntrospectionCost(schema: GraphQLSchema): number {
  let cost = standardCosts.get(schema);
  if (cost === undefined) {
    const document = parse(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    );
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const root = operation?.selectionSet.selections[0] as FieldNode;
    cost = new IntrospectionCounter(schema, (name) => fragments.get(name), Number.MAX_SAFE_INTEGER).countRootField(root);
    standardCosts.set(schema, cost);
  }
  return cost;
}
