// Settings → API keys: every key (revoked and expired ones too), a form that makes one and shows its secret once,
// and Revoke with a confirmation.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../actions';
import { field, resultError, sentence } from '../errors';
import { kind as words, when } from '../format';
import { graphql } from '../gql';
import type { ApiKeyScope } from '../gql/graphql';

const ApiKeys = graphql(`
  query ConsoleApiKeys {
    apiKeys { id name scopes createdAt expiresAt lastUsedAt revokedAt createdBy { id email } }
  }
`);

const CreateApiKey = graphql(`
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on ApiKeyCreated { secret apiKey { id name } }
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey { id revokedAt }
      ... on Error { code message }
    }
  }
`);

const SCOPES: [ApiKeyScope, string][] = [
  ['DEVICES_READ', 'Read users, devices and events'],
  ['DEVICES_WRITE', 'Approve, block, unblock, rename and forget devices'],
  ['WEBHOOKS_MANAGE', 'Manage webhook endpoints'],
];

/** A secret shown this once, with the note that says so. */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const id = useId();
  return (
    <div className="card secret" role="status">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={secret} onFocus={(event) => event.currentTarget.select()} />
      <p>Copy it now: it will not be shown again. Only a hash of it is kept.</p>
      <div className="buttons">
        <button type="button" className="quiet" onClick={onDone}>I have copied it</button>
      </div>
    </div>
  );
}

export function ApiKeysSection() {
  const [{ data, error }, refetch] = useQuery({ query: ApiKeys });
  const [{ fetching: creating }, create] = useMutation(CreateApiKey);
  const [{ fetching: revoking }, revoke] = useMutation(RevokeApiKey);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ id: string; name: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const nameId = useId();
  const daysId = useId();
  const scopeId = useId();
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = field(form, 'days').trim();
    const scopes = form.getAll('scope').filter((value): value is string => typeof value === 'string') as ApiKeyScope[];
    if (scopes.length === 0) return setProblem('Choose at least one scope.');
    const result = await create({ input: { name: field(form, 'name'), scopes, expiresInDays: days === '' ? null : Number(days) } });
    const answer = result.data?.createApiKey;
    const failed = sentence(result.error) ?? (answer?.__typename === 'ApiKeyCreated' ? null : 'The key was not made.');
    setProblem(failed);
    if (failed || answer?.__typename !== 'ApiKeyCreated') return;
    setCreated({ name: answer.apiKey.name, secret: answer.secret });
    setFormKey((n) => n + 1);
    reload();
  };

  const doRevoke = async (id: string) => {
    const result = await revoke({ id });
    setProblem(resultError(result.error, result.data?.revokeApiKey));
    setConfirm(null);
    reload();
  };

  const keys = data?.apiKeys ?? [];
  return (
    <section className="card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">A key acts for the administrator who made it, within its scopes: send it as <code>Authorization: Bearer …</code>.</p>
      {error && <p role="alert" className="error">{sentence(error)}</p>}
      {problem && <p role="alert" className="error">{problem}</p>}
      {created && <SecretOnce label={`Secret of ${created.name}`} secret={created.secret} onDone={() => setCreated(null)} />}
      {data && keys.length === 0 && <p className="empty">No API key yet.</p>}
      {keys.length > 0 && (
        <table>
          <caption className="visually-hidden">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created by</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoked</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>{key.scopes.map(words).join(', ')}</td>
                <td>{key.createdBy.email}</td>
                <td><time dateTime={key.createdAt}>{when(key.createdAt)}</time></td>
                <td>{key.expiresAt ? when(key.expiresAt) : 'Never'}</td>
                <td>{key.lastUsedAt ? when(key.lastUsedAt) : 'Never'}</td>
                <td>{key.revokedAt ? when(key.revokedAt) : 'No'}</td>
                <td>
                  {!key.revokedAt && (
                    <button type="button" className="danger" onClick={() => setConfirm({ id: key.id, name: key.name })}>Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form key={formKey} className="settings" onSubmit={(event) => void submit(event)}>
        <h3>New API key</h3>
        <label htmlFor={nameId}>Key name</label>
        <input id={nameId} name="name" required maxLength={64} placeholder="HR onboarding" />
        <fieldset>
          <legend id={scopeId}>Scopes</legend>
          {SCOPES.map(([value, label]) => (
            <div key={value}>
              <input id={`${scopeId}-${value}`} type="checkbox" name="scope" value={value} />{' '}
              <label htmlFor={`${scopeId}-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor={daysId}>Expires after (days)</label>
        <input id={daysId} name="days" type="number" min={1} max={3650} placeholder="Never" />
        <div className="buttons">
          <button type="submit" disabled={creating}>Create API key</button>
        </div>
      </form>
      {confirm && (
        <Dialog title={`Revoke ${confirm.name}`} onClose={() => setConfirm(null)}>
          <p>Revoking stops this key at once, on every instance, its open subscriptions included. It cannot be undone.</p>
          <div className="buttons">
            <button type="button" className="danger" disabled={revoking} onClick={() => void doRevoke(confirm.id)}>Revoke key</button>
            <button type="button" className="quiet" onClick={() => setConfirm(null)}>Cancel</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
