/** A GraphQL POST with an optional API key; throws on transport or GraphQL errors. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: object = {},
  key?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** p50/p95/max and count of a list of milliseconds, rounded. */
export function percentiles(values: number[]): {
  n: number;
  p50: number;
  p95: number;
  max: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { n: values.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}
