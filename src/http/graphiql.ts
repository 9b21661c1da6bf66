// GraphiQL served from Gatehouse's own origin: the page, its script, styles and editor workers (bundled in
// @graphql-yoga/render-graphiql), so that it works with no request leaving the host and under a strict CSP.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { contentSecurityPolicy, sendFile, type StaticFile } from './static-files.js';

/** Where GraphiQL's files are served; every name carries its content's hash, so they are cached for good. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/';

/**
 * The page's policy: scripts, styles, workers and connections (HTTP, SSE, WebSocket) from this origin alone.
 * Styles may be inline: the editor (Monaco) sets element styles and adds style elements as it lays itself out.
 */
export const GRAPHIQL_CSP = contentSecurityPolicy("script-src 'self'", "worker-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self' data:");

/** The first start-up script: where Monaco finds its workers, then GraphiQL rendered once the page is parsed. */
function startScript(workers: Record<string, string>): string {
  return `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (moduleId, label) { return ${JSON.stringify(workers)}[label]; },
};
document.addEventListener('DOMContentLoaded', function () {
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
});
`;
}

/** JSON that is safe inside a <script> element (no "</script>", no "<!--"). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function loadAssets() {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const assets = new Map<string, StaticFile>();
  const add = (stem: string, extension: string, type: string, body: Buffer) => {
    const name = `${stem}.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${extension}`;
    assets.set(name, { body, type });
    return `${GRAPHIQL_ASSETS_PATH}${name}`;
  };
  const js = 'text/javascript; charset=utf-8';
  const workers = {
    editorWorkerService: add('editor.worker', 'js', js, Buffer.from(bundle.editorWorkerService)),
    json: add('json.worker', 'js', js, Buffer.from(bundle.jsonWorker)),
    graphql: add('graphql.worker', 'js', js, Buffer.from(bundle.graphqlWorker)),
  };
  const favicon = bundle.favicon.match(/^data:([^;]+);base64,(.*)$/s);
  return {
    assets,
    urls: {
      start: add('start', 'js', js, Buffer.from(startScript(workers))),
      script: add('graphiql', 'js', js, Buffer.from(bundle.js)),
      styles: add('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(bundle.css)),
      favicon: favicon ? add('favicon', 'ico', favicon[1]!, Buffer.from(favicon[2]!, 'base64')) : null,
    },
  };
}

/**
 * GraphiQL for yoga (its `renderGraphiQL`), the handler of its files, and a plugin that sends the page's security
 * headers. The bundle (9 MB) is loaded on the first request for it, never when GraphiQL is off.
 */
export function selfHostedGraphiQL() {
  let loaded: ReturnType<typeof loadAssets> | undefined;
  const load = () => (loaded ??= loadAssets());

  async function render(options?: GraphiQLOptions): Promise<string> {
    const { urls } = await load();
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options?.title ?? 'GraphiQL')}</title>
    ${urls.favicon ? `<link rel="icon" href="${urls.favicon}" />` : ''}
    <link rel="stylesheet" href="${urls.styles}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${scriptJson(options ?? {})}</script>
    <script src="${urls.start}"></script>
    <script src="${urls.script}"></script>
  </body>
</html>
`;
  }

  /** Answers a request under GRAPHIQL_ASSETS_PATH: the file, gzipped when the client takes it, or 404. */
  async function serveAsset(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = (req.url ?? '').slice(GRAPHIQL_ASSETS_PATH.length).split('?')[0]!;
    const asset = (await load()).assets.get(name);
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    await sendFile(req, res, asset, { immutable: true });
  }

  /** The page's headers: yoga answers GraphiQL as text/html, and nothing else Gatehouse serves is HTML. */
  const plugin: Plugin = {
    onResponse({ response }) {
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      response.headers.set('content-security-policy', GRAPHIQL_CSP);
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('referrer-policy', 'no-referrer');
    },
  };

  return { render, serveAsset, plugin };
}
