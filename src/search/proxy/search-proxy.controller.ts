import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SearchProxy } from './search-proxy.service.js';

/** Where browsers search with a token: the `host` of createSearchToken ends with it. */
export const SEARCH_PROXY_PATH = '/search';

/**
 * The engine's search routes under Kenner's own URL, for the `meilisearch` JS client and
 * instant-meilisearch (`host: '<kenner>/search'`). Every other path under /search is a 404: no
 * admin route, no documents, no keys. The edge (edge.module.ts) counts these requests as anonymous
 * for the rate limit and answers CORS for them; the bearer here is a search token, not an API key.
 */
@Controller(SEARCH_PROXY_PATH.slice(1))
export class SearchProxyController {
  constructor(private readonly proxy: SearchProxy) {}

  @Post('indexes/:uid/search')
  @HttpCode(200)
  async search(@Param('uid') uid: string, @Req() req: Request, @Res() res: Response) {
    await this.proxy.forward(req, res, { index: uid });
  }

  /** Answered from a search: Kenner's indexes keep the engine's facet search off. */
  @Post('indexes/:uid/facet-search')
  @HttpCode(200)
  async facetSearch(@Param('uid') uid: string, @Req() req: Request, @Res() res: Response) {
    await this.proxy.forward(req, res, { index: uid, facetSearch: true });
  }

  @Post('multi-search')
  @HttpCode(200)
  async multiSearch(@Req() req: Request, @Res() res: Response) {
    await this.proxy.forward(req, res, { multi: true });
  }
}
