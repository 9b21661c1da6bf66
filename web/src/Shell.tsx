// The signed-in frame: navigation (with the live pending count), the connection banner, and the page for the path.
import { useCallback, useEffect } from 'react';
import { useMutation, useQuery, type UseQueryState } from 'urql';
import { Logout } from './actions';
import { signedOut } from './auth';
import { graphql } from './gql';
import type { ConsoleMeQuery, PendingDevicesQuery } from './gql/graphql';
import { DEVICE_KINDS, useCoalesced, useConnection, useLive, useLiveFailure } from './live';
import { DevicePage } from './pages/DevicePage';
import { DevicesPage } from './pages/Devices';
import { EventsPage } from './pages/Events';
import { PendingPage } from './pages/Pending';
import { SettingsPage } from './pages/Settings';
import { UserPage } from './pages/UserPage';
import { UsersPage } from './pages/Users';
import { roleName, usePowers } from './role';
import { Link, usePath } from './router';

export const PendingDevices = graphql(`
  query PendingDevices {
    devices(filter: { status: PENDING }, first: 50) {
      totalCount
      edges {
        node {
          id
          name
          model
          platform
          osVersion
          appName
          appVersion
          createdAt
          owner { id email displayName }
        }
      }
    }
  }
`);

const NAV = [
  ['/pending', 'Pending'],
  ['/devices', 'Devices'],
  ['/users', 'Users'],
  ['/events', 'Events'],
  ['/settings', 'Settings'],
] as const;

export function Shell({ me }: { me: NonNullable<ConsoleMeQuery['me']> }) {
  const path = usePath();
  const powers = usePowers();
  const [pending, refetchPending] = useQuery({ query: PendingDevices });
  const refresh = useCoalesced(useCallback(() => refetchPending({ requestPolicy: 'network-only' }), [refetchPending]));
  useLive((event) => {
    if (DEVICE_KINDS.has(event.kind)) refresh();
  }, refresh);
  const [, logout] = useMutation(Logout);
  const connection = useConnection();
  const failure = useLiveFailure();
  const count = pending.data?.devices.totalCount;

  const section = path === '/' ? '/pending' : `/${path.split('/')[1] ?? ''}`;
  const title = NAV.find(([to]) => to === section)?.[1] ?? 'Gatehouse';
  useEffect(() => {
    document.title = `${count ? `(${count}) ` : ''}${title} · Gatehouse`;
  }, [count, title]);

  const signOut = async () => {
    await logout({});
    signedOut(null);
  };

  return (
    <div className="shell">
      <header className="top">
        <span className="brand">Gatehouse</span>
        <nav aria-label="Console">
          <ul>
            {NAV.filter(([to]) => powers.settings || to !== '/settings').map(([to, label]) => (
              <li key={to}>
                <Link to={to} aria-current={section === to ? 'page' : undefined}>
                  {label}
                  {to === '/pending' && count !== undefined && <span className="count">{count}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">{me.email}{me.role === 'ADMIN' ? '' : ` · ${roleName(me.role)}`}</span>
        <button type="button" className="quiet" onClick={() => void signOut()}>Sign out</button>
      </header>
      {connection === 'reconnecting' && (
        <p role="status" className="banner">Connection lost: reconnecting… Live updates resume where they stopped.</p>
      )}
      {failure && <p role="alert" className="banner error">{failure}</p>}
      {!powers.lifecycle && (
        <p role="note" className="banner">Support: you see every user, device and event, and may rename and forget devices. Approving, blocking and settings are for administrators.</p>
      )}
      <main className="page">
        <Page path={path} pending={pending} />
      </main>
    </div>
  );
}

function Page({ path, pending }: { path: string; pending: UseQueryState<PendingDevicesQuery> }) {
  const powers = usePowers();
  const [, section, id] = path.split('/');
  switch (section) {
    case undefined:
    case '':
    case 'pending':
      return <PendingPage result={pending} />;
    case 'devices':
      return id ? <DevicePage id={decodeURIComponent(id)} /> : <DevicesPage />;
    case 'users':
      return id ? <UserPage id={decodeURIComponent(id)} /> : <UsersPage />;
    case 'events':
      return <EventsPage />;
    case 'settings':
      return powers.settings ? <SettingsPage /> : <p>Settings are for administrators. <Link to="/pending">Go to Pending</Link>.</p>;
    default:
      return <p>There is no page here. <Link to="/pending">Go to Pending</Link>.</p>;
  }
}
