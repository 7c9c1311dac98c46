// The layering of the code base as one table, enforced by lint (`kenner/layers`): which part of
// the tree may not import which. Paths are relative to the repository root.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @type {{ files: RegExp, forbid?: RegExp, forbidPackage?: RegExp, why: string }[]} */
export const LAYERS = [
  {
    files: /^src\//,
    forbid: /^tools\//,
    why: 'src/ is the product: it must not depend on the tools that measure it',
  },
  {
    files: /^src\/(?!search\/)/,
    forbidPackage: /^meilisearch(\/|$)/,
    why: 'only the search module talks to Meilisearch: hand it the caller, not engine syntax',
  },
  {
    files: /^src\/common\//,
    forbid: /^src\/(?!common\/)/,
    why: 'common/ is shared by every feature and imports none of them',
  },
];

function check(context, node, specifier) {
  if (typeof specifier !== 'string') return;
  const file = relative(ROOT, context.filename).split('\\').join('/');
  const target = specifier.startsWith('.')
    ? relative(ROOT, resolve(dirname(context.filename), specifier))
        .split('\\')
        .join('/')
    : null;
  for (const layer of LAYERS) {
    if (!layer.files.test(file)) continue;
    const hit = target !== null ? layer.forbid?.test(target) : layer.forbidPackage?.test(specifier);
    if (hit) context.report({ node, messageId: 'layer', data: { specifier, why: layer.why } });
  }
}

export default {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'keeps imports pointing one way between the layers of the tree' },
        messages: { layer: "'{{specifier}}' may not be imported here: {{why}}." },
        schema: [],
      },
      create(context) {
        const source = (node) => check(context, node.source, node.source?.value);
        return {
          ImportDeclaration: source,
          ExportNamedDeclaration: source,
          ExportAllDeclaration: source,
          ImportExpression: (node) => check(context, node.source, node.source.value),
        };
      },
    },
  },
};
