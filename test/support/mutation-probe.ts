import { TYPE_REF, type TypeRef, typeName } from './schema-types.js';
import type { TestApp } from './test-app.js';

interface InputType {
  name: string;
  kind: string;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

/**
 * Every mutation of the live schema with type-correct placeholder arguments, so a test can call
 * each one — today's and any added later — and check who may run it.
 */
export async function everyMutation(
  t: TestApp,
): Promise<{ name: string; query: string; variables: Record<string, unknown> }[]> {
  const res = await t.gql(`{
    __schema {
      mutationType { fields { name args { name type { ${TYPE_REF} } } } }
      types { name kind inputFields { name type { ${TYPE_REF} } } enumValues { name } }
    }
  }`);
  const schema = res.data?.__schema;
  const types = new Map<string, InputType>(schema.types.map((x: InputType) => [x.name, x]));
  const value = (ref: TypeRef): unknown => {
    if (ref.kind === 'NON_NULL') return value(ref.ofType as TypeRef);
    if (ref.kind === 'LIST') return [];
    const type = types.get(ref.name ?? '');
    if (ref.kind === 'ENUM') return type?.enumValues?.[0]?.name;
    if (ref.kind === 'INPUT_OBJECT') {
      return Object.fromEntries(
        (type?.inputFields ?? [])
          .filter((f) => f.type.kind === 'NON_NULL')
          .map((f) => [f.name, value(f.type)]),
      );
    }
    const scalars: Record<string, unknown> = {
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: '2020-01-01T00:00:00Z',
      ID: 'RXhwZXJ0OjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA',
    };
    return scalars[ref.name ?? ''] ?? 'x';
  };
  return schema.mutationType.fields.map(
    (field: { name: string; args: { name: string; type: TypeRef }[] }) => {
      const declared = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      return {
        name: field.name,
        query: `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename } }`,
        variables: Object.fromEntries(field.args.map((a) => [a.name, value(a.type)])),
      };
    },
  );
}

/** Rows per table, to show that a refused write left the database as it was. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'clusters',
    'organisations',
    'organisation_clusters',
    'technologies',
    'instruments',
    'experts',
    'expert_skills',
    'expert_materials',
    'expert_sectors',
    'materials',
    'sectors',
    'api_keys',
    'people',
    'sessions',
    'sign_in_tokens',
    'sign_in_domains',
    'conversations',
    'conversation_participants',
    'messages',
    'message_revisions',
    'forum_questions',
    'forum_question_clusters',
    'forum_question_techniques',
    'forum_answers',
    'forum_comments',
    'forum_follows',
    'forum_reports',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.db.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
