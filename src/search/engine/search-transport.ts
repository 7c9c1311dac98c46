import { Agent, type ClientRequest, type IncomingMessage, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';

/**
 * POSTs JSON to the engine over Node's own HTTP client with kept-alive connections, and answers
 * the parsed body; a non-2xx answer throws the `MeilisearchApiError` the client library would.
 * Sending again on a connection the engine closed as it was reused is harmless for what goes this
 * way: a search only reads, and an addition replaces documents with the same content.
 *
 * Why not the library's `fetch`: it wraps every request and answer in web streams and writes a
 * body apart from its headers. In a CPU profile of the API under loaded search, Node's internals
 * were 19% of the samples with it and 6% without. Measured with `npm run bench:search` (CPU time
 * per search read from /proc, 2,000 experts, four interleaved runs each, the person probe folded
 * in too), the API spent 6.3–7.3 ms of CPU per GraphQL search before and 4.8–6.0 ms after.
 * Searches are what every visitor waits for, so they go this way, and so do document additions
 * (`postArray`, for memory); the rest (settings, deletions, tasks) stays with the library.
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

  post(path: string, body: unknown): Promise<unknown> {
    const payload = Buffer.from(JSON.stringify(body));
    return this.retried(path, (req) => {
      req.setHeader('content-type', 'application/json');
      req.setHeader('content-length', String(payload.length));
      req.end(payload);
    });
  }

  /**
   * POSTs `items` as one JSON array, serialised an item at a time as the socket takes it.
   *
   * Why not one `JSON.stringify` of the batch: 500 expert documents make a ~4 MB string, which
   * V8 allocates outside its young generation, and the library's `fetch` copies it once more
   * to check it for lone surrogates (`JSON.stringify` never emits any). Through a sync those
   * copies were the largest allocations of the API (262 of 1,333 MB sampled in 40 s at 20,000
   * experts), all of them waiting for a full collection. Short strings die young instead.
   */
  postArray(path: string, items: readonly unknown[]): Promise<unknown> {
    return this.retried(path, (req) => {
      req.setHeader('content-type', 'application/json');
      void writeArray(req, items);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private async retried(path: string, write: (req: ClientRequest) => void): Promise<unknown> {
    const url = new URL(path, this.host);
    try {
      return await this.once(url, write, true);
    } catch (error) {
      // The engine may close an idle kept-alive connection just as it is reused.
      if (!(error instanceof StaleConnection)) throw error;
      return this.once(url, write, false);
    }
  }

  private once(url: URL, write: (req: ClientRequest) => void, mayRetry: boolean): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = this.send(url, { method: 'POST', agent: this.agent, headers: this.headers });
      req.on('response', (res) => void answer(res).then(resolve, reject));
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          mayRetry && req.reusedSocket && error.code === 'ECONNRESET'
            ? new StaleConnection()
            : new MeilisearchRequestError(url.toString(), error),
        ),
      );
      write(req);
    });
  }
}

/** Below V8's large-object size, so that every chunk is allocated young. */
const CHUNK_CHARS = 32_000;

/** Writes `[item,item,…]`, waiting for the socket whenever it asks to; ends the request. */
async function writeArray(req: ClientRequest, items: readonly unknown[]): Promise<void> {
  let chunk = '[';
  for (let i = 0; i < items.length; i++) {
    // As in an array's own JSON: what has none (undefined) is written as null.
    chunk += (i === 0 ? '' : ',') + (JSON.stringify(items[i]) ?? 'null');
    if (chunk.length < CHUNK_CHARS) continue;
    const full = !req.write(chunk);
    chunk = '';
    if (full && !(await drained(req))) return;
  }
  req.end(`${chunk}]`);
}

/** Resolves true once the request takes more, false when it failed meanwhile (its error is reported). */
function drained(req: ClientRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      req.off('drain', onDrain);
      req.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    req.once('drain', onDrain);
    req.once('close', onClose);
  });
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
