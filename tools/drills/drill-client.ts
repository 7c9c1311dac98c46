import type { Outcome } from './write-ledger.js';

const WRITE_TIMEOUT_MS = 60_000;

export type MutationAnswer =
  | { outcome: 'acknowledged'; data: Record<string, unknown> }
  | { outcome: Exclude<Outcome, 'acknowledged'>; error: string };

/**
 * Sends one GraphQL mutation and says how it ended, from the client's side only. An answer with
 * errors is a refusal (the transaction rolled back); a connection refused means nothing was sent.
 * Anything else that ends without an answer — a reset because the process died, a timeout —
 * leaves the write in doubt.
 */
export async function mutate(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<MutationAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(WRITE_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'ECONNREFUSED') return { outcome: 'refused', error: 'connection refused' };
    return { outcome: 'in-doubt', error: describe(error) };
  }
  let body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { outcome: 'refused', error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  }
  if (body.errors?.length || !body.data) {
    return {
      outcome: 'refused',
      error: body.errors?.map((e) => e.message).join('; ') ?? 'no data',
    };
  }
  return { outcome: 'acknowledged', data: body.data };
}

/** A read the drill needs to go on (reference data): throws on any error. */
export async function query<T>(
  url: string,
  key: string,
  text: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await mutate(url, key, text, variables);
  if (answer.outcome !== 'acknowledged') throw new Error(`${text.slice(0, 60)}…: ${answer.error}`);
  return answer.data as T;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message} (${cause.code ?? cause.message ?? 'no cause'})` : message;
}
