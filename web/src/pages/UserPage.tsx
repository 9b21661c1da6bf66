// A user's page: who they are, their devices (the customer-service view) and their latest events, kept live.
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { sentence } from '../errors';
import { when } from '../format';
import { graphql } from '../gql';
import { useCoalesced, useLive } from '../live';
import { roleName } from '../role';
import { Link } from '../router';
import { DevicesTable, EventsTable } from '../tables';

const UserView = graphql(`
  query ConsoleUser($id: ID!) {
    user(id: $id) {
      id
      email
      displayName
      role
      createdAt
      lastLoginAt
      deviceCount
      devices(first: 12) { totalCount edges { node { ...ConsoleDeviceRow } } }
      events(first: 10) { edges { node { ...ConsoleEventRow } } }
    }
  }
`);

export function UserPage({ id }: { id: string }) {
  const [{ data, error }, refetch] = useQuery({ query: UserView, variables: { id } });
  const refresh = useCoalesced(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  useLive((event) => {
    if (event.user?.id === id || event.actor?.id === id) refresh();
  }, refresh);

  if (error) return <p role="alert" className="error">{sentence(error)}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const user = data.user;
  if (!user) return <p role="alert" className="error">There is no such user.</p>;
  const devices = user.devices.edges.map((edge) => edge.node);
  const events = user.events.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="user-title">
      <div className="page-head">
        <h1 id="user-title">{user.email}</h1>
        <p className="muted">{user.displayName ?? 'No display name'}</p>
      </div>
      <dl className="details">
        <dt>Role</dt>
        <dd>{roleName(user.role)}</dd>
        <dt>Created</dt>
        <dd>{when(user.createdAt)}</dd>
        <dt>Last sign-in</dt>
        <dd>{user.lastLoginAt ? when(user.lastLoginAt) : 'Never'}</dd>
        <dt>Devices owned</dt>
        <dd>{user.deviceCount}</dd>
      </dl>
      <h2>Devices</h2>
      {user.devices.totalCount > devices.length && (
        <p><Link to={`/devices?user=${encodeURIComponent(user.id)}`}>All {user.devices.totalCount} devices of this user</Link></p>
      )}
      {devices.length ? <DevicesTable devices={devices} caption={`Devices of ${user.email}`} /> : <p className="empty">No device yet.</p>}
      <h2>Latest events</h2>
      <p><Link to={`/events?user=${encodeURIComponent(user.id)}`}>All of this user’s events</Link></p>
      {events.length ? <EventsTable events={events} caption={`Latest events of ${user.email}`} /> : <p className="empty">No event yet.</p>}
    </section>
  );
}
