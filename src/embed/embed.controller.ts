import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import { WIDGET_FILE, widgetBundle, type WidgetBundle } from './widget-bundle.js';

export const EMBED_PATH = 'embed/v1';

/** The stable URL is revalidated hourly, so pages pick up a new release within the hour. */
const STABLE_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';
const PINNED_CACHE = 'public, max-age=31536000, immutable';

/**
 * Serves <kenner-search> to any page: `/embed/v1/kenner-search.js` (follows Kenner's releases
 * within v1), `/embed/v1/kenner-search-<hash>.js` (one build, forever) and `/embed/v1/manifest.json`
 * (the pinned name and its integrity). Module scripts load cross-origin only with CORS, so every
 * page may read them: the code is public.
 */
@Controller(EMBED_PATH)
export class EmbedController {
  @Get('manifest.json')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'no-cache')
  manifest(): { script: string; pinned: string; integrity: string } {
    const bundle = this.bundle();
    return { script: WIDGET_FILE, pinned: bundle.pinnedName, integrity: bundle.integrity };
  }

  @Get(':file')
  script(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const bundle = this.bundle();
    const pinned = file === bundle.pinnedName;
    if (!pinned && file !== WIDGET_FILE) {
      throw new DomainError(ErrorCode.NOT_FOUND, `no file ${file} under /${EMBED_PATH}`);
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', pinned ? PINNED_CACHE : STABLE_CACHE);
    res.setHeader('ETag', bundle.etag);
    if (req.headers['if-none-match'] === bundle.etag) {
      res.status(304).end();
      return;
    }
    res.send(bundle.code);
  }

  private bundle(): WidgetBundle {
    const bundle = widgetBundle();
    if (!bundle) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        'the widget is not built: run `npm run build` (it builds widget/ into dist/widget)',
      );
    }
    return bundle;
  }
}
