// An admin's own notification settings: which alert emails they get. Every alert is on until they switch it off.
import { requireAdmin, type DomainContext } from '../actor.js';
import { AlertSettings } from './alert.entity.js';

export interface NotificationSettings {
  /** An email (grouped per ALERT_DIGEST_SECONDS) when a device is registered PENDING. */
  newDevicePending: boolean;
}

export async function notificationSettings(dc: DomainContext): Promise<NotificationSettings> {
  const actor = requireAdmin(dc);
  const row = await dc.em.findOne(AlertSettings, { user: actor.user.id });
  return { newDevicePending: row?.newDevicePending ?? true };
}

/** Sets the caller's own settings (one statement: it is written whole or not at all). */
export async function updateNotificationSettings(dc: DomainContext, input: NotificationSettings): Promise<NotificationSettings> {
  const actor = requireAdmin(dc);
  await dc.sql.query(
    `insert into alert_settings (user_id, new_device_pending, updated_at) values ($1, $2, now())
     on conflict (user_id) do update set new_device_pending = excluded.new_device_pending, updated_at = now()`,
    [actor.user.id, input.newDevicePending],
  );
  return { newDevicePending: input.newDevicePending };
}
