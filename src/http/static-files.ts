// Answering a file from memory, as the admin console and GraphiQL serve theirs: gzipped when the client takes it
// (compressed once), cached for good when its name carries its hash, and under a strict Content-Security-Policy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** What every page Gatehouse serves allows: nothing, unless a policy names it (only this origin ever is). */
const STRICT_BASE = ["default-src 'none'", "img-src 'self' data:", "connect-src 'self'", "manifest-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];

/** A Content-Security-Policy: the strict base plus the page's own directives. */
export function contentSecurityPolicy(...directives: string[]): string {
  return [...STRICT_BASE, ...directives].join('; ');
}

export interface StaticFile {
  body: Buffer;
  type: string;
  /** The gzipped body, made on first demand. */
  gzipped?: Promise<Buffer>;
}

/** Answers the file (HEAD: its headers alone); `immutable` for names that change with their content. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: StaticFile,
  options: { immutable: boolean; csp?: string },
): Promise<void> {
  const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = useGzip ? await (file.gzipped ??= gzip(file.body)) : file.body;
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': body.length,
    'cache-control': options.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-encoding',
    ...(options.csp ? { 'content-security-policy': options.csp } : {}),
    ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
