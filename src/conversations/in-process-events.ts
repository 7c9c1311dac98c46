import { Logger } from '@nestjs/common';
import {
  ConversationEvents,
  type ConversationEvent,
  type EventHandler,
} from './conversation-events.js';

/** One process (SQLite): handlers are called in process, after the publisher's await. */
export class InProcessConversationEvents extends ConversationEvents {
  private readonly logger = new Logger('ConversationEvents');
  private readonly handlers = new Set<EventHandler>();

  publish(event: ConversationEvent): Promise<void> {
    for (const handler of [...this.handlers]) {
      try {
        handler(event);
      } catch (error) {
        this.logger.error(`a subscriber failed: ${String(error)}`);
      }
    }
    return Promise.resolve();
  }

  get listeners(): number {
    return this.handlers.size;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  listen(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}
