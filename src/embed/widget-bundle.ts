import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packageFile } from '../common/package-root.js';

/** The built widget (widget/build.mjs writes it), with what caches and pages need to pin it. */
export interface WidgetBundle {
  code: Buffer;
  /** Strong validator for conditional requests. */
  etag: string;
  /** `kenner-search-<hash>.js`: a name that never changes content, so it can be cached forever. */
  pinnedName: string;
  /** Subresource integrity of the bundle, for pages that pin it. */
  integrity: string;
}

export const WIDGET_FILE = 'kenner-search.js';

/** Read once, on first request: the file changes only with a new build, hence a restart. */
let loaded: WidgetBundle | null | undefined;

export function widgetBundle(): WidgetBundle | null {
  if (loaded !== undefined) return loaded;
  let code: Buffer;
  try {
    code = readFileSync(packageFile('dist', 'widget', WIDGET_FILE));
  } catch {
    // Not cached: a build run while Kenner is up makes it appear on the next request.
    return null;
  }
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  loaded = {
    code,
    etag: `"${hash}"`,
    pinnedName: `kenner-search-${hash}.js`,
    integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  };
  return loaded;
}
