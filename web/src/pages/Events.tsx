// Events: the audit log, newest first, live (new events from the console's feed are added on top while the first
// page is shown), filterable by kind, and by user or device when opened from their pages (?user=…, ?device=…).
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { sentence } from '../errors';
import { kind as kindName } from '../format';
import { graphql } from '../gql';
import type { ConsoleEventRowFragment, EventKind } from '../gql/graphql';
import { useLive } from '../live';
import { EventsTable } from '../tables';

const EventLog = graphql(`
  query ConsoleEvents($filter: EventFilter, $after: String) {
    events(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ConsoleEventRow } }
    }
  }
`);

const KINDS: EventKind[] = [
  'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN',
  'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED',
  'PASSWORD_CHANGED', 'POLICY_CHANGED', 'SESSION_REVOKED', 'USER_CREATED', 'API_KEY_CREATED', 'API_KEY_REVOKED',
];

export function EventsPage() {
  const kindId = useId();
  const params = new URLSearchParams(location.search);
  const userId = params.get('user');
  const deviceId = params.get('device');
  const [kind, setKind] = useState<EventKind | ''>('');
  const [pages, setPages] = useState<string[]>([]);
  const [live, setLive] = useState<ConsoleEventRowFragment[]>([]);
  const after = pages.at(-1) ?? null;
  const filter = { kinds: kind ? [kind] : null, userId, deviceId };
  const [{ data, error }] = useQuery({ query: EventLog, variables: { filter, after } });

  useLive((event) => {
    if (after !== null) return;
    if (kind && event.kind !== kind) return;
    if (userId && event.user?.id !== userId) return;
    if (deviceId && event.deviceId !== deviceId) return;
    setLive((current) => [{ ...event, __typename: 'Event' as const }, ...current].slice(0, 500));
  });

  const fetched = data?.events.edges.map((edge) => edge.node) ?? [];
  const seen = new Set(fetched.map((event) => event.id));
  const events = [...(after === null ? live.filter((event) => !seen.has(event.id)) : []), ...fetched];
  const info = data?.events.pageInfo;

  return (
    <section aria-labelledby="events-title">
      <div className="page-head">
        <h1 id="events-title">Events</h1>
        <p className="muted">
          Every change and sign-in, newest first; new events appear on top as they happen.
          {userId || deviceId ? ' Showing one ' + (deviceId ? 'device’s' : 'user’s') + ' events.' : ''}
        </p>
      </div>
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={kindId}>Kind</label>
          <select
            id={kindId}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as EventKind | '');
              setPages([]);
              setLive([]);
            }}
          >
            <option value="">Any</option>
            {KINDS.map((value) => <option key={value} value={value}>{kindName(value)}</option>)}
          </select>
        </div>
      </form>
      {error && <p role="alert" className="error">{sentence(error)}</p>}
      {data && events.length === 0 && <p className="empty">No event yet.</p>}
      {events.length > 0 && <EventsTable events={events} caption="Events" />}
      <div className="toolbar">
        {pages.length > 0 && <button type="button" className="quiet" onClick={() => { setPages([]); setLive([]); }}>Newest</button>}
        {info?.hasNextPage && info.endCursor && (
          <button type="button" className="quiet" onClick={() => setPages([...pages, info.endCursor!])}>Older</button>
        )}
      </div>
    </section>
  );
}
