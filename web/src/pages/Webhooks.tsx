// Settings → Webhooks: the endpoints Gatehouse posts events to; register one (its secret shown once), enable or
// disable, rotate the secret, send a test, delete; an endpoint's recent deliveries, each with Redeliver.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../actions';
import { field, resultError, sentence } from '../errors';
import { kind as kindName, status, when } from '../format';
import { graphql } from '../gql';
import type { EventKind } from '../gql/graphql';
import { SecretOnce } from './ApiKeys';

const Endpoints = graphql(`
  query ConsoleWebhookEndpoints {
    webhookEndpoints { id url description kinds enabled failingSince cursor createdAt }
  }
`);

const Deliveries = graphql(`
  query ConsoleWebhookDeliveries($after: String) {
    webhookEndpoints {
      id
      deliveries(first: 20, after: $after) {
        id eventCursor status attempts responseStatus lastError nextAttemptAt deliveredAt durationMs
      }
    }
  }
`);

const CreateEndpoint = graphql(`
  mutation ConsoleCreateWebhookEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointCreated { secret endpoint { id url } }
      ... on Error { code message }
    }
  }
`);

const UpdateEndpoint = graphql(`
  mutation ConsoleUpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointChanges!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      __typename
      ... on WebhookEndpoint { id url description kinds enabled failingSince }
      ... on Error { code message }
    }
  }
`);

const RotateSecret = graphql(`
  mutation ConsoleRotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      __typename
      ... on WebhookEndpointCreated { secret endpoint { id url } }
      ... on Error { code message }
    }
  }
`);

const DeleteEndpoint = graphql(`
  mutation ConsoleDeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      __typename
      ... on WebhookEndpoint { id }
      ... on Error { code message }
    }
  }
`);

const SendTest = graphql(`
  mutation ConsoleSendTestWebhook($id: ID!) {
    sendTestWebhook(id: $id) {
      __typename
      ... on WebhookTest { ok responseStatus durationMs error }
      ... on Error { code message }
    }
  }
`);

const Redeliver = graphql(`
  mutation ConsoleRedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      __typename
      ... on WebhookDelivery { id status attempts nextAttemptAt }
      ... on Error { code message }
    }
  }
`);

const KINDS: EventKind[] = [
  'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_UPDATED', 'DEVICE_FORGOTTEN',
  'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED',
  'PASSWORD_CHANGED', 'POLICY_CHANGED', 'SESSION_REVOKED', 'USER_CREATED', 'USER_ROLE_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED',
  'WEBHOOK_DISABLED',
];

type Message = { ok: boolean; text: string } | null;

/** The event kinds as checkboxes with visible labels; none checked means every kind. */
function KindsField({ chosen = null }: { chosen?: readonly EventKind[] | null }) {
  const id = useId();
  return (
    <fieldset className="kinds">
      <legend>Event kinds (none chosen: every kind)</legend>
      {KINDS.map((value) => (
        <div key={value}>
          <input id={`${id}-${value}`} type="checkbox" name="kind" value={value} defaultChecked={chosen?.includes(value) ?? false} />{' '}
          <label htmlFor={`${id}-${value}`}>{kindName(value)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function kindsOf(form: FormData): EventKind[] {
  return form.getAll('kind').filter((value): value is string => typeof value === 'string') as EventKind[];
}

interface Editable {
  id: string;
  url: string;
  description?: string | null;
  kinds?: readonly EventKind[] | null;
}

/** Change an endpoint's URL, description and kinds. */
function EditDialog({ endpoint, onClose, onSaved }: { endpoint: Editable; onClose: () => void; onSaved: (text: string) => void }) {
  const [{ fetching }, update] = useMutation(UpdateEndpoint);
  const [problem, setProblem] = useState<string | null>(null);
  const urlId = useId();
  const descriptionId = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await update({
      id: endpoint.id,
      input: { url: field(form, 'url').trim(), description: field(form, 'description').trim(), kinds: kindsOf(form) },
    });
    const failed = resultError(result.error, result.data?.updateWebhookEndpoint);
    if (failed) return setProblem(failed);
    onSaved('The endpoint is saved.');
    onClose();
  };
  return (
    <Dialog title={`Edit ${endpoint.url}`} onClose={onClose}>
      <form className="settings" onSubmit={(event) => void submit(event)}>
        {problem && <p role="alert" className="error">{problem}</p>}
        <label htmlFor={urlId}>Endpoint URL</label>
        <input id={urlId} name="url" type="url" required defaultValue={endpoint.url} />
        <label htmlFor={descriptionId}>Description</label>
        <input id={descriptionId} name="description" maxLength={200} defaultValue={endpoint.description ?? ''} />
        <KindsField chosen={endpoint.kinds} />
        <div className="buttons">
          <button type="submit" disabled={fetching}>Save endpoint</button>
          <button type="button" className="quiet" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}

export function WebhooksSection() {
  const [{ data, error }, refetch] = useQuery({ query: Endpoints });
  const [{ fetching: creating }, create] = useMutation(CreateEndpoint);
  const [, update] = useMutation(UpdateEndpoint);
  const [, rotate] = useMutation(RotateSecret);
  const [, remove] = useMutation(DeleteEndpoint);
  const [, sendTest] = useMutation(SendTest);
  const [secret, setSecret] = useState<{ label: string; secret: string } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ id: string; url: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editable | null>(null);
  const [formKey, setFormKey] = useState(0);
  const urlId = useId();
  const descriptionId = useId();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const fail = (text: string | null) => (text ? (setMessage({ ok: false, text }), true) : false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kinds = kindsOf(form);
    const description = field(form, 'description').trim();
    const result = await create({ input: { url: field(form, 'url').trim(), kinds: kinds.length ? kinds : null, description: description || null } });
    const answer = result.data?.createWebhookEndpoint;
    if (fail(resultError(result.error, answer))) return;
    if (answer?.__typename !== 'WebhookEndpointCreated') return;
    setMessage({ ok: true, text: `${answer.endpoint.url} is registered: it receives the events from now on.` });
    setSecret({ label: `Signing secret of ${answer.endpoint.url}`, secret: answer.secret });
    setFormKey((n) => n + 1);
    reload();
  };

  const act = async (id: string, run: () => Promise<Message>) => {
    setBusy(id);
    try {
      setMessage(await run());
    } finally {
      setBusy(null);
    }
  };

  const toggle = (id: string, enabled: boolean) =>
    act(id, async () => {
      const result = await update({ id, input: { enabled } });
      const failed = resultError(result.error, result.data?.updateWebhookEndpoint);
      reload();
      return failed ? { ok: false, text: failed } : { ok: true, text: enabled ? 'Sending resumed.' : 'Sending stopped: events wait until it is enabled again.' };
    });

  const doRotate = (id: string) =>
    act(id, async () => {
      const result = await rotate({ id });
      const answer = result.data?.rotateWebhookSecret;
      const failed = resultError(result.error, answer);
      if (failed) return { ok: false, text: failed };
      if (answer?.__typename === 'WebhookEndpointCreated') setSecret({ label: `New signing secret of ${answer.endpoint.url}`, secret: answer.secret });
      return { ok: true, text: 'A new secret signs from now on; the old one keeps signing beside it for 24 hours.' };
    });

  const doTest = (id: string, url: string) =>
    act(id, async () => {
      const result = await sendTest({ id });
      const answer = result.data?.sendTestWebhook;
      const failed = resultError(result.error, answer);
      if (failed) return { ok: false, text: failed };
      if (answer?.__typename !== 'WebhookTest') return null;
      const code = answer.responseStatus === null || answer.responseStatus === undefined ? '' : ` with HTTP ${answer.responseStatus}`;
      return answer.ok
        ? { ok: true, text: `The test reached ${url}: it answered${code} in ${answer.durationMs} ms.` }
        : { ok: false, text: `The test to ${url} failed${code} after ${answer.durationMs} ms: ${answer.error ?? 'no 2xx answer'}.` };
    });

  const doDelete = (id: string) =>
    act(id, async () => {
      const result = await remove({ id });
      setConfirm(null);
      if (open === id) setOpen(null);
      const failed = resultError(result.error, result.data?.deleteWebhookEndpoint);
      reload();
      return failed ? { ok: false, text: failed } : { ok: true, text: 'The endpoint is deleted: nothing more is sent to it.' };
    });

  const endpoints = data?.webhookEndpoints ?? [];
  const shown = endpoints.find((endpoint) => endpoint.id === open);
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="muted">Gatehouse posts each event to these endpoints in order, signed (Standard Webhooks), retrying while they fail.</p>
      {error && <p role="alert" className="error">{sentence(error)}</p>}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'error'}>{message.text}</p>}
      {secret && <SecretOnce label={secret.label} secret={secret.secret} onDone={() => setSecret(null)} />}
      {data && endpoints.length === 0 && <p className="empty">No webhook endpoint yet.</p>}
      {endpoints.length > 0 && (
        <table>
          <caption className="visually-hidden">Webhook endpoints</caption>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Description</th>
              <th scope="col">Kinds</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <th scope="row">{endpoint.url}</th>
                <td>{endpoint.description ?? ''}</td>
                <td>{endpoint.kinds?.length ? endpoint.kinds.map(kindName).join(', ') : 'Every kind'}</td>
                <td>
                  {endpoint.enabled ? 'Enabled' : 'Disabled'}
                  {endpoint.failingSince && <span className="error"> · failing since {when(endpoint.failingSince)}</span>}
                </td>
                <td><time dateTime={endpoint.createdAt}>{when(endpoint.createdAt)}</time></td>
                <td className="actions">
                  <button type="button" className="quiet" disabled={busy === endpoint.id} onClick={() => void doTest(endpoint.id, endpoint.url)}>Send test</button>
                  <button type="button" className="quiet" aria-expanded={open === endpoint.id} onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}>Deliveries</button>
                  <button type="button" className="quiet" onClick={() => setEditing(endpoint)}>Edit</button>
                  <button type="button" className="quiet" disabled={busy === endpoint.id} onClick={() => void toggle(endpoint.id, !endpoint.enabled)}>{endpoint.enabled ? 'Disable' : 'Enable'}</button>
                  <button type="button" className="quiet" disabled={busy === endpoint.id} onClick={() => void doRotate(endpoint.id)}>Rotate secret</button>
                  <button type="button" className="danger" disabled={busy === endpoint.id} onClick={() => setConfirm({ id: endpoint.id, url: endpoint.url })}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && <DeliveriesPanel id={shown.id} url={shown.url} />}
      <form key={formKey} className="settings" onSubmit={(event) => void submit(event)}>
        <h3>New endpoint</h3>
        <label htmlFor={urlId}>Endpoint URL</label>
        <input id={urlId} name="url" type="url" required placeholder="https://hooks.example.com/gatehouse" />
        <label htmlFor={descriptionId}>Description</label>
        <input id={descriptionId} name="description" maxLength={200} placeholder="Ticketing system" />
        <KindsField />
        <div className="buttons">
          <button type="submit" disabled={creating}>Register endpoint</button>
        </div>
      </form>
      {editing && (
        <EditDialog
          endpoint={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setMessage({ ok: true, text });
            reload();
          }}
        />
      )}
      {confirm && (
        <Dialog title={`Delete ${confirm.url}`} onClose={() => setConfirm(null)}>
          <p>Deleting stops every delivery to this endpoint and forgets its deliveries and secret. It cannot be undone.</p>
          <div className="buttons">
            <button type="button" className="danger" disabled={busy === confirm.id} onClick={() => void doDelete(confirm.id)}>Delete endpoint</button>
            <button type="button" className="quiet" onClick={() => setConfirm(null)}>Cancel</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** One endpoint's recent deliveries, newest event first, refreshed every few seconds while shown. */
function DeliveriesPanel({ id, url }: { id: string; url: string }) {
  const [pages, setPages] = useState<string[]>([]);
  const after = pages.at(-1) ?? null;
  const [{ data, error }, refetch] = useQuery({ query: Deliveries, variables: { after }, requestPolicy: 'network-only' });
  const [, redeliver] = useMutation(Redeliver);
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 2_000);
    return () => clearInterval(timer);
  }, [refetch]);

  const deliveries = data?.webhookEndpoints.find((endpoint) => endpoint.id === id)?.deliveries ?? [];
  const again = async (deliveryId: string) => {
    const result = await redeliver({ deliveryId });
    const failed = resultError(result.error, result.data?.redeliverWebhook);
    setMessage(failed ? { ok: false, text: failed } : { ok: true, text: 'The delivery is due again, in its place in the endpoint’s order.' });
    refetch({ requestPolicy: 'network-only' });
  };
  const caption = `Deliveries to ${url}`;
  return (
    <section aria-label={caption} className="deliveries">
      <h3>{caption}</h3>
      {error && <p role="alert" className="error">{sentence(error)}</p>}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'error'}>{message.text}</p>}
      {data && deliveries.length === 0 && <p className="empty">No delivery yet.</p>}
      {deliveries.length > 0 && (
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Response</th>
              <th scope="col">Last error</th>
              <th scope="col">Next attempt</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <th scope="row"><code>{delivery.eventCursor}</code></th>
                <td>{status(delivery.status)}{delivery.deliveredAt ? ` ${when(delivery.deliveredAt)}` : ''}</td>
                <td>{delivery.attempts}</td>
                <td>{delivery.responseStatus ?? '—'}{delivery.durationMs !== null && delivery.durationMs !== undefined ? ` (${delivery.durationMs} ms)` : ''}</td>
                <td>{delivery.lastError ?? ''}</td>
                <td>{delivery.nextAttemptAt ? when(delivery.nextAttemptAt) : '—'}</td>
                <td><button type="button" className="quiet" onClick={() => void again(delivery.id)}>Redeliver</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        {pages.length > 0 && <button type="button" className="quiet" onClick={() => setPages([])}>Newest</button>}
        {deliveries.length === 20 && (
          <button type="button" className="quiet" onClick={() => setPages([...pages, deliveries.at(-1)!.eventCursor])}>Older</button>
        )}
      </div>
    </section>
  );
}
