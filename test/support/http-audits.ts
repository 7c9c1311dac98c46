import { auditServer } from 'graphql-http';

/**
 * Runs graphql-http's audits of the GraphQL-over-HTTP spec against a live endpoint and returns
 * the ones a MUST requirement failed (status `error`), with graphql-http's reason. SHOULD and MAY
 * audits that fail come back as `warn` / `notice` and are not requirements.
 */
export async function failedMustAudits(url: string) {
  const results = await auditServer({ url });
  if (results.length < 40) throw new Error(`only ${results.length} audits ran`);
  return results
    .filter((r) => r.status === 'error')
    .map((r) => ({ id: r.id, name: r.name, reason: 'reason' in r ? r.reason : '' }));
}
