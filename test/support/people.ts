import { SessionsService } from '../../src/people/sessions.service.js';
import type { TestApp } from './test-app.js';

export interface Invitation {
  email: string;
  name: string;
  organisationId?: string;
  expertId?: string;
  staffRole?: 'STAFF' | 'ADMIN';
  preferredLanguage?: 'EN' | 'FR' | 'DE' | 'NL';
}

/**
 * A person invited by an admin and signed in, without the mail: a session made directly, for
 * tests about what people see rather than how they sign in (people.spec.ts covers that).
 */
export async function signedInPerson(
  t: TestApp,
  invitation: Invitation,
): Promise<{ id: string; token: string }> {
  const res = await t.gql(
    `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`,
    { input: invitation },
    t.keys.admin,
  );
  if (res.errors?.length) throw new Error(`invitePerson failed: ${JSON.stringify(res.errors)}`);
  const id = (res.data as { invitePerson: { id: string } }).invitePerson.id;
  const { token } = await t.app.get(SessionsService).create(t.db.manager, id, 'test');
  return { id, token };
}
