import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../common/errors/domain-error.js';

/**
 * The codes the edge answers with, in `errors[].extensions.code`. They are client errors: the
 * request was refused before anything ran, and sending it again unchanged will not help (except
 * RATE_LIMITED and SERVER_BUSY, after Retry-After).
 */
export enum EdgeErrorCode {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** More subscriptions on one WebSocket than WS_MAX_SUBSCRIPTIONS. */
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  BAD_REQUEST = 'BAD_REQUEST',
  /** The same code a service's own limit raises (`rateLimited`, e.g. inquiries per address). */
  RATE_LIMITED = ErrorCode.RATE_LIMITED,
  /** 503: the rate limits' shared store is down and RATE_LIMIT_STORE_FAILURE=closed. */
  RATE_LIMIT_UNAVAILABLE = ErrorCode.RATE_LIMIT_UNAVAILABLE,
  /** 503: more requests waiting than GRAPHQL_MAX_WAITING, or stopping; not the client's fault. */
  SERVER_BUSY = 'SERVER_BUSY',
}

export const EDGE_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(EdgeErrorCode));

/** A refusal raised inside Apollo (validation rule or plugin); `http.status` keeps it a 4xx. */
export function edgeGraphQLError(
  code: EdgeErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  status = 400,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status } } });
}

/**
 * A refusal answered by Express middleware, before Apollo sees the request: the same
 * `{ errors: [...] }` shape a GraphQL client already knows how to read.
 */
export function sendEdgeError(
  res: Response,
  status: number,
  code: EdgeErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
}
