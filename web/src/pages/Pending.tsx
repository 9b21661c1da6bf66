// Pending: the devices waiting for an administrator, newest first, live (the shell refetches on each device event).
// Approve is one click (or Enter on the focused button); Block asks for a reason. Several can be handled at once.
import { useState } from 'react';
import { useMutation, type UseQueryState } from 'urql';
import { ApproveDevices, BlockDialog, bulkProblem as problemOf, deviceLabel, useApprove } from '../actions';
import { sentence } from '../errors';
import { app, platform, when } from '../format';
import type { PendingDevicesQuery } from '../gql/graphql';
import { usePowers } from '../role';
import { Link } from '../router';

type Row = PendingDevicesQuery['devices']['edges'][number]['node'];

export function PendingPage({ result }: { result: UseQueryState<PendingDevicesQuery> }) {
  const [approve, approveProblem] = useApprove();
  const [, approveMany] = useMutation(ApproveDevices);
  const { lifecycle } = usePowers();
  const [blocking, setBlocking] = useState<{ id: string; label: string }[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkProblem, setBulkProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = result.data?.devices.edges.map((edge) => edge.node) ?? [];
  const total = result.data?.devices.totalCount ?? 0;
  const visibleSelected = rows.filter((row) => selected.has(row.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const approveSelected = async () => {
    setBusy(true);
    const answer = await approveMany({ ids: visibleSelected.map((row) => row.id) });
    setBusy(false);
    setSelected(new Set());
    setBulkProblem(problemOf(visibleSelected.map((row) => ({ label: deviceLabel(row) })), answer.error, answer.data?.approveDevices));
  };

  return (
    <section aria-labelledby="pending-title">
      <div className="page-head">
        <h1 id="pending-title">Pending devices</h1>
        <p className="muted">
          {result.data ? `${total} waiting for approval${total > rows.length ? `; the newest ${rows.length} are shown` : ''}.` : ' '}
          {' '}New devices appear here the moment they sign in.
        </p>
      </div>
      {result.error && <p role="alert" className="error">{sentence(result.error)}</p>}
      {(approveProblem ?? bulkProblem) && <p role="alert" className="error">{approveProblem ?? bulkProblem}</p>}
      {lifecycle && rows.length > 0 && (
        <div className="toolbar">
          <button type="button" disabled={visibleSelected.length === 0 || busy} onClick={() => void approveSelected()}>
            Approve selected ({visibleSelected.length})
          </button>
          <button
            type="button"
            className="danger"
            disabled={visibleSelected.length === 0 || busy}
            onClick={() => setBlocking(visibleSelected.map((row) => ({ id: row.id, label: `${deviceLabel(row)} of ${row.owner.email}` })))}
          >
            Block selected ({visibleSelected.length})
          </button>
        </div>
      )}
      {result.data && rows.length === 0 && <p className="empty">No device is waiting for approval.</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {lifecycle && (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all shown"
                    checked={visibleSelected.length === rows.length}
                    onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
                  />
                </th>
              )}
              <th scope="col">Device</th>
              <th scope="col">Owner</th>
              <th scope="col">Platform</th>
              <th scope="col">Model</th>
              <th scope="col">App</th>
              <th scope="col">First seen</th>
              {lifecycle && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row: Row) => (
              <tr key={row.id}>
                {lifecycle && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${deviceLabel(row)} of ${row.owner.email}`}
                      checked={selected.has(row.id)}
                      onChange={(event) => toggle(row.id, event.target.checked)}
                    />
                  </td>
                )}
                <th scope="row"><Link to={`/devices/${encodeURIComponent(row.id)}`}>{deviceLabel(row)}</Link></th>
                <td>
                  <Link to={`/users/${encodeURIComponent(row.owner.id)}`}>{row.owner.email}</Link>
                  {row.owner.displayName && <div className="muted">{row.owner.displayName}</div>}
                </td>
                <td>{platform(row.platform, row.osVersion)}</td>
                <td>{row.model ?? '—'}</td>
                <td>{app(row.appName, row.appVersion)}</td>
                <td><time dateTime={row.createdAt}>{when(row.createdAt)}</time></td>
                {lifecycle && (
                  <td className="actions">
                    <button type="button" onClick={() => void approve(row.id)}>Approve</button>
                    <button type="button" className="danger" onClick={() => setBlocking([{ id: row.id, label: deviceLabel(row) }])}>Block</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {blocking && <BlockDialog devices={blocking} onClose={() => setBlocking(null)} onDone={() => setSelected(new Set())} />}
    </section>
  );
}
