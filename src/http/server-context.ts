// What every transport hands yoga's context factory: node's request, and for WebSocket operations the bearer
// resolved when the connection opened.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { resolveBearer } from '../sessions/sessions.js';
import type { Transport } from './metrics.js';

export type Bearer = Awaited<ReturnType<typeof resolveBearer>>;

export interface ServerContext {
  req: IncomingMessage;
  res?: ServerResponse;
  /** Set for WebSocket operations: the bearer resolved once when the connection opened. */
  bearer?: Bearer;
  /** ws for graphql-ws operations; HTTP requests (SSE included) leave it unset. */
  transport?: Transport;
}

/** "Bearer <token>" (or a bare token, as WebSocket connectionParams often carry it). */
export function bearerToken(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = value.trim().match(/^(?:Bearer\s+)?(\S+)$/i);
  return match?.[1] ?? null;
}
