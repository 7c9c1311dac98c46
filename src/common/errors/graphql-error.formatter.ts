import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error.js';

/** Codes produced by GraphQL itself (parsing, validation, variable coercion): safe to show. */
const GRAPHQL_CLIENT_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
];

/**
 * graphql-js suggests close names ("Did you mean "email"?") from the schema: in production that
 * hands out the schema piece by piece even with introspection off.
 */
const SUGGESTION = / ?Did you mean .+\?$/;

/** Apollo's own wording names Apollo and its options; a client needs to know where the SDL is. */
const INTROSPECTION_DISABLED =
  'GraphQL introspection is disabled; the schema is published at GET /graphql/schema.graphql.';

const logger = new Logger('GraphQLError');

/**
 * Apollo files every validation rule's error under GRAPHQL_VALIDATION_FAILED; the edge's limit
 * rules (depth, aliases) carry a more precise code on the error they reported.
 */
function codeOf(
  formatted: GraphQLFormattedError,
  error: unknown,
  ownCodes: ReadonlySet<string>,
): unknown {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const own = original instanceof GraphQLError ? original.extensions.code : undefined;
  return typeof own === 'string' && ownCodes.has(own) ? own : formatted.extensions?.code;
}

export type GraphQLErrorFormatter = (
  formatted: GraphQLFormattedError,
  error: unknown,
) => GraphQLFormattedError;

/**
 * The single mapping from thrown errors to what a client sees. Domain errors keep their code,
 * message and field; errors raised by GraphQL itself, or carrying one of `clientCodes` (the
 * edge's refusals, handed in by the GraphQL module so this layer knows no feature), pass through;
 * anything else (SQL, driver, search engine, programming errors) is logged and answered with a
 * bare INTERNAL_SERVER_ERROR so no internals leak. Outside development, no stack traces and no
 * schema suggestions.
 */
export function graphQLErrorFormatter(
  clientCodes: ReadonlySet<string>,
  development: boolean,
): GraphQLErrorFormatter {
  const shown = new Set([...GRAPHQL_CLIENT_CODES, ...clientCodes]);
  return (formatted, error) =>
    formatGraphQLError(formatted, error, clientCodes, shown, development);
}

function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  ownCodes: ReadonlySet<string>,
  shown: ReadonlySet<string>,
  development: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { ...original.details, code: original.code };
    if (original.field) extensions.field = original.field;
    return { ...base, message: original.message, extensions };
  }
  const code = codeOf(formatted, error, ownCodes);
  if (typeof code === 'string' && shown.has(code)) {
    const { stacktrace, ...rest } = formatted.extensions ?? {};
    const message =
      rest.validationErrorCode === 'INTROSPECTION_DISABLED'
        ? INTROSPECTION_DISABLED
        : development
          ? formatted.message
          : formatted.message.replace(SUGGESTION, '');
    return {
      ...base,
      message,
      extensions: development ? { ...rest, code, stacktrace } : { ...rest, code },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
