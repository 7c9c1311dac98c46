import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ANONYMOUS, type Caller } from '../../src/auth/caller.js';
import type { ConversationGuests } from '../../src/auth/conversation-guests.js';
import type { PersonSessions } from '../../src/auth/person-sessions.js';
import type { ConversationEvents } from '../../src/conversations/conversation-events.js';
import { LiveService } from '../../src/conversations/live.service.js';

const PERSON: Caller = { ...ANONYMOUS, personId: 'p1', sessionId: 's1' };

/** A bus whose listening connection comes up when the test says so. */
function bus(ready: () => Promise<void>) {
  const stopped = jest.fn();
  const listen = jest.fn(() => stopped);
  const events = {
    listen,
    ready,
    publish: () => Promise.resolve(),
    listeners: 0,
  } as unknown as ConversationEvents;
  const service = new LiveService(
    {} as DataSource,
    events,
    {} as PersonSessions,
    {} as ConversationGuests,
  );
  return { service, listen, stopped };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('live subscriptions', () => {
  it('are handed out once the bus delivers events from every process, listening from the start', async () => {
    let connected!: () => void;
    const { service, listen } = bus(() => new Promise((resolve) => (connected = resolve)));
    let handedOut = false;
    const subscribed = service.unreadCountChanged(PERSON).then((feed) => {
      handedOut = true;
      return feed;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handedOut).toBe(false);
    expect(listen).toHaveBeenCalledTimes(1); // events queue up meanwhile
    connected();
    await expect(subscribed).resolves.toBeDefined();
  });

  it('are not held longer than 2 s by a bus that cannot connect', async () => {
    jest.useFakeTimers();
    const { service } = bus(() => new Promise<void>(() => undefined));
    const subscribed = service.unreadCountChanged(PERSON);
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(subscribed).resolves.toBeDefined();
  });

  it('stop listening when the bus fails while they wait', async () => {
    const { service, stopped } = bus(() => Promise.reject(new Error('bus down')));
    await expect(service.unreadCountChanged(PERSON)).rejects.toThrow('bus down');
    expect(stopped).toHaveBeenCalledTimes(1);
  });
});
