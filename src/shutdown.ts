import type { Server } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { HttpDrain } from './edge/http-drain.js';
import { NotificationRelay } from './notifications/notification-relay.service.js';
import { SearchRelay } from './search/sync/search-relay.service.js';

/**
 * How long a stop may take, counted from the signal. Constants, not settings: the whole must fit
 * in what a supervisor waits before it sends SIGKILL (`docker stop` and compose: 10 s, Kubernetes:
 * 30 s), and a GraphQL request takes milliseconds, so 5 s for the requests in flight is generous.
 */
export const STOP_BUDGET = {
  /** The requests in flight finish within this; then the gate's queue is refused, the rest cut. */
  requestsMs: 5_000,
  /** The search relay sends what is pending until this. */
  searchMs: 7_000,
  /** The process exits (code 1) at this, whatever is left (common/process/stop-signals.ts). */
  deadlineMs: 9_500,
};

/**
 * The clean stop, in the order that loses nothing: no new request, the requests in flight
 * answered, then no write can come any more, so the search relay sends what they left in the
 * outbox and the index holds every acknowledged write; the notification relay ends its batch
 * (mail keeps until the next start); then Nest closes Apollo, the engine and the database.
 */
export async function stopGracefully(app: INestApplication, since: number): Promise<void> {
  const logger = new Logger('Shutdown');
  const server = app.getHttpServer() as Server;
  if (server.listening) {
    const cutOff = await app.get(HttpDrain).drain(server, STOP_BUDGET.requestsMs);
    if (cutOff) logger.warn(`${cutOff} requests still running were cut off`);
  }
  await app.get(NotificationRelay).pause();
  await app.get(SearchRelay).finish(since + STOP_BUDGET.searchMs);
  await app.close();
  logger.log(`stopped in ${((Date.now() - since) / 1000).toFixed(1)} s`);
}
