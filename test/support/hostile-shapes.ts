import { named, TYPE_REF, type TypeRef, typeName } from './schema-types.js';
import type { TestApp } from './test-app.js';

interface InputValue {
  name: string;
  type: TypeRef;
}
interface FieldDef {
  name: string;
  args: InputValue[];
  type: TypeRef;
}
interface SchemaType {
  name: string;
  kind: string;
  fields: FieldDef[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
  interfaces: { name: string }[] | null;
}

/** One request of the corpus: a GraphQL operation and its variables. */
export interface GraphQLShape {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  mutation: boolean;
}

/** Real objects the shapes point at, by type name (`Inquiry`: a reference). */
export type RealIds = Record<string, string>;

/** Text that is not valid Unicode or that no store should keep. */
export const POISONS: Record<string, string> = {
  'a lone high surrogate': 'Cleanish \ud83d',
  'a lone low surrogate': '\udc00 tail',
  'a NUL byte': 'nul\u0000byte',
};

/** Ids a client may get wrong: empty, junk, near-misses of a real id, a raw storage key. */
export function malformedIds(real: string): Record<string, string> {
  const uuid = Buffer.from(real, 'base64url').toString('utf8').split(':')[1] ?? '';
  return {
    empty: '',
    junk: 'hello',
    'a trailing =': `${real}=`,
    'trailing !!': `${real}!!`,
    'standard base64': Buffer.from(real, 'base64url').toString('base64'),
    'a raw uuid': uuid,
    'an unknown type': Buffer.from(`Person:${uuid}`).toString('base64url'),
    'a NUL byte': `${real}\u0000`,
    '2,000 characters': 'A'.repeat(2000),
  };
}

/** Cursors a client may get wrong. */
export const MALFORMED_CURSORS: Record<string, string> = {
  empty: '',
  junk: '!!!',
  'JSON of the wrong shape': Buffer.from('["only one"]').toString('base64url'),
  'JSON numbers': Buffer.from('[1,2]').toString('base64url'),
  'not JSON': Buffer.from('{{{').toString('base64url'),
  'a lone surrogate inside': Buffer.from('["\ud83d","x"]').toString('base64url'),
  'a key that is no uuid': Buffer.from('["Ann","not-a-uuid"]').toString('base64url'),
  'over 500 characters': 'x'.repeat(600),
};

/** Where a leaf sits in an operation: argument name, then input fields and list indexes. */
type Path = (string | number)[];

interface Leaf {
  path: Path;
  /** The scalar or enum type name. */
  type: string;
  kind: string;
  /** May be null or left out at its own level. */
  optional: boolean;
}

/** The type a field named like this holds an id of (`organisationId` → Organisation). */
const ID_TYPES: [RegExp, string][] = [
  [/^organisation/, 'Organisation'],
  [/^(technology|parent|category)/, 'Technology'],
  [/^cluster/, 'Cluster'],
  [/^material/, 'Material'],
  [/^sector/, 'Sector'],
  [/^expert/, 'Expert'],
  [/^instrument/, 'Instrument'],
  [/^inquiry/, 'Inquiry'],
  [/^conversation/, 'Conversation'],
  [/^question/, 'Question'],
  [/^answer/, 'Answer'],
  // `updateFaqEntry(id)` reads as faqEntry, `faqEntry(id)` as entry.
  [/^(faqEntry|entry)$/, 'FaqEntry'],
];

/** Types that are no Node, reached through their own query (`conversation(id:)`). */
const REACHED_BY: Record<string, string> = {
  Conversation: 'conversation',
  Question: 'question',
};

/**
 * Every query, mutation and nested field with arguments in the live schema, each with
 * type-correct arguments, and the hostile variants of each: a poison in every string leaf (ids,
 * strings, dates, lists of them, fields of input objects), null for every optional leaf and for
 * all at once, malformed ids and cursors. Generated from introspection, so an input added
 * tomorrow is in tomorrow's corpus.
 */
export async function graphQLShapes(t: TestApp, real: RealIds): Promise<GraphQLShape[]> {
  const res = await t.gql(
    `{ __schema { queryType { name } mutationType { name } subscriptionType { name } types {
        name kind interfaces { name } enumValues { name } inputFields { name type { ${TYPE_REF} } }
        fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } } } }`,
    undefined,
    t.keys.admin,
  );
  const schema = res.data?.__schema as {
    queryType: { name: string };
    mutationType: { name: string };
    subscriptionType: { name: string } | null;
    types: SchemaType[];
  };
  const types = new Map(schema.types.map((x) => [x.name, x]));
  let serial = 0;

  /** The id an argument or input field should carry, for a field of this name. */
  const realId = (field: string, leaf: string): string => {
    // Destructive mutations get an id that names nothing: the corpus must not empty the fixtures.
    if (/^(delete|erase|revoke)/.test(field)) return real.Nothing as string;
    const name = leaf === 'id' || leaf === 'ids' ? field.replace(/^[a-z]+(?=[A-Z])/, '') : leaf;
    const key = name.charAt(0).toLowerCase() + name.slice(1);
    const match = ID_TYPES.find(([pattern]) => pattern.test(key));
    if (leaf === 'id' && /inquiry/i.test(field)) return real.Inquiry as string;
    return (match && real[match[1]]) ?? (real.Expert as string);
  };

  const scalar = (type: string, leaf: string, field: string): unknown => {
    const n = ++serial;
    if (type === 'Int') return 1;
    if (type === 'Float') return 1;
    if (type === 'Boolean') return leaf === 'consentToContact';
    if (type === 'DateTime') return '2020-01-01T00:00:00Z';
    if (type === 'ID') return realId(field, leaf);
    const strings: Record<string, string> = {
      email: `probe${n}@example.lu`,
      country: 'LU',
      slug: `probe-${n}`,
      website: 'https://example.org',
      deadline: '2099-01-01',
      consentAt: '2020-01-01',
      lastVerifiedAt: '2020-01-01',
      description: 'A probe of the hostile corpus',
    };
    return strings[leaf] ?? `Probe ${n}`;
  };

  /** A value of `ref`: required parts only, plus whatever lies on `target`'s path. */
  const build = (
    ref: TypeRef,
    path: Path,
    field: string,
    target: { path: Path; value: unknown } | undefined,
  ): unknown => {
    const on = target && path.every((p, i) => target.path[i] === p);
    if (on && target.path.length === path.length) return target.value;
    if (ref.kind === 'NON_NULL') return build(ref.ofType as TypeRef, path, field, target);
    if (ref.kind === 'LIST') {
      return on ? [build(ref.ofType as TypeRef, [...path, 0], field, target)] : [];
    }
    const type = types.get(ref.name ?? '');
    if (ref.kind === 'ENUM') return type?.enumValues?.[0]?.name;
    if (ref.kind === 'INPUT_OBJECT') {
      const value: Record<string, unknown> = {};
      for (const input of type?.inputFields ?? []) {
        const inner = [...path, input.name];
        const onInner = target && inner.every((p, i) => target.path[i] === p);
        if (input.type.kind === 'NON_NULL' || onInner) {
          value[input.name] = build(input.type, inner, field, target);
        }
      }
      return value;
    }
    return scalar(ref.name ?? '', leafName(path), field);
  };

  /** Every scalar or enum leaf under an argument, lists entered once. */
  const leaves = (ref: TypeRef, path: Path, optional: boolean, depth = 0): Leaf[] => {
    if (ref.kind === 'NON_NULL') return leaves(ref.ofType as TypeRef, path, false, depth);
    const here: Leaf[] = [];
    if (ref.kind === 'LIST') {
      return [
        { path, type: '[]', kind: 'LIST', optional },
        ...leaves(ref.ofType as TypeRef, [...path, 0], true, depth),
      ].filter((l) => l.kind !== 'LIST' || l.optional);
    }
    const type = types.get(ref.name ?? '');
    if (ref.kind === 'INPUT_OBJECT' && depth < 4) {
      if (optional) here.push({ path, type: ref.name ?? '', kind: ref.kind, optional });
      for (const input of type?.inputFields ?? []) {
        here.push(...leaves(input.type, [...path, input.name], true, depth + 1));
      }
      return here;
    }
    return [{ path, type: ref.name ?? '', kind: ref.kind, optional }];
  };

  const shapes: GraphQLShape[] = [];
  const operation = (
    kind: 'query' | 'mutation',
    field: FieldDef,
    wrap: (call: string) => string,
    owner: { type: string; id: string } | undefined,
  ) => {
    const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(named(field.type).kind)
      ? ' { __typename }'
      : '';
    const declared = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`);
    const outer = owner ? [...declared, '$owner: ID!'] : declared;
    const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const call = `${field.name}${passed ? `(${passed})` : ''}${selection}`;
    const query = `${kind}${outer.length ? `(${outer.join(', ')})` : ''} { ${wrap(call)} }`;
    const add = (label: string, target?: { path: Path; value: unknown }, allNull = false) => {
      const variables: Record<string, unknown> = owner ? { owner: owner.id } : {};
      for (const arg of field.args) {
        const onPath = target?.path[0] === arg.name;
        if (allNull && arg.type.kind !== 'NON_NULL') variables[arg.name] = null;
        else if (arg.type.kind === 'NON_NULL' || onPath) {
          variables[arg.name] = build(arg.type, [arg.name], field.name, target);
        }
      }
      shapes.push({
        label: `${kind} ${owner ? `${owner.type}.` : ''}${field.name}: ${label}`,
        query,
        variables,
        mutation: kind === 'mutation',
      });
    };
    add('plain');
    if (field.args.some((a) => a.type.kind !== 'NON_NULL'))
      add('every optional argument null', undefined, true);
    for (const arg of field.args) {
      for (const leaf of leaves(arg.type, [arg.name], arg.type.kind !== 'NON_NULL')) {
        const where = leaf.path.join('.');
        if (leaf.optional) add(`${where} null`, { path: leaf.path, value: null });
        if (['String', 'ID', 'DateTime'].includes(leaf.type)) {
          for (const [poison, value] of Object.entries(POISONS)) {
            add(`${where} with ${poison}`, { path: leaf.path, value });
          }
        }
        if (leaf.type === 'ID') {
          const id = realId(field.name, leafName(leaf.path));
          for (const [name, value] of Object.entries(malformedIds(id))) {
            add(`${where} ${name}`, { path: leaf.path, value });
          }
        }
        const last = leaf.path.at(-1);
        if (leaf.type === 'String' && (last === 'after' || last === 'before')) {
          for (const [name, value] of Object.entries(MALFORMED_CURSORS)) {
            add(`${where} cursor ${name}`, { path: leaf.path, value });
          }
        }
      }
    }
  };

  for (const root of [schema.queryType.name, schema.mutationType.name]) {
    const kind = root === schema.mutationType.name ? 'mutation' : 'query';
    for (const field of types.get(root)?.fields ?? []) {
      if (!field.name.startsWith('__')) operation(kind, field, identity, undefined);
    }
  }
  // Arguments of nested fields (`Organisation.experts(after:)`), reached through node(id:).
  for (const type of schema.types) {
    // Subscriptions run over graphql-ws only: conversations.spec.ts sends them their hostile input.
    const roots = [schema.queryType.name, schema.mutationType.name, schema.subscriptionType?.name];
    if (type.kind !== 'OBJECT' || roots.includes(type.name)) continue;
    if (type.name.startsWith('__')) continue;
    for (const field of (type.fields ?? []).filter((f) => f.args.length)) {
      const owner = real[type.name];
      const query = REACHED_BY[type.name];
      if (!owner || (!query && !type.interfaces?.some((i) => i.name === 'Node'))) {
        throw new Error(`${type.name}.${field.name} has arguments the hostile corpus cannot reach`);
      }
      const wrap = (call: string) =>
        query
          ? `${query}(id: $owner) { ${call} }`
          : `node(id: $owner) { ... on ${type.name} { ${call} } }`;
      operation('query', field, wrap, { type: type.name, id: owner });
    }
  }
  return shapes;
}

const identity = (call: string): string => call;

/** The input field or argument a path ends in, list indexes skipped. */
const leafName = (path: Path): string => String(path.filter((p) => typeof p === 'string').at(-1));
