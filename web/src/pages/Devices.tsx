// Devices: every device, filtered by status, platform and text, a page of 50 at a time (keyset: first/after and
// last/before), refetched when the live feed reports a device change.
import { useCallback, useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { sentence } from '../errors';
import { platform as platformName, status as statusName } from '../format';
import { graphql } from '../gql';
import type { DeviceStatus, Platform } from '../gql/graphql';
import { DEVICE_KINDS, useCoalesced, useLive } from '../live';
import { DevicesTable } from '../tables';

const AllDevices = graphql(`
  query ConsoleDevices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {
    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...ConsoleDeviceRow } }
    }
  }
`);

const STATUSES: DeviceStatus[] = ['PENDING', 'APPROVED', 'BLOCKED'];
const PLATFORMS: Platform[] = ['IOS', 'IPADOS', 'ANDROID', 'MACOS', 'WINDOWS', 'LINUX', 'WEB', 'OTHER'];
const PAGE = 50;

type Position = { first: number; after: string | null } | { last: number; before: string };

export function DevicesPage() {
  const statusId = useId();
  const platformId = useId();
  const searchId = useId();
  const [status, setStatus] = useState<DeviceStatus | ''>('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [position, setPosition] = useState<Position>({ first: PAGE, after: null });
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => setPosition({ first: PAGE, after: null }), [status, platform, search]);

  const userId = new URLSearchParams(location.search).get('user');
  const filter = { status: status || null, platform: platform || null, search: search || null, userId };
  const [{ data, error }, refetch] = useQuery({ query: AllDevices, variables: { filter, ...position } });
  const refresh = useCoalesced(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  useLive((event) => {
    if (DEVICE_KINDS.has(event.kind)) refresh();
  }, refresh);
  const devices = data?.devices.edges.map((edge) => edge.node) ?? [];
  const info = data?.devices.pageInfo;

  return (
    <section aria-labelledby="devices-title">
      <div className="page-head">
        <h1 id="devices-title">Devices</h1>
        {userId && <p>One user’s devices (those they own or have signed in from).</p>}
        <p className="muted">{data ? `${data.devices.totalCount} ${data.devices.totalCount === 1 ? 'device matches' : 'devices match'}.` : ' '}</p>
      </div>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value as DeviceStatus | '')}>
            <option value="">Any</option>
            {STATUSES.map((value) => <option key={value} value={value}>{statusName(value)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={platformId}>Platform</label>
          <select id={platformId} value={platform} onChange={(event) => setPlatform(event.target.value as Platform | '')}>
            <option value="">Any</option>
            {PLATFORMS.map((value) => <option key={value} value={value}>{platformName(value)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={searchId}>Search devices</label>
          <input id={searchId} type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Name, model, app or installation id" />
        </div>
      </form>
      {error && <p role="alert" className="error">{sentence(error)}</p>}
      {data && devices.length === 0 && <p className="empty">No device matches.</p>}
      {devices.length > 0 && <DevicesTable devices={devices} caption="Devices" />}
      <div className="toolbar">
        {info && ('after' in position ? position.after !== null : info.hasPreviousPage) && (
          <button type="button" className="quiet" onClick={() => info.startCursor && setPosition({ last: PAGE, before: info.startCursor })}>Previous page</button>
        )}
        {info && ('before' in position || info.hasNextPage) && info.endCursor && (
          <button type="button" className="quiet" onClick={() => setPosition({ first: PAGE, after: info.endCursor })}>Next page</button>
        )}
      </div>
    </section>
  );
}
