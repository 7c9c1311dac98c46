import { createServer, type IncomingMessage, type Server } from 'node:http';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ExpertSearchInput } from '../../../src/search/experts/dto/expert-search.input.js';
import {
  type Queryable,
  searchFullText,
} from '../../baseline/postgres-full-text/full-text.search.js';

/** The request body this front takes: what a browser would post to a team's search endpoint. */
export interface FullTextRequest {
  input: ExpertSearchInput;
}

const MAX_BODY_BYTES = 100 * 1024;

/**
 * The PostgreSQL full-text search as a plain HTTP endpoint (POST JSON `{ input }` → JSON hits,
 * total and facet counts), so the benchmark loads it with autocannon like GraphQL and
 * Meilisearch. The input is validated by the same rules as GraphQL's `ExpertSearchInput` (a
 * team's endpoint validates too, and that work belongs in the comparison). Public experts only,
 * as for an anonymous caller.
 */
export function fullTextHttpServer(db: Queryable): Server {
  return createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    answer(db, request).then(
      ({ status, body }) => reply(status, body),
      (error: unknown) => reply(500, { error: String(error) }),
    );
  });
}

async function answer(
  db: Queryable,
  request: IncomingMessage,
): Promise<{ status: number; body: unknown }> {
  if (request.method !== 'POST') return { status: 405, body: { error: 'POST { input }' } };
  const body = await readJson(request).catch(() => undefined);
  const raw = (body as Partial<FullTextRequest> | undefined)?.input;
  if (typeof raw !== 'object' || raw === null)
    return { status: 400, body: { error: 'the body must be JSON { input }' } };
  const input = plainToInstance(ExpertSearchInput, raw);
  const problems = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
  if (problems.length > 0) return { status: 400, body: { error: problems.toString() } };
  return { status: 200, body: await searchFullText(db, input, ['PUBLIC']) };
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on('error', reject);
  });
}
