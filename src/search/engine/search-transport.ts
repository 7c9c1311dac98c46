import { Agent, type IncomingMessage, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';

/**
 * POSTs JSON to the engine over Node's own HTTP client with kept-alive connections, and answers
 * the parsed body; a non-2xx answer throws the `MeilisearchApiError` the client library would.
 *
 * Why not the library's `fetch`: it wraps every request and answer in web streams and writes a
 * body apart from its headers. In a CPU profile of the API under loaded search, Node's internals
 * were 19% of the samples with it and 6% without. Measured with `npm run bench:search` (CPU time
 * per search read from /proc, 2,000 experts, four interleaved runs each, the person probe folded
 * in too), the API spent 6.3–7.3 ms of CPU per GraphQL search before and 4.8–6.0 ms after.
 * Searches are what every visitor waits for, so they go this way; the rest (settings,
 * documents, tasks) stays with the library.
 */
export class SearchTransport {
  private readonly agent: Agent;
  private readonly send: typeof request;

  constructor(
    private readonly host: URL,
    private readonly headers: Readonly<Record<string, string>>,
  ) {
    const https = host.protocol === 'https:';
    this.agent = https ? new HttpsAgent({ keepAlive: true }) : new Agent({ keepAlive: true });
    this.send = https ? httpsRequest : request;
  }

  async post(path: string, body: unknown): Promise<unknown> {
    const url = new URL(path, this.host);
    const payload = Buffer.from(JSON.stringify(body));
    try {
      return await this.once(url, payload, true);
    } catch (error) {
      // The engine may close an idle kept-alive connection just as it is reused; a search only
      // reads, so it is sent once more.
      if (!(error instanceof StaleConnection)) throw error;
      return this.once(url, payload, false);
    }
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private once(url: URL, payload: Buffer, mayRetry: boolean): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = this.send(url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          ...this.headers,
          'content-type': 'application/json',
          'content-length': String(payload.length),
        },
      });
      req.on('response', (res) => void answer(res).then(resolve, reject));
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          mayRetry && req.reusedSocket && error.code === 'ECONNRESET'
            ? new StaleConnection()
            : new MeilisearchRequestError(url.toString(), error),
        ),
      );
      req.end(payload);
    });
  }
}

class StaleConnection extends Error {}

function answer(res: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      try {
        resolve(parsed(res, Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function parsed(res: IncomingMessage, text: string): unknown {
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return body;
  throw new MeilisearchApiError(
    new Response(text, { status, statusText: res.statusMessage ?? '' }),
    body as ConstructorParameters<typeof MeilisearchApiError>[1],
  );
}
