/**
 * The codes a client can rely on in `errors[].extensions.code`. Services throw
 * `DomainError`s; `graphQLErrorFormatter` is the one place that turns them into
 * GraphQL errors, so the API's error vocabulary lives here and nowhere else.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** Answered 429 with Retry-After; `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
  /**
   * Answered 503: a limit's shared store cannot be reached and RATE_LIMIT_STORE_FAILURE=closed,
   * so nothing is done uncounted; retry after `extensions.retryAfterSeconds`.
   */
  RATE_LIMIT_UNAVAILABLE = 'RATE_LIMIT_UNAVAILABLE',
}

/** The HTTP status of each code, where an answer carries one (plain routes, refused operations). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.RATE_LIMIT_UNAVAILABLE]: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the error is about, as the client spelled it (`skills[0].level`). */
    readonly field?: string,
    /** More for the client in `extensions`, beside `code` and `field`. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, problem: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, problem, field);

export const notFound = (type: string, id: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `no ${type} with id ${id}`);

export const conflict = (field: string, problem: string): DomainError =>
  new DomainError(ErrorCode.CONFLICT, problem, field);

/** Too many of something within a window; nothing was done. */
export const rateLimited = (
  problem: string,
  retryAfterSeconds: number,
  field?: string,
): DomainError => new DomainError(ErrorCode.RATE_LIMITED, problem, field, { retryAfterSeconds });
