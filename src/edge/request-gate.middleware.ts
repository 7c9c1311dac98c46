import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { EdgeErrorCode, sendEdgeError } from './edge-errors.js';
import { refuseStopping } from './http-drain.js';
import { RequestGate } from './request-gate.js';

/** Seconds a client is told to wait when the queue is full: the queue drains within about that. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Puts each GraphQL request through the RequestGate. A request holds its place until its answer
 * is sent or its client goes away ('close' covers both); a client that leaves while waiting
 * leaves the queue. A full queue is answered 503 SERVER_BUSY with Retry-After.
 */
@Injectable()
export class RequestGateMiddleware implements NestMiddleware {
  constructor(private readonly gate: RequestGate) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    // Still waiting when a shutdown's grace ends: refused, never run (http-drain.ts).
    const leave = this.gate.admit(
      () => next(),
      () => refuseStopping(res),
    );
    if (leave) {
      res.once('close', leave);
      if (res.socket?.destroyed !== false) leave(); // the client left before we listened
      return;
    }
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    sendEdgeError(
      res,
      503,
      EdgeErrorCode.SERVER_BUSY,
      `Kenner is busy: ${this.gate.maxRunning} requests are running and ${this.gate.maxWaiting} ` +
        `waiting; retry in ${RETRY_AFTER_SECONDS} s.`,
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
}
