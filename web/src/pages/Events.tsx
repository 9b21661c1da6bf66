// Events: the audit log, newest first, live (new events from the console's feed are added on top while the first
// page is shown), filterable by kind, and by user (email) and device (name, model or installation id) typed in here
// or given by a link from their pages (?user=…, ?device=…, global ids).
import { useId, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { field, sentence } from '../errors';
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

const FindUser = graphql(`
  query ConsoleEventsFindUser($email: String!) {
    users(filter: { email: $email }, first: 1) { edges { node { id email } } }
  }
`);

const FindDevices = graphql(`
  query ConsoleEventsFindDevices($search: String!, $userId: ID) {
    devices(filter: { search: $search, userId: $userId }, first: 10) {
      totalCount
      edges { node { id name model owner { id email } } }
    }
  }
`);

interface Choice {
  id: string;
  label: string;
  /** The user the search was limited to, if any. */
  userId: string | null;
}

const KINDS: EventKind[] = [
  'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_UPDATED', 'DEVICE_FORGOTTEN',
  'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED',
  'PASSWORD_CHANGED', 'POLICY_CHANGED', 'SESSION_REVOKED', 'USER_CREATED', 'USER_ROLE_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED',
];

export function EventsPage() {
  const kindId = useId();
  const emailId = useId();
  const deviceFieldId = useId();
  const choiceId = useId();
  const client = useClient();
  const [{ userId, deviceId, label }, setScope] = useState(() => {
    const params = new URLSearchParams(location.search);
    return { userId: params.get('user'), deviceId: params.get('device'), label: null as string | null };
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
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

  /** Show the events of this user and device (null: any), and keep them in the address. */
  const scope = (user: string | null, device: string | null, text: string | null) => {
    setScope({ userId: user, deviceId: device, label: text });
    setPages([]);
    setLive([]);
    setChoices([]);
    const query = new URLSearchParams();
    if (user) query.set('user', user);
    if (device) query.set('device', device);
    history.replaceState(null, '', query.size ? `?${query.toString()}` : location.pathname);
  };

  const applyFilters = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = field(form, 'email').trim();
    const device = field(form, 'device').trim();
    setProblem(null);
    setChoices([]);
    let user: { id: string; email: string } | null = null;
    if (email) {
      const found = await client.query(FindUser, { email }, { requestPolicy: 'network-only' }).toPromise();
      if (found.error) return setProblem(sentence(found.error));
      user = found.data?.users.edges[0]?.node ?? null;
      if (!user) return setProblem(`No user has the email ${email}.`);
    }
    if (!device) return scope(user?.id ?? null, null, user ? `Events of ${user.email}` : null);
    const found = await client.query(FindDevices, { search: device, userId: user?.id ?? null }, { requestPolicy: 'network-only' }).toPromise();
    if (found.error) return setProblem(sentence(found.error));
    const devices = found.data?.devices.edges.map((edge) => edge.node) ?? [];
    const options = devices.map((d) => ({ id: d.id, label: `${d.name ?? d.model ?? 'Unnamed device'} of ${d.owner.email}`, userId: user?.id ?? null }));
    if (options.length === 0) return setProblem(`No device${user ? ` of ${user.email}` : ''} matches “${device}”.`);
    if (options.length === 1) return scope(user?.id ?? null, options[0]!.id, `Events of ${options[0]!.label}`);
    setChoices(options);
    setProblem(`${found.data?.devices.totalCount ?? options.length} devices match “${device}”: choose one.`);
  };

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
          {userId || deviceId ? ` ${label ?? `Showing one ${deviceId ? 'device’s' : 'user’s'} events`}.` : ''}
        </p>
      </div>
      <form className="toolbar" role="search" aria-label="Filter events" onSubmit={(event) => void applyFilters(event)}>
        <div className="field">
          <label htmlFor={emailId}>User email</label>
          <input id={emailId} name="email" type="email" placeholder="anna@example.com" />
        </div>
        <div className="field">
          <label htmlFor={deviceFieldId}>Device</label>
          <input id={deviceFieldId} name="device" type="search" placeholder="Name, model or installation id" />
        </div>
        <button type="submit">Filter</button>
        {(userId || deviceId) && (
          <button type="reset" className="quiet" onClick={() => scope(null, null, null)}>Clear filters</button>
        )}
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
      {problem && <p role="alert" className="error">{problem}</p>}
      {choices.length > 0 && (
        <div className="toolbar">
          <div className="field">
            <label htmlFor={choiceId}>Matching devices</label>
            <select
              id={choiceId}
              defaultValue=""
              onChange={(event) => {
                const chosen = choices.find((choice) => choice.id === event.target.value);
                if (chosen) {
                  setProblem(null);
                  scope(chosen.userId, chosen.id, `Events of ${chosen.label}`);
                }
              }}
            >
              <option value="" disabled>Choose a device</option>
              {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.label}</option>)}
            </select>
          </div>
        </div>
      )}
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
