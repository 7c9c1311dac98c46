import { fileURLToPath } from 'node:url';

/**
 * A compiled entry point of the product, from the same build as the tool that asks for it:
 * `npm run build:tools` compiles `src/` beside `tools/` (dist-tools/src, dist-tools/tools), so a
 * tool always drives the code it was built with, never a stale `dist/`.
 */
export function productScript(path: string): string {
  return fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
}
