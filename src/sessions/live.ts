// Live sessions: every open subscription and WebSocket is tracked with the session behind it, and ended the moment
// that session ends (logout, expiry, a block or forget of its device, a change of its user's role), whichever instance the change was made on.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ApiKeySessionView } from '../actor.js';
import { liveApiKeyIds } from '../apikeys/apikeys.js';
import type { EventView } from '../events/event.entity.js';
import type { SessionKind, SessionView } from './session.entity.js';
import { liveSessionIds } from './sessions.js';

interface Entry {
  sessionId: string;
  userId: string;
  deviceId: string | null;
  kind: SessionKind;
  /** Set when an API key holds the connection (sessionId is then the key's id). */
  apiKeyId: string | null;
  expiresAt: number;
  end: () => void;
  timer?: NodeJS.Timeout;
}

/** setTimeout's longest delay; a 30-day session is re-armed until it is due. */
const MAX_DELAY = 2 ** 31 - 1;

export class LiveSessions {
  private readonly entries = new Set<Entry>();

  constructor(
    private readonly em: () => EntityManager,
    private readonly logger: Logger,
  ) {}

  /** Runs `end` when the session ends; returns how to stop tracking (call it when the subscription ends anyway). */
  track(session: SessionView, end: () => void): () => void {
    const entry: Entry = {
      sessionId: session.id,
      userId: session.user.id,
      deviceId: session.device?.id ?? null,
      kind: session.kind,
      apiKeyId: (session as Partial<ApiKeySessionView>).apiKeyId ?? null,
      expiresAt: session.expiresAt.getTime(),
      end,
    };
    this.entries.add(entry);
    this.arm(entry);
    return () => this.forget(entry);
  }

  private arm(entry: Entry) {
    const delay = entry.expiresAt - Date.now();
    if (delay <= 0) return this.end(entry);
    entry.timer = setTimeout(() => this.arm(entry), Math.min(delay, MAX_DELAY));
    entry.timer.unref();
  }

  private forget(entry: Entry) {
    clearTimeout(entry.timer);
    this.entries.delete(entry);
  }

  private end(entry: Entry) {
    this.forget(entry);
    try {
      entry.end();
    } catch (err) {
      this.logger.warn({ err }, 'ending a live session failed');
    }
  }

  /** Reacts to committed events from any instance. */
  async handle(event: EventView): Promise<void> {
    if ((event.kind === 'DEVICE_BLOCKED' || event.kind === 'DEVICE_FORGOTTEN') && event.deviceId) {
      // Watch grants are not ended here: their own subscription pushes the final status, then completes.
      for (const entry of this.entries) {
        if (entry.deviceId === event.deviceId && entry.kind === 'SESSION') this.end(entry);
      }
    }
    if (event.kind === 'USER_ROLE_CHANGED' && event.userId) {
      // A connection keeps the actor it opened with: every one of the user's (their keys' too) ends, and reconnects
      // with the new role.
      for (const entry of [...this.entries]) if (entry.userId === event.userId) this.end(entry);
    }
    if (event.kind === 'SESSION_REVOKED' && event.userId) {
      const affected = [...this.entries].filter((e) => e.userId === event.userId && !e.apiKeyId);
      if (!affected.length) return;
      const alive = await liveSessionIds(this.em(), [...new Set(affected.map((e) => e.sessionId))]);
      for (const entry of affected) if (!alive.has(entry.sessionId)) this.end(entry);
    }
    if (event.kind === 'API_KEY_REVOKED') {
      // The event names the key only in words; the few connections keys hold are re-checked instead.
      const affected = [...this.entries].filter((e) => e.apiKeyId);
      if (!affected.length) return;
      const alive = await liveApiKeyIds(this.em(), [...new Set(affected.map((e) => e.apiKeyId!))]);
      for (const entry of affected) if (!alive.has(entry.apiKeyId!)) this.end(entry);
    }
  }

  /** Shutdown: ends everything still open. */
  endAll(): void {
    for (const entry of [...this.entries]) this.end(entry);
  }
}
