import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { Environment } from '../config/environment.js';
import { EdgeErrorCode, sendEdgeError } from './edge-errors.js';
import { requestShapeProblem } from './graphql-request-shape.js';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  status?: number;
  type?: string;
  message?: string;
}

/** The operation text, from a JSON body or a GET's query string. */
function queryText(req: Request): unknown {
  const body: unknown = req.body;
  if (body !== null && typeof body === 'object' && 'query' in body) return body.query;
  return req.method === 'GET' ? (req.query as Record<string, unknown>).query : undefined;
}

/**
 * Reads the JSON body of GraphQL requests (the app is created with Nest's own body parser off, so
 * this runs after rate limits) and refuses what is too big before Apollo parses anything:
 * a body over BODY_LIMIT_KB is 413 (checked against Content-Length before it is read), a query
 * text over GRAPHQL_MAX_QUERY_LENGTH is 413, and a body that is not JSON, or a request whose
 * persisted-query extension or operation name is malformed (graphql-request-shape.ts), is 400 —
 * never a 500.
 */
@Injectable()
export class GraphQLBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler;

  constructor(private readonly env: Environment) {
    this.parse = express.json({ limit: env.BODY_LIMIT_KB * 1024 });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    void this.parse(req, res, (error?: unknown) => {
      if (error) return this.refuseBody(res, error, next);
      const query = queryText(req);
      const max = this.env.GRAPHQL_MAX_QUERY_LENGTH;
      if (typeof query === 'string' && query.length > max) {
        return sendEdgeError(
          res,
          413,
          EdgeErrorCode.QUERY_TOO_LARGE,
          `Query text is ${query.length} characters long; at most ${max} are allowed.`,
          { length: query.length, maxLength: max },
        );
      }
      const problem = requestShapeProblem(req);
      if (problem) return sendEdgeError(res, 400, EdgeErrorCode.BAD_REQUEST, problem);
      next();
    });
  }

  private refuseBody(res: Response, raised: unknown, next: NextFunction): void {
    const error: BodyParserError = typeof raised === 'object' && raised !== null ? raised : {};
    const status = error.status ?? 500;
    // 5xx from the parser are server faults (stream misuse): Nest's handler logs and answers them.
    if (status >= 500) return next(error);
    if (error.type === 'entity.too.large') {
      return sendEdgeError(
        res,
        413,
        EdgeErrorCode.PAYLOAD_TOO_LARGE,
        `Request body is larger than ${this.env.BODY_LIMIT_KB} KiB.`,
        { maxKiB: this.env.BODY_LIMIT_KB },
      );
    }
    const message =
      error.type === 'entity.parse.failed'
        ? `Request body is not valid JSON: ${error.message ?? 'parse error'}`
        : `Request body could not be read: ${error.message ?? 'bad request'}`;
    sendEdgeError(res, status, EdgeErrorCode.BAD_REQUEST, message);
  }
}
