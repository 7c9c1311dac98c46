import type { ConversationEvent, ConversationEvents } from './conversation-events.js';

/** Returned by a feed's loader to end the subscription (access lost, session ended). */
export const END = Symbol('end');

/**
 * The async iterator a subscription returns: events from the bus are queued, and each is turned
 * into what the subscriber receives by `load`, which checks access again every time: null skips
 * the event, END completes the subscription. Written by hand, not as an async generator, so that
 * `return()` (the client unsubscribed, the socket closed) stops listening at once even while no
 * event comes; a generator would wait for its next event first.
 */
export class LiveFeed<T> implements AsyncIterableIterator<T> {
  private readonly queue: ConversationEvent[] = [];
  private wake: ((event: ConversationEvent | undefined) => void) | null = null;
  private done = false;
  private readonly stop: () => void;

  constructor(
    events: ConversationEvents,
    accepts: (event: ConversationEvent) => boolean,
    private readonly load: (event: ConversationEvent) => Promise<T | null | typeof END>,
  ) {
    this.stop = events.listen((event) => {
      if (this.done || !accepts(event)) return;
      if (this.wake) {
        const wake = this.wake;
        this.wake = null;
        wake(event);
      } else {
        this.queue.push(event);
      }
    });
  }

  async next(): Promise<IteratorResult<T>> {
    while (!this.done) {
      const event = this.queue.shift() ?? (await this.nextEvent());
      if (event === undefined || this.done) break;
      const value = await this.load(event);
      if (value === END) {
        this.close();
        break;
      }
      if (value !== null) return { value, done: false };
    }
    return { value: undefined, done: true };
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private nextEvent(): Promise<ConversationEvent | undefined> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.stop();
    this.queue.length = 0;
    const wake = this.wake;
    this.wake = null;
    wake?.(undefined);
  }
}
