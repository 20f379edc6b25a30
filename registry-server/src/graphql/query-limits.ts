// Depth, alias and cost limits, as validation rules, so an abusive document is refused with a
// 400 before any resolver runs. Fragments are expanded (with a guard against cycles, which
// graphql-js reports separately) so a limit cannot be bypassed by indirection.
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

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxFields: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxFields: 1_500, maxCost: 25_000 };

/** Assumed size of a list whose length the query does not set with `first`. */
const LIST_SIZE = 10;
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
}

export function queryLimitsRule(limits: QueryLimits = DEFAULT_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) return;
      const m = measure(context, operation.selectionSet, root, 1, new Set());
      const name = operation.name ? `Operation ${operation.name.value}` : 'The query';
      if (m.depth > limits.maxDepth) report(context, 'QUERY_TOO_DEEP', `${name} nests ${m.depth} levels; at most ${limits.maxDepth} are allowed. Ask for fewer nested relations.`);
      if (m.aliases > limits.maxAliases) report(context, 'TOO_MANY_ALIASES', `${name} uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed. Use list fields and filters instead of one alias per record.`);
      if (m.fields > limits.maxFields) report(context, 'QUERY_TOO_COSTLY', `${name} selects ${m.fields} fields; at most ${limits.maxFields} are allowed.`);
      else if (m.cost > limits.maxCost) report(context, 'QUERY_TOO_COSTLY', `${name} could return about ${Math.round(m.cost)} values; at most ${limits.maxCost} are allowed. Lower \`first\` or ask for fewer nested lists.`);
    },
  });
}

function report(context: ValidationContext, code: string, message: string): void {
  context.reportError(new GraphQLError(message, { extensions: { code } }));
}

function measure(context: ValidationContext, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, fragmentsInPath: Set<string>): Measure {
  const total: Measure = { depth, aliases: 0, fields: 0, cost: 0 };
  const add = (m: Measure) => {
    total.depth = Math.max(total.depth, m.depth);
    total.aliases += m.aliases;
    total.fields += m.fields;
    total.cost += m.cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      add(measureField(context, selection, parent, depth, fragmentsInPath));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? context.getSchema().getType(typeName) : parent;
      if (type && isCompositeType(type)) add(measure(context, selection.selectionSet, type, depth, fragmentsInPath));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragmentsInPath.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) add(measure(context, fragment.selectionSet, type, depth, new Set([...fragmentsInPath, name])));
    }
  }
  return total;
}

function measureField(context: ValidationContext, field: FieldNode, parent: GraphQLCompositeType, depth: number, fragmentsInPath: Set<string>): Measure {
  const own: Measure = { depth, aliases: field.alias ? 1 : 0, fields: 1, cost: 1 };
  if (!field.selectionSet) return own;
  const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  const type = definition ? getNamedType(definition.type) : undefined;
  if (!definition || !type || !isCompositeType(type)) return own;
  const children = measure(context, field.selectionSet, type, depth + 1, fragmentsInPath);
  const times = multiplier(field, definition.type);
  // In a connection only the edges repeat `first` times; totalCount, pageInfo and facets once.
  const edges = isConnection(field, type) ? measure(context, { ...field.selectionSet, selections: field.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value === 'edges') }, type, depth + 1, fragmentsInPath) : null;
  return {
    depth: children.depth,
    aliases: own.aliases + children.aliases,
    fields: own.fields + children.fields,
    cost: own.cost + (edges ? children.cost + (times - 1) * edges.cost : times * children.cost),
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
