// What a webhook carries (Standard Webhooks 1.0): the body, its type name from the event's kind, the stable message
// id, and the signatures (one per live secret). Ids are the API's global ids, so a workflow can act on them.
import { Webhook } from 'standardwebhooks';
import { globalId } from '../graphql/ids.js';
import type { Row } from '../db/sql.js';

/** An event's position as the API's Event.cursor gives it (pass it as `after` to resume from there). */
export function eventCursorText(position: string): string {
  return Buffer.from(position, 'utf8').toString('base64url');
}

/** `DEVICE_REGISTERED` -> `device.registered`, `DEVICE_VERIFICATION_FAILED` -> `device.verification_failed`. */
export function webhookType(kind: string): string {
  const lower = kind.toLowerCase();
  const split = lower.indexOf('_');
  return split < 0 ? lower : `${lower.slice(0, split)}.${lower.slice(split + 1)}`;
}

/** The same for every attempt at one event to one endpoint, so receivers can drop duplicates. */
export function webhookId(eventId: string, endpointId: string): string {
  return `msg_${eventId}_${endpointId.replace(/-/g, '')}`;
}

/** The event as delivered: its row joined with the device, its owner and the actor, as they are now (null if gone). */
export function webhookBody(row: Row): string {
  const at = row.at as Date;
  return JSON.stringify({
    type: webhookType(row.kind as string),
    timestamp: at.toISOString(),
    data: {
      cursor: eventCursorText(String(row.position)),
      kind: row.kind,
      at: at.toISOString(),
      device: row.device_id
        ? {
            id: globalId('Device', row.device_id as string),
            name: row.device_current_name ?? row.device_name ?? null,
            status: row.device_status ?? null,
            platform: row.device_platform ?? null,
            osVersion: row.device_os_version ?? null,
            model: row.device_model ?? null,
            appName: row.device_app_name ?? null,
            appVersion: row.device_app_version ?? null,
          }
        : null,
      user: row.user_id ? { id: globalId('User', row.user_id as string), email: row.user_email ?? null, displayName: row.user_display_name ?? null } : null,
      actor: row.actor_id ? { id: globalId('User', row.actor_id as string), email: row.actor_email ?? null } : null,
      bySystem: row.by_system === true,
      fromStatus: row.from_status ?? null,
      toStatus: row.to_status ?? null,
      detail: row.detail ?? null,
    },
  });
}

/** `webhook-signature`: `v1,<base64>` for each live secret, space-separated. */
export function webhookSignature(secrets: string[], id: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(' ');
}
