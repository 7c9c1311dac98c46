import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
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
]);

const logger = new Logger('GraphQLError');

/**
 * The single mapping from thrown errors to what a client sees. Domain errors keep their code,
 * message and field; errors raised by GraphQL itself pass through; anything else (SQL, driver,
 * programming errors) is logged and answered with a bare INTERNAL_SERVER_ERROR so no internals leak.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  exposeStacktrace: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.field) extensions.field = original.field;
    return { ...base, message: original.message, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace, ...rest } = formatted.extensions ?? {};
    return {
      ...base,
      message: formatted.message,
      extensions: exposeStacktrace ? { ...rest, stacktrace } : rest,
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
