// Depth, alias and cost limits, as validation rules, so an abusive document is refused with a
// 400 before any resolver runs. Fragments are expanded (with a guard against cycles, which
// graphql-js reports separately) so a limit cannot be bypassed by indirection, and the walk
// stops once past the field limit, so fragments spread twice at every level cannot make the
// measuring itself slow. Introspection (`__schema`, `__type`) is counted exactly by
// introspection-cost.ts against its own budget: 30 aliased `__schema` once answered 2.7 MB.
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { IntrospectionCounter, standardIntrospectionCost } from './introspection-cost.ts';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxFields: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxFields: 1_500, maxCost: 25_000 };

/** `__schema` and `__type` fields in one operation: tools send one; a few more have no use. */
export const MAX_INTROSPECTIONS = 2;
/** Introspection values allowed per operation, as a multiple of the full standard query's. */
const INTROSPECTION_BUDGET_FACTOR = 1.5;

/** Assumed size of a list whose length the query does not set with `first`. */
const LIST_SIZE = 10;
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
  /** `__schema` and `__type` fields. */
  introspections: number;
  /** Values the introspection fields answer with (Infinity once past the budget). */
  introspectionCost: number;
}

/** State shared by one operation's walk. */
interface Walk {
  context: ValidationContext;
  /** Fields visited with fragments expanded: the walk gives up past the field limit. */
  visited: number;
  maxVisited: number;
  introspection: IntrospectionCounter;
}

class WalkTooLong extends Error {}

export function queryLimitsRule(limits: QueryLimits = DEFAULT_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root =
        operation.operation === 'query'
          ? schema.getQueryType()
          : operation.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) return;
      const name = operation.name ? `Operation ${operation.name.value}` : 'The query';
      const standard = standardIntrospectionCost(schema);
      const introspectionBudget = Math.ceil(standard * INTROSPECTION_BUDGET_FACTOR);
      const walk: Walk = {
        context,
        visited: 0,
        maxVisited: limits.maxFields,
        introspection: new IntrospectionCounter(schema, (f) => context.getFragment(f) ?? undefined, introspectionBudget),
      };
      let m: Measure;
      try {
        m = measure(walk, operation.selectionSet, root, 1, new Set());
      } catch (error) {
        if (!(error instanceof WalkTooLong)) throw error;
        report(
          context,
          'QUERY_TOO_COSTLY',
          `${name} selects more than ${limits.maxFields} fields once its fragments are expanded. Spread each fragment once and select only the fields you use.`,
        );
        return;
      }
      if (m.depth > limits.maxDepth)
        report(
          context,
          'QUERY_TOO_DEEP',
          `${name} nests ${m.depth} levels; at most ${limits.maxDepth} are allowed. Ask for fewer nested relations.`,
        );
      if (m.aliases > limits.maxAliases)
        report(
          context,
          'TOO_MANY_ALIASES',
          `${name} uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed. Use list fields and filters instead of one alias per record.`,
        );
      if (m.introspections > MAX_INTROSPECTIONS)
        report(
          context,
          'INTROSPECTION_TOO_COSTLY',
          `${name} asks for introspection (\`__schema\` or \`__type\`) ${m.introspections} times; at most ${MAX_INTROSPECTIONS} are allowed in one operation. Send the standard introspection query (graphql-js getIntrospectionQuery()) once.`,
        );
      else if (m.introspectionCost > introspectionBudget)
        report(
          context,
          'INTROSPECTION_TOO_COSTLY',
          `${name} asks for more introspection than this node answers at once (at most ${introspectionBudget} values; the full standard introspection query needs ${standard}). Ask for the schema once with the standard introspection query, or select less under \`__schema\`/\`__type\`.`,
        );
      if (m.fields > limits.maxFields)
        report(context, 'QUERY_TOO_COSTLY', `${name} selects ${m.fields} fields; at most ${limits.maxFields} are allowed.`);
      else if (m.cost > limits.maxCost)
        report(
          context,
          'QUERY_TOO_COSTLY',
          `${name} could return about ${Math.round(m.cost)} values; at most ${limits.maxCost} are allowed. Lower \`first\` or ask for fewer nested lists.`,
        );
    },
  });
}

function report(context: ValidationContext, code: string, message: string): void {
  context.reportError(new GraphQLError(message, { extensions: { code } }));
}

function measure(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  depth: number,
  fragmentsInPath: Set<string>,
): Measure {
  const total: Measure = { depth, aliases: 0, fields: 0, cost: 0, introspections: 0, introspectionCost: 0 };
  const add = (m: Measure) => {
    total.depth = Math.max(total.depth, m.depth);
    total.aliases += m.aliases;
    total.fields += m.fields;
    total.cost += m.cost;
    total.introspections += m.introspections;
    total.introspectionCost += m.introspectionCost;
  };
  const schema = walk.context.getSchema();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Every spread ends in fields (a selection set is never empty), so counting fields alone bounds the walk.
      if (++walk.visited > walk.maxVisited) throw new WalkTooLong();
      add(measureField(walk, selection, parent, depth, fragmentsInPath));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? schema.getType(typeName) : parent;
      if (type && isCompositeType(type)) add(measure(walk, selection.selectionSet, type, depth, fragmentsInPath));
    } else {
      const name = selection.name.value;
      const fragment = walk.context.getFragment(name);
      if (!fragment || fragmentsInPath.has(name)) continue;
      const type = schema.getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) add(measure(walk, fragment.selectionSet, type, depth, new Set([...fragmentsInPath, name])));
    }
  }
  return total;
}

function measureField(walk: Walk, field: FieldNode, parent: GraphQLCompositeType, depth: number, fragmentsInPath: Set<string>): Measure {
  const own: Measure = { depth, aliases: field.alias ? 1 : 0, fields: 1, cost: 1, introspections: 0, introspectionCost: 0 };
  if (!field.selectionSet) return own;
  if (field.name.value === '__schema' || field.name.value === '__type') return measureIntrospection(walk, field, own, fragmentsInPath);
  const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  const type = definition ? getNamedType(definition.type) : undefined;
  if (!definition || !type || !isCompositeType(type)) return own;
  const children = measure(walk, field.selectionSet, type, depth + 1, fragmentsInPath);
  const times = multiplier(field, definition.type);
  // In a connection only the edges repeat `first` times; totalCount, pageInfo and facets once.
  const edges = isConnection(field, type)
    ? measure(
        walk,
        {
          ...field.selectionSet,
          selections: field.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value === 'edges'),
        },
        type,
        depth + 1,
        fragmentsInPath,
      )
    : null;
  return {
    depth: children.depth,
    aliases: own.aliases + children.aliases,
    fields: own.fields + children.fields,
    cost: own.cost + (edges ? children.cost + (times - 1) * edges.cost : times * children.cost),
    introspections: children.introspections,
    introspectionCost: children.introspectionCost,
  };
}

/**
 * `__schema` and `__type`: aliases and fields count like any others, the answer's size is
 * counted exactly, and depth is not limited here (the standard query's type references nest
 * deeper than data may; the exact count bounds them instead).
 */
function measureIntrospection(walk: Walk, field: FieldNode, own: Measure, fragmentsInPath: Set<string>): Measure {
  const type = walk.context.getSchema().getType(field.name.value === '__schema' ? '__Schema' : '__Type');
  const children =
    type && isCompositeType(type) && field.selectionSet ? measure(walk, field.selectionSet, type, own.depth + 1, fragmentsInPath) : null;
  return {
    depth: own.depth,
    aliases: own.aliases + (children?.aliases ?? 0),
    fields: own.fields + (children?.fields ?? 0),
    cost: own.cost,
    introspections: 1,
    introspectionCost: walk.introspection.countRootField(field),
  };
}

/** How many times a field's selection may be repeated: `first` for connections, a list estimate otherwise. */
function multiplier(field: FieldNode, type: GraphQLOutputType): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  // A connection's edges are already counted by the connection's `first`.
  if (field.name.value === 'edges') return 1;
  if (first) return first.value.kind === Kind.INT ? Math.min(Math.max(Number(first.value.value), 0), MAX_PAGE) : MAX_PAGE;
  if (field.name.value === 'initiatives' || field.name.value === 'goodPractices') return isListOf(type) ? LIST_SIZE : DEFAULT_PAGE;
  return isListOf(type) ? LIST_SIZE : 1;
}

function isConnection(field: FieldNode, type: GraphQLCompositeType): boolean {
  return Boolean(field.arguments?.some((a) => a.name.value === 'first')) && isObjectType(type) && 'edges' in type.getFields();
}

function isListOf(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
