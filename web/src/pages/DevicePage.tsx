// A device's page: its details, its users, its whole history as a timeline, and every lifecycle action the API
// allows from its status (the buttons offered follow the lifecycle; the API still answers InvalidTransition).
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { BlockDialog, deviceLabel, Dialog, ForgetDevice, RenameDevice, UnblockDevice, useApprove } from '../actions';
import { field, resultError, sentence } from '../errors';
import { app, kind, platform, status, when } from '../format';
import { graphql } from '../gql';
import { useCoalesced, useLive } from '../live';
import { usePowers } from '../role';
import { Link, navigate } from '../router';
import { StatusBadge } from '../tables';

const DeviceView = graphql(`
  query ConsoleDevice($id: ID!) {
    device(id: $id) {
      id
      name
      status
      blockedReason
      platform
      osVersion
      model
      appName
      appVersion
      installationId
      keyAlgorithm
      keyId
      mobileAuth
      createdAt
      lastUsedAt
      stale
      statusChangedAt
      statusChangedBy { id email }
      owner { id email displayName }
      lastUser { id email }
      users(first: 10) { totalCount edges { node { id email displayName } } }
      events(first: 20) { totalCount edges { node { ...ConsoleEventRow } } }
    }
  }
`);

const MOBILE_AUTH: Record<string, string> = { NOT_ACTIVATED: 'Not activated', ACTIVATED: 'Activated', PUSH_ENABLED: 'Activated with push' };

export function DevicePage({ id }: { id: string }) {
  const [{ data, error }, refetch] = useQuery({ query: DeviceView, variables: { id } });
  const refresh = useCoalesced(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  useLive((event) => {
    if (event.deviceId === id) refresh();
  }, refresh);
  const [approve, approveProblem] = useApprove();
  const { lifecycle } = usePowers();
  const [, unblock] = useMutation(UnblockDevice);
  const [dialog, setDialog] = useState<'block' | 'rename' | 'forget' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (error) return <p role="alert" className="error">{sentence(error)}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const device = data.device;
  if (!device) {
    return (
      <section>
        <h1>No such device</h1>
        <p>This device does not exist, or it was forgotten. <Link to="/devices">All devices</Link></p>
      </section>
    );
  }
  const label = deviceLabel(device);
  const doUnblock = async () => {
    const result = await unblock({ id });
    setProblem(resultError(result.error, result.data?.unblockDevice));
  };
  const events = device.events.edges.map((edge) => edge.node);

  return (
    <section aria-labelledby="device-title">
      <div className="page-head">
        <h1 id="device-title">{label}</h1>
        <p>
          <StatusBadge value={device.status} /> <span className="muted">since {when(device.statusChangedAt)}{device.statusChangedBy ? ` by ${device.statusChangedBy.email}` : ''}</span>
          {device.stale ? <span className="muted"> · stale (not used for the policy's staleAfterDays)</span> : null}
        </p>
        {device.status === 'BLOCKED' && device.blockedReason && <p>Reason: {device.blockedReason}</p>}
      </div>
      {(problem ?? approveProblem) && <p role="alert" className="error">{problem ?? approveProblem}</p>}
      <div className="toolbar">
        {lifecycle && device.status === 'PENDING' && <button type="button" onClick={() => void approve(id)}>Approve</button>}
        {lifecycle && device.status !== 'BLOCKED' && <button type="button" className="danger" onClick={() => setDialog('block')}>Block</button>}
        {lifecycle && device.status === 'BLOCKED' && <button type="button" onClick={() => void doUnblock()}>Unblock</button>}
        <button type="button" className="quiet" onClick={() => setDialog('rename')}>Rename</button>
        <button type="button" className="danger" onClick={() => setDialog('forget')}>Forget</button>
      </div>
      <dl className="details">
        <dt>Owner</dt>
        <dd><Link to={`/users/${encodeURIComponent(device.owner.id)}`}>{device.owner.email}</Link>{device.owner.displayName ? ` (${device.owner.displayName})` : ''}</dd>
        <dt>Name</dt>
        <dd>{device.name ?? 'None'}</dd>
        <dt>Platform</dt>
        <dd>{platform(device.platform, device.osVersion)}</dd>
        <dt>Model</dt>
        <dd>{device.model ?? '—'}</dd>
        <dt>App</dt>
        <dd>{app(device.appName, device.appVersion)}</dd>
        <dt>Mobile authentication</dt>
        <dd>{MOBILE_AUTH[device.mobileAuth] ?? device.mobileAuth}</dd>
        <dt>Device key</dt>
        <dd>{device.keyId ? `${device.keyAlgorithm ?? ''} ${device.keyId}` : 'None'}</dd>
        <dt>Installation id</dt>
        <dd><code>{device.installationId}</code></dd>
        <dt>First seen</dt>
        <dd>{when(device.createdAt)}</dd>
        <dt>Last used</dt>
        <dd>{device.lastUsedAt ? `${when(device.lastUsedAt)}${device.lastUser ? ` by ${device.lastUser.email}` : ''}` : 'Never'}</dd>
      </dl>

      <h2>Users</h2>
      <ul>
        {device.users.edges.map(({ node }) => (
          <li key={node.id}><Link to={`/users/${encodeURIComponent(node.id)}`}>{node.email}</Link>{node.displayName ? ` (${node.displayName})` : ''}</li>
        ))}
      </ul>

      <h2>Timeline</h2>
      <p><Link to={`/events?device=${encodeURIComponent(id)}`}>This device in the event log</Link></p>
      {events.length === 0 ? (
        <p className="empty">No event yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {events.map((event) => (
            <li key={event.id}>
              <strong>{kind(event.kind)}</strong>
              {event.fromStatus && event.toStatus ? ` (${status(event.fromStatus)} → ${status(event.toStatus)})` : event.toStatus ? ` (${status(event.toStatus)})` : ''}
              {event.bySystem ? ' by the system' : event.actor ? ` by ${event.actor.email}` : event.user ? ` by ${event.user.email}` : ''}
              {event.detail ? `: ${event.detail}` : ''}
              <div className="muted">
                <time dateTime={event.at}>{when(event.at)}</time>
                {event.ip ? ` from ${event.ip}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}

      {dialog === 'block' && <BlockDialog devices={[{ id, label }]} onClose={() => setDialog(null)} />}
      {dialog === 'rename' && <RenameDialog id={id} current={device.name ?? ''} onClose={() => setDialog(null)} />}
      {dialog === 'forget' && <ForgetDialog id={id} label={label} onClose={() => setDialog(null)} />}
    </section>
  );
}

function RenameDialog({ id, current, onClose }: { id: string; current: string; onClose: () => void }) {
  const [{ fetching }, rename] = useMutation(RenameDevice);
  const [problem, setProblem] = useState<string | null>(null);
  const nameId = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await rename({ id, name: field(new FormData(event.currentTarget), 'name') });
    const failed = resultError(result.error, result.data?.renameDevice);
    if (failed) return setProblem(failed);
    onClose();
  };
  return (
    <Dialog title="Rename device" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        {problem && <p role="alert" className="error">{problem}</p>}
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} name="name" defaultValue={current} required maxLength={64} autoFocus />
        <div className="buttons">
          <button type="submit" disabled={fetching}>Save name</button>
          <button type="button" className="quiet" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}

function ForgetDialog({ id, label, onClose }: { id: string; label: string; onClose: () => void }) {
  const [{ fetching }, forget] = useMutation(ForgetDevice);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await forget({ id });
    const failed = resultError(result.error, result.data?.forgetDevice);
    if (failed) return setProblem(failed);
    onClose();
    navigate('/devices');
  };
  return (
    <Dialog title={`Forget ${label}?`} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <p>
          Forgetting deletes this device and ends its sessions at once. Its events stay in the log. The next sign-in
          from it looks like a new device and waits for approval again. To refuse it for good, block it instead.
        </p>
        {problem && <p role="alert" className="error">{problem}</p>}
        <div className="buttons">
          <button type="submit" className="danger" disabled={fetching}>Forget device</button>
          <button type="button" className="quiet" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
