// What an alert email says: one device waiting for approval, a digest of the devices that arrived in one window, or a
// webhook endpoint disabled.
import { globalId } from '../graphql/ids.js';

/** A digest names at most this many devices, then says how many more there are. */
export const DEVICES_PER_EMAIL = 50;

export interface WaitingDevice {
  deviceId: string;
  name: string | null;
  model: string | null;
  platform: string | null;
  osVersion: string | null;
  appName: string | null;
  appVersion: string | null;
  userEmail: string | null;
  userName: string | null;
  registeredAt: Date;
}

export interface DigestText {
  subject: string;
  text: string;
  html: string;
}

/** The admin console's page of the device. */
export function devicePageUrl(publicUrl: string, deviceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/devices/${encodeURIComponent(globalId('Device', deviceId))}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const joined = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');

function describe(device: WaitingDevice, publicUrl: string) {
  return {
    title: device.name ?? 'Unnamed device',
    hardware: [device.model, joined(device.platform, device.osVersion), joined(device.appName, device.appVersion)].filter(Boolean).join(', '),
    user: device.userEmail ? (device.userName ? `${device.userName} <${device.userEmail}>` : device.userEmail) : 'an unknown user',
    when: device.registeredAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    link: devicePageUrl(publicUrl, device.deviceId),
  };
}

/** `total` may exceed `devices.length` (a digest names DEVICES_PER_EMAIL at most). */
export function digestText(devices: WaitingDevice[], total: number, publicUrl: string): DigestText {
  const described = devices.map((d) => describe(d, publicUrl));
  const pendingUrl = `${publicUrl.replace(/\/+$/, '')}/admin/pending`;
  const first = described[0]!;
  const subject = total === 1 ? `New device waiting for approval: ${first.title} (${devices[0]!.userEmail ?? 'unknown user'})` : `${total} devices are waiting for approval`;
  const intro = total === 1 ? 'A device is waiting for approval.' : `${total} devices are waiting for approval.`;
  const more = total > described.length ? `…and ${total - described.length} more: ${pendingUrl}` : null;
  const text = [
    intro,
    '',
    ...described.flatMap((d) => [d.title, `  Device: ${d.hardware || 'no details'}`, `  User: ${d.user}`, `  Registered: ${d.when}`, `  Review: ${d.link}`, '']),
    ...(more ? [more, ''] : []),
    `All pending devices: ${pendingUrl}`,
    '',
    'You get this email as a Gatehouse administrator; switch it off with updateNotificationSettings(input: { newDevicePending: false }).',
  ].join('\n');
  const items = described
    .map(
      (d) =>
        `<li><p><a href="${escapeHtml(d.link)}"><strong>${escapeHtml(d.title)}</strong></a><br>` +
        `Device: ${escapeHtml(d.hardware || 'no details')}<br>User: ${escapeHtml(d.user)}<br>Registered: ${escapeHtml(d.when)}</p></li>`,
    )
    .join('');
  const html =
    `<p>${escapeHtml(intro)}</p><ul>${items}</ul>` +
    (more ? `<p>${escapeHtml(more)}</p>` : '') +
    `<p><a href="${escapeHtml(pendingUrl)}">All pending devices</a></p>` +
    '<p style="color:#666">You get this email as a Gatehouse administrator; switch it off with updateNotificationSettings.</p>';
  return { subject, text, html };
}

/** A webhook endpoint was disabled after its failure streak (the event's detail names it and since when). */
export function webhookDisabledText(detail: string | null, at: Date, publicUrl: string): DigestText {
  const settingsUrl = `${publicUrl.replace(/\/+$/, '')}/admin/settings`;
  const what = detail ?? 'a webhook endpoint';
  const when = at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const intro = 'A webhook endpoint has been disabled: every delivery to it failed for too long, so no more events are sent to it.';
  const text = [intro, '', `  ${what}`, `  Disabled: ${when}`, '', `Fix the receiver, then enable the endpoint again (its undelivered events follow): ${settingsUrl}`].join('\n');
  const html =
    `<p>${escapeHtml(intro)}</p><p>${escapeHtml(what)}<br>Disabled: ${escapeHtml(when)}</p>` +
    `<p>Fix the receiver, then <a href="${escapeHtml(settingsUrl)}">enable the endpoint again</a> (its undelivered events follow).</p>`;
  return { subject: 'A Gatehouse webhook endpoint was disabled', text, html };
}
