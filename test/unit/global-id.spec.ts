import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { fromGlobalId, parseGlobalId, toGlobalId } from '../../src/common/graphql/global-id.js';

const UUID = '3f1c2a9e-5b7d-4c1e-9a2b-7e6f5d4c3b2a';

describe('global ids', () => {
  it('round-trip type and id and are opaque', () => {
    const id = toGlobalId('Expert', UUID);
    expect(id).not.toContain(UUID);
    expect(parseGlobalId(id)).toEqual({ type: 'Expert', id: UUID });
    expect(fromGlobalId(id, 'Expert')).toBe(UUID);
  });

  it('name the field when an id has the wrong type', () => {
    const id = toGlobalId('Technology', UUID);
    expect(() => fromGlobalId(id, 'Organisation', 'organisationId')).toThrow(
      'organisationId: must be an id of type Organisation, not Technology',
    );
  });

  it.each([
    '',
    'abc',
    toGlobalId('Expert', 'not-a-uuid'),
    Buffer.from(`Robot:${UUID}`).toString('base64url'),
  ])('refuse %j as BAD_USER_INPUT', (id) => {
    try {
      parseGlobalId(id, 'ids[3]');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).message).toBe('ids[3]: is not a valid Kenner id');
    }
  });
});
