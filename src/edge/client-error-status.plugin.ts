import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, HTTP_STATUS } from '../common/errors/domain-error.js';

/** The refusals of a client that asked wrongly (not found and conflict are answers, kept 200). */
const STATUS: Partial<Record<string, number>> = Object.fromEntries(
  [
    ErrorCode.BAD_USER_INPUT,
    ErrorCode.UNAUTHENTICATED,
    ErrorCode.FORBIDDEN,
    ErrorCode.RATE_LIMITED,
    // Not the client's fault, but an answer of the same kind: nothing ran, retry after a while.
    ErrorCode.RATE_LIMIT_UNAVAILABLE,
  ].map((code) => [code, HTTP_STATUS[code]]),
);

/**
 * An operation that produced nothing (`data: null`) only because the client asked wrongly — bad
 * input, no key, not allowed, too often — answers with that 4xx rather than 200, so proxies, logs
 * and clients see a refusal as one. Partial results keep 200: part of the answer is good.
 * (Nest's own status reset is turned off in edge-apollo.options.ts for this.) An error that says
 * when to retry (`retryAfterSeconds`, as the edge's own 429 does) also sets Retry-After.
 */
export function clientErrorStatusPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single') return Promise.resolve();
          const errors = body.singleResult.errors ?? [];
          const retryAfter = Math.max(
            0,
            ...errors.map((e) => Number(e.extensions?.retryAfterSeconds) || 0),
          );
          if (retryAfter > 0) response.http.headers.set('Retry-After', String(retryAfter));
          if (body.singleResult.data !== null) return Promise.resolve();
          const statuses = errors.map((e) => STATUS[String(e.extensions?.code)]);
          if (statuses.length === 0 || statuses.some((s) => s === undefined)) {
            return Promise.resolve();
          }
          const unique = [...new Set(statuses)];
          response.http.status = unique.length === 1 ? unique[0] : 400;
          return Promise.resolve();
        },
      });
    },
  };
}
