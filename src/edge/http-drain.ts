import type { Server } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { EdgeErrorCode, sendEdgeError } from './edge-errors.js';
import { RequestGate } from './request-gate.js';

/** Seconds a client refused during a shutdown is told to wait: another instance, or this one restarted. */
const RETRY_AFTER_SECONDS = 1;

/** Answers a request that will not run because Kenner is stopping: nothing of it was executed. */
export function refuseStopping(res: Response): void {
  if (res.headersSent) return;
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.setHeader('Connection', 'close');
  sendEdgeError(res, 503, EdgeErrorCode.SERVER_BUSY, 'Kenner is shutting down; retry shortly.', {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

/**
 * Lets a shutdown finish the requests in flight instead of resetting them. Every request is
 * counted from its arrival (before anything else of the edge runs) to its answer; once
 * {@link drain} has begun, a request arriving on a kept-alive connection is refused with 503
 * SERVER_BUSY before anything runs, and the answers still to come close their connections.
 */
@Injectable()
export class HttpDrain {
  private readonly inFlight = new Set<Response>();
  private draining = false;
  private settled?: () => void;

  constructor(private readonly gate: RequestGate) {}

  /** The middleware's work: count the request, or refuse it once draining. */
  track(res: Response, next: NextFunction): void {
    if (this.draining) {
      refuseStopping(res);
      return;
    }
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) this.settled?.();
    });
    next();
  }

  /**
   * Stops taking connections, lets the requests in flight finish (those waiting in the request
   * gate too) for up to `graceMs`, then refuses what still waits in the gate and cuts what still
   * runs. Resolves once no connection is left; returns how many requests were cut off.
   */
  async drain(server: Server, graceMs: number): Promise<number> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Answers from now on end their connection, and idle kept-alive connections go now.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const finished = await new Promise<boolean>((resolve) => {
      if (this.inFlight.size === 0) return resolve(true);
      this.settled = () => resolve(true);
      timer = setTimeout(() => resolve(false), graceMs);
    });
    clearTimeout(timer);
    let cutOff = 0;
    if (!finished) {
      this.gate.refuseWaiting();
      for (const res of this.inFlight) {
        if (res.writableEnded) continue;
        cutOff++;
        res.socket?.destroy();
      }
    }
    // What is left is idle or has not sent a whole request yet: nothing of it runs.
    server.closeAllConnections();
    await closed;
    return cutOff;
  }
}

/** First on every route: see {@link HttpDrain}. */
@Injectable()
export class HttpDrainMiddleware implements NestMiddleware {
  constructor(private readonly drain: HttpDrain) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    this.drain.track(res, next);
  }
}
