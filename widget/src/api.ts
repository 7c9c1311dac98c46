/** Why a request failed, as the widget tells the visitor: the GraphQL code and the field. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Where the bearer comes from: a fixed token, or a provider the page refreshes it with. */
export interface Credentials {
  /** The current token, if any (none: anonymous). */
  current(): string | undefined;
  /** A fresh token after the current one was refused; undefined when nothing can refresh it. */
  refresh(): Promise<string | undefined>;
}

interface GraphQLErrorEntry {
  message: string;
  extensions?: { code?: string; field?: string };
}

/**
 * Kenner's GraphQL endpoint, over fetch. JSON bodies make every cross-origin call preflighted,
 * which Kenner's CORS answers; no cookies are sent (`credentials: 'omit'`).
 */
export class KennerApi {
  constructor(
    readonly endpoint: string,
    private readonly credentials: Credentials,
  ) {}

  async request<T>(
    query: string,
    variables: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<T> {
    const first = await this.send<T>(query, variables, this.credentials.current(), signal);
    if (!(first instanceof ApiError) || first.code !== 'UNAUTHENTICATED') return unwrap(first);
    // An expired or revoked token: the page may hand a fresh one, once.
    const fresh = await this.credentials.refresh();
    if (fresh === undefined) throw first;
    return unwrap(await this.send<T>(query, variables, fresh, signal));
  }

  private async send<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
    signal?: AbortSignal,
  ): Promise<T | ApiError> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        credentials: 'omit',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      return new ApiError('network error', 'UNAVAILABLE');
    }
    if (response.status === 429) return new ApiError('rate limited', 'RATE_LIMITED');
    let body: { data?: T; errors?: GraphQLErrorEntry[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      return new ApiError(`HTTP ${response.status}`, 'UNAVAILABLE');
    }
    const error = body.errors?.[0];
    if (error) {
      return new ApiError(
        error.message,
        error.extensions?.code ?? 'UNAVAILABLE',
        error.extensions?.field,
      );
    }
    if (!body.data) return new ApiError(`HTTP ${response.status}`, 'UNAVAILABLE');
    return body.data;
  }
}

function unwrap<T>(result: T | ApiError): T {
  if (result instanceof ApiError) throw result;
  return result;
}
