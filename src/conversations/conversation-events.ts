import type { Logger } from '@nestjs/common';

/**
 * What happened, by ids only: subscribers load what the ids name with the subscriber's own
 * rights, so an event never carries text a reader may not see, and fits PostgreSQL's 8,000-byte
 * NOTIFY payload whatever the message.
 */
export type ConversationEvent =
  /** A message was posted. */
  | { kind: 'message'; conversationId: string; messageId: string }
  /** The person's unread count in the conversation may have changed (a message, a read, a mute). */
  | { kind: 'unread'; conversationId: string; personId: string }
  /** Who takes part changed: open subscriptions re-check their access. */
  | { kind: 'participants'; conversationId: string };

export type EventHandler = (event: ConversationEvent) => void;

/**
 * Carries events to every subscriber of every API process: through Redis pub/sub when REDIS_URL
 * is set, PostgreSQL LISTEN/NOTIFY otherwise, in process on SQLite (one process). Publish after
 * the write committed.
 */
export abstract class ConversationEvents {
  abstract publish(event: ConversationEvent): Promise<void>;
  /** Returns the function that stops listening. */
  abstract listen(handler: EventHandler): () => void;
  /** Open subscriptions of this process (health, tests). */
  abstract get listeners(): number;
  /** Resolves once events from other processes can arrive. */
  abstract ready(): Promise<void>;
}

/** The handlers of this process's subscriptions, on every bus: one that fails stops no other. */
export class EventHandlers {
  private readonly handlers = new Set<EventHandler>();

  constructor(private readonly logger: Logger) {}

  /** Returns the function that removes it. */
  add(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  get size(): number {
    return this.handlers.size;
  }

  deliver(event: ConversationEvent): void {
    for (const handler of [...this.handlers]) {
      try {
        handler(event);
      } catch (error) {
        this.logger.error(`a subscriber failed: ${String(error)}`);
      }
    }
  }
}

const UUID = /^[0-9a-f-]{36}$/;

/** Parses a payload from another process; anything malformed is dropped, never trusted. */
export function parseEvent(payload: string): ConversationEvent | null {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    const ids = ['conversationId', 'messageId', 'personId'].filter((key) => key in value);
    if (!ids.every((key) => typeof value[key] === 'string' && UUID.test(value[key]))) return null;
    if (value.kind === 'message' && value.messageId && value.conversationId) {
      return value as ConversationEvent;
    }
    if (value.kind === 'unread' && value.personId && value.conversationId) {
      return value as ConversationEvent;
    }
    if (value.kind === 'participants' && value.conversationId) return value as ConversationEvent;
  } catch {
    // fall through
  }
  return null;
}
