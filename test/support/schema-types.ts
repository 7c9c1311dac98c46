/** A type reference as introspection answers it (`[ID!]!` is NON_NULL → LIST → NON_NULL → ID). */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

/** The selection that reads a TypeRef deep enough for every type of the schema. */
export const TYPE_REF =
  'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

/** The named type under the wrappers. */
export const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);

/** The reference as written in a variable declaration: `[ID!]!`. */
export const typeName = (ref: TypeRef): string =>
  ref.kind === 'NON_NULL'
    ? `${typeName(ref.ofType as TypeRef)}!`
    : ref.kind === 'LIST'
      ? `[${typeName(ref.ofType as TypeRef)}]`
      : (ref.name ?? '');
