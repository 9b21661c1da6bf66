// The admin console at /admin: the single-page app built into web/dist (npm install builds it), served as static
// files from this origin under a strict CSP; any other path under /admin is the app's own route (index.html).
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { contentSecurityPolicy, sendFile, type StaticFile } from './static-files.js';

export const CONSOLE_PATH = '/admin';
/** Where `npm run console:build` puts the console. */
export const CONSOLE_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

/** Scripts, styles, images and connections (HTTP and the WebSocket) from this origin alone; nothing inline. */
export const CONSOLE_CSP = contentSecurityPolicy("script-src 'self'", "style-src 'self'", "font-src 'self'");

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};


/** Serves the console; files are read and compressed once, on first request. */
export function adminConsole(dist = CONSOLE_DIST) {
  const cache = new Map<string, Promise<StaticFile | null>>();

  const load = (relative: string) => {
    let file = cache.get(relative);
    if (!file) {
      file = (async () => {
        const absolute = path.join(dist, relative);
        // Never outside dist (the URL is normalised by path.join; a ../ that climbs out is refused here).
        if (!absolute.startsWith(dist + path.sep)) return null;
        const info = await stat(absolute).catch(() => null);
        if (!info?.isFile()) return null;
        const body = await readFile(absolute);
        return { body, type: TYPES[path.extname(absolute)] ?? 'application/octet-stream' };
      })();
      cache.set(relative, file);
    }
    return file;
  };

  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path');
      return;
    }
    const relative = pathname.slice(CONSOLE_PATH.length).replace(/^\/+/, '');
    // Hashed build output is cached for good; the page itself is asked for again each time.
    const asset = relative.startsWith('assets/') ? await load(relative) : null;
    const file = asset ?? (path.extname(relative) && !relative.endsWith('.html') ? await load(relative) : await load('index.html'));
    if (!file) {
      const built = await load('index.html');
      res
        .writeHead(built ? 404 : 503, { 'content-type': 'text/plain; charset=utf-8' })
        .end(built ? 'Not found' : 'The admin console is not built: run npm install (or npm run console:build).');
      return;
    }
    await sendFile(req, res, file, { immutable: asset !== null, csp: CONSOLE_CSP });
  };
}
