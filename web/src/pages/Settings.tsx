// Settings: the installation's device policy (approval mode, device limit, sign-up), API keys and webhooks.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { field, sentence } from '../errors';
import { graphql } from '../gql';
import type { ApprovalMode } from '../gql/graphql';
import { ApiKeysSection } from './ApiKeys';
import { WebhooksSection } from './Webhooks';

const Policy = graphql(`
  query ConsolePolicy {
    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }
  }
`);

const SetPolicy = graphql(`
  mutation ConsoleSetPolicy($input: DevicePolicyInput!) {
    setDevicePolicy(input: $input) {
      __typename
      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }
    }
  }
`);

export function SettingsPage() {
  const [{ data, error }] = useQuery({ query: Policy });
  const [{ fetching }, save] = useMutation(SetPolicy);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const modeId = useId();
  const limitId = useId();
  const signUpId = useId();

  if (error) return <p role="alert" className="error">{sentence(error)}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const policy = data.devicePolicy;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const limit = field(form, 'limit').trim();
    const result = await save({
      input: {
        approvalMode: field(form, 'mode') as ApprovalMode,
        maxDevicesPerUser: limit === '' ? null : Number(limit),
        allowSignUp: form.get('signUp') === 'on',
      },
    });
    setMessage(result.error ? { ok: false, text: sentence(result.error) ?? 'Saving failed.' } : { ok: true, text: 'The policy is saved and in force.' });
  };

  return (
    <section aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">Settings</h1>
        <p className="muted">The device policy applies to every user and every new device.</p>
      </div>
      {/* A new form per policy version, so its fields start from what is in force. */}
      <form key={JSON.stringify(policy)} className="card settings" onSubmit={(event) => void submit(event)}>
        <h2>Device policy</h2>
        {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'error'}>{message.text}</p>}
        <label htmlFor={modeId}>Approval of new devices</label>
        <select id={modeId} name="mode" defaultValue={policy.approvalMode}>
          <option value="REQUIRED">Required: a new device waits for an administrator</option>
          <option value="AUTOMATIC">Automatic: a new device is approved at once</option>
        </select>
        <label htmlFor={limitId}>Device limit per user</label>
        <input id={limitId} name="limit" type="number" min={1} max={10000} defaultValue={policy.maxDevicesPerUser ?? ''} placeholder="No limit" />
        <div>
          <input id={signUpId} name="signUp" type="checkbox" defaultChecked={policy.allowSignUp} />{' '}
          <label htmlFor={signUpId}>Anyone may sign up</label>
        </div>
        <div className="buttons">
          <button type="submit" disabled={fetching}>Save policy</button>
        </div>
      </form>
      <ApiKeysSection />
      <WebhooksSection />
    </section>
  );
}
