// Lists shared by several pages: devices and events, as tables with header cells; one query fills a whole page.
import { deviceLabel } from './actions';
import { app, kind, platform, status, when } from './format';
import { graphql } from './gql';
import type { ConsoleDeviceRowFragment, ConsoleEventRowFragment } from './gql/graphql';
import { Link } from './router';

export const DeviceRow = graphql(`
  fragment ConsoleDeviceRow on Device {
    id
    name
    status
    platform
    osVersion
    model
    appName
    appVersion
    mobileAuth
    lastUsedAt
    createdAt
    stale
    owner { id email displayName }
    lastUser { id email }
  }
`);

export const EventRow = graphql(`
  fragment ConsoleEventRow on Event {
    id
    cursor
    kind
    at
    deviceId
    deviceName
    fromStatus
    toStatus
    detail
    ip
    actor { id email }
    bySystem
    user { id email }
  }
`);

const MOBILE_AUTH: Record<string, string> = {
  NOT_ACTIVATED: 'Not activated',
  ACTIVATED: 'Activated',
  PUSH_ENABLED: 'Activated with push',
};

export function StatusBadge({ value }: { value: string }) {
  return <span className={`status status-${value}`}>{status(value)}</span>;
}

export function DevicesTable({ devices, caption }: { devices: ConsoleDeviceRowFragment[]; caption: string }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Status</th>
          <th scope="col">Owner</th>
          <th scope="col">Platform</th>
          <th scope="col">Model</th>
          <th scope="col">App</th>
          <th scope="col">Mobile authentication</th>
          <th scope="col">Last used</th>
          <th scope="col">Last user</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id}>
            <th scope="row"><Link to={`/devices/${encodeURIComponent(device.id)}`}>{deviceLabel(device)}</Link></th>
            <td><StatusBadge value={device.status} />{device.stale ? <span className="muted"> stale</span> : null}</td>
            <td><Link to={`/users/${encodeURIComponent(device.owner.id)}`}>{device.owner.email}</Link></td>
            <td>{platform(device.platform, device.osVersion)}</td>
            <td>{device.model ?? '—'}</td>
            <td>{app(device.appName, device.appVersion)}</td>
            <td>{MOBILE_AUTH[device.mobileAuth] ?? device.mobileAuth}</td>
            <td>{device.lastUsedAt ? <time dateTime={device.lastUsedAt}>{when(device.lastUsedAt)}</time> : 'Never'}</td>
            <td>{device.lastUser?.email ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "approved by admin@… (Pending → Approved)" and the like. */
function change(event: ConsoleEventRowFragment): string {
  if (event.fromStatus && event.toStatus) return `${status(event.fromStatus)} → ${status(event.toStatus)}`;
  if (event.toStatus) return status(event.toStatus);
  if (event.fromStatus) return `was ${status(event.fromStatus)}`;
  return '';
}

export function EventsTable({ events, caption }: { events: ConsoleEventRowFragment[]; caption: string }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Device</th>
          <th scope="col">User</th>
          <th scope="col">By</th>
          <th scope="col">Status</th>
          <th scope="col">Detail</th>
          <th scope="col">Address</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td><time dateTime={event.at}>{when(event.at)}</time></td>
            <th scope="row">{kind(event.kind)}</th>
            <td>
              {event.deviceId ? <Link to={`/devices/${encodeURIComponent(event.deviceId)}`}>{event.deviceName ?? 'Unnamed device'}</Link> : '—'}
            </td>
            <td>{event.user ? <Link to={`/users/${encodeURIComponent(event.user.id)}`}>{event.user.email}</Link> : '—'}</td>
            <td>{event.bySystem ? 'system' : (event.actor?.email ?? '—')}</td>
            <td>{change(event)}</td>
            <td>{event.detail ?? ''}</td>
            <td>{event.ip ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
