import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * A file that ships beside the code (`demo-data/`, `schema.gql`), found from Kenner's package root:
 * the nearest folder above this module holding a package.json. Counting `../` would break, since
 * the same module runs as src/ under jest, dist/ in the image and dist-tools/src/ for the tools.
 */
export function packageFile(...parts: string[]): string {
  root ??= findRoot(dirname(fileURLToPath(import.meta.url)));
  return join(root, ...parts);
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
