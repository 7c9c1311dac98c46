import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { EDGE_ERROR_CODES } from '../../edge/edge-errors.js';
import { DomainError } from './domain-error.js';

/** Codes produced by GraphQL itself (parsing, validation, variable coercion): safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...EDGE_ERROR_CODES,
]);

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
function codeOf(formatted: GraphQLFormattedError, error: unknown): unknown {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const own = original instanceof GraphQLError ? original.extensions.code : undefined;
  return typeof own === 'string' && EDGE_ERROR_CODES.has(own) ? own : formatted.extensions?.code;
}

/**
 * The single mapping from thrown errors to what a client sees. Domain errors keep their code,
 * message and field; errors raised by GraphQL itself or by the edge's limits pass through;
 * anything else (SQL, driver, search engine, programming errors) is logged and answered with a
 * bare INTERNAL_SERVER_ERROR so no internals leak. Outside development, no stack traces and no
 * schema suggestions.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  development: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.field) extensions.field = original.field;
    return { ...base, message: original.message, extensions };
  }
  const code = codeOf(formatted, error);
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
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
