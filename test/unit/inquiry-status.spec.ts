import { describe, expect, it } from '@jest/globals';
import { assertTransition, InquiryStatus, NEXT } from '../../src/inquiries/inquiry-status.js';
import { retryDelay } from '../../src/notifications/notification-relay.service.js';

const { NEW, TRIAGED, MATCHED, INTRODUCED, CLOSED, REJECTED } = InquiryStatus;

describe('inquiry workflow', () => {
  it('allows exactly the documented moves', () => {
    const allowed = Object.values(InquiryStatus).flatMap((from) =>
      Object.values(InquiryStatus)
        .filter((to) => {
          try {
            assertTransition(from, to);
            return true;
          } catch {
            return false;
          }
        })
        .map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        `${NEW}→${TRIAGED}`,
        `${NEW}→${REJECTED}`,
        `${TRIAGED}→${MATCHED}`,
        `${TRIAGED}→${REJECTED}`,
        `${MATCHED}→${INTRODUCED}`,
        `${MATCHED}→${REJECTED}`,
        `${INTRODUCED}→${CLOSED}`,
      ].sort(),
    );
    expect(NEXT[CLOSED]).toEqual([]);
  });

  it('names both ends and the allowed moves when refusing', () => {
    expect(() => assertTransition(NEW, INTRODUCED)).toThrow(
      'to: cannot go from NEW to INTRODUCED; allowed: TRIAGED, REJECTED',
    );
    expect(() => assertTransition(CLOSED, NEW)).toThrow('CLOSED is final');
  });
});

describe('notification retries', () => {
  it('wait twice as long after each failure, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(50)).toBe(3_600_000);
  });
});
