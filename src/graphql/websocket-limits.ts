import type { IncomingMessage } from 'node:http';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Environment } from '../config/environment.js';

/**
 * Sets the largest WebSocket message the GraphQL socket accepts (`ws`'s `maxPayload`, 100 MiB
 * by default). `@nestjs/graphql` creates its WebSocketServer without the option and offers no
 * way to pass it; `ws` reads `options.maxPayload` at each upgrade, so setting it once the server
 * exists holds for every socket. This reaches into the driver's subscription service, which is
 * not public API: if a version of @nestjs/apollo moves it, the app refuses to start rather than
 * run without the limit (tested, test/integration/websocket-limits.spec.ts).
 */
@Injectable()
export class WebSocketLimits implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    // A command-line tool's application context has no HTTP server, hence no socket to limit.
    if (!this.adapterHost.httpAdapter) return;
    const graphql = this.moduleRef.get(GraphQLModule, { strict: false });
    const adapter = graphql.graphQlAdapter as unknown as {
      _subscriptionService?: { wss?: { options?: { maxPayload?: number } } };
    };
    const wss = adapter._subscriptionService?.wss;
    if (!wss?.options) {
      throw new Error(
        'cannot limit WebSocket messages: the GraphQL WebSocket server was not found',
      );
    }
    wss.options.maxPayload = this.env.WS_MAX_PAYLOAD_BYTES;
  }
}

/**
 * The client's IP as the edge counts it: the socket's peer, or with TRUST_PROXY_HOPS proxies in
 * front, the address the farthest trusted proxy saw (as Express's `trust proxy` with a hop count).
 */
export function socketClientIp(request: IncomingMessage, trustedHops: number): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
