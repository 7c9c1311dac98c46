import { Logger } from '@nestjs/common';
import {
  ConversationEvents,
  type ConversationEvent,
  type EventHandler,
  EventHandlers,
} from './conversation-events.js';

/** One process (SQLite): handlers are called in process, after the publisher's await. */
export class InProcessConversationEvents extends ConversationEvents {
  private readonly logger = new Logger('ConversationEvents');
  private readonly handlers = new EventHandlers(this.logger);

  publish(event: ConversationEvent): Promise<void> {
    this.handlers.deliver(event);
    return Promise.resolve();
  }

  get listeners(): number {
    return this.handlers.size;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  listen(handler: EventHandler): () => void {
    return this.handlers.add(handler);
  }
}
