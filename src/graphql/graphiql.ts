import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';

const require = createRequire(import.meta.url);

/** A package's folder; its browser bundles are not in its `exports`, so resolve by path. */
function packageFile(name: string, file: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || basename(dir) !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot locate package ${name}`);
    dir = parent;
  }
  return join(dir, file);
}

/**
 * GraphiQL's browser files, served from node_modules so the IDE works without internet access
 * (the stock landing pages load React and GraphiQL from a CDN).
 */
// A Map, not an object literal: `/graphiql/constructor` or `/graphiql/__proto__` must find
// nothing (404), not an inherited property handed to sendFile (500).
const ASSETS: ReadonlyMap<string, string> = new Map([
  ['react.js', packageFile('react', 'umd/react.production.min.js')],
  ['react-dom.js', packageFile('react-dom', 'umd/react-dom.production.min.js')],
  ['graphiql.js', packageFile('graphiql', 'graphiql.min.js')],
  ['graphiql.css', packageFile('graphiql', 'graphiql.min.css')],
]);

@Controller('graphiql')
export class GraphiqlAssetsController {
  @Get(':file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const path = ASSETS.get(file);
    if (!path) throw new NotFoundException();
    res.sendFile(path, { maxAge: '1d' });
  }
}

const page = (endpoint: string) => `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Kenner GraphiQL</title>
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <script src="/graphiql/react.js"></script>
    <script src="/graphiql/react-dom.js"></script>
    <script src="/graphiql/graphiql.js"></script>
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: '${endpoint}' });
      const defaultQuery = '{\\n  experts(first: 5) {\\n    totalCount\\n    edges { node { name jobTitle organisation { name country } skills { level technology { name acronyms } } } }\\n  }\\n}\\n';
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
      );
    </script>
  </body>
</html>`;

/** Answers a browser's GET on the GraphQL endpoint with the offline GraphiQL page. */
export function offlineGraphiqlPlugin(endpoint: string): ApolloServerPlugin {
  return {
    serverWillStart() {
      return Promise.resolve({
        renderLandingPage: () => Promise.resolve({ html: page(endpoint) }),
      });
    },
  };
}
