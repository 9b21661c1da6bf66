// The lifecycle mutations every page uses, and the dialogs that confirm them (native <dialog>: focus is trapped and
// Escape closes it, with no script of ours for either).
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { field, resultError } from './errors';
import { graphql } from './gql';

export const Logout = graphql(`
  mutation ConsoleLogout {
    logout
  }
`);

export const ApproveDevice = graphql(`
  mutation ConsoleApproveDevice($id: ID!) {
    approveDevice(id: $id) {
      __typename
      ... on Device { id status statusChangedAt blockedReason }
      ... on Error { code message }
    }
  }
`);

export const ApproveDevices = graphql(`
  mutation ConsoleApproveDevices($ids: [ID!]!) {
    approveDevices(ids: $ids) {
      __typename
      ... on Device { id status statusChangedAt blockedReason }
      ... on Error { code message }
    }
  }
`);

/** One device or many: one call, one result per id in order. */
export const BlockDevices = graphql(`
  mutation ConsoleBlockDevices($ids: [ID!]!, $reason: String) {
    blockDevices(ids: $ids, reason: $reason) {
      __typename
      ... on Device { id status statusChangedAt blockedReason }
      ... on Error { code message }
    }
  }
`);

/** The failures of a bulk call as one sentence per device ("Pixel 8: Cannot approve …"), or null when none failed. */
export function bulkProblem(
  devices: { label: string }[],
  error: CombinedError | undefined,
  results: readonly { __typename?: string; message?: string }[] | undefined,
): string | null {
  if (error || !results) return resultError(error, null) ?? 'Gatehouse gave no answer. Try again.';
  const failures = devices.flatMap((device, i) => {
    const failed = resultError(undefined, results[i]);
    return failed ? [devices.length > 1 ? `${device.label}: ${failed}` : failed] : [];
  });
  return failures.length ? failures.join(' ') : null;
}

export const UnblockDevice = graphql(`
  mutation ConsoleUnblockDevice($id: ID!) {
    unblockDevice(id: $id) {
      __typename
      ... on Device { id status statusChangedAt blockedReason }
      ... on Error { code message }
    }
  }
`);

export const RenameDevice = graphql(`
  mutation ConsoleRenameDevice($id: ID!, $name: String!) {
    renameDevice(id: $id, name: $name) {
      __typename
      ... on Device { id name }
      ... on Error { code message }
    }
  }
`);

export const ForgetDevice = graphql(`
  mutation ConsoleForgetDevice($id: ID!) {
    forgetDevice(id: $id) {
      __typename
      ... on ForgottenDevice { id name }
      ... on Error { code message }
    }
  }
`);

/** A modal dialog, open while mounted; `onClose` when dismissed (Escape, Cancel). */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    // A close event queued by an unmount that React undid at once (StrictMode in development) finds the dialog
    // open again: only a dialog that really closed tells its owner.
    <dialog ref={ref} aria-labelledby={titleId} onClose={() => ref.current?.open || onClose()}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** Block one device or several with a reason: the reason is kept on each device and in its event. */
export function BlockDialog({ devices, onClose, onDone }: { devices: { id: string; label: string }[]; onClose: () => void; onDone?: () => void }) {
  const [{ fetching }, block] = useMutation(BlockDevices);
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = field(new FormData(event.currentTarget), 'reason').trim();
    const result = await block({ ids: devices.map((device) => device.id), reason: reason || null });
    const failed = bulkProblem(devices, result.error, result.data?.blockDevices);
    if (failed) return setProblem(failed);
    onDone?.();
    onClose();
  };
  const title = devices.length === 1 ? `Block ${devices[0]!.label}` : `Block ${devices.length} devices`;
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <p>Blocking ends every session of {devices.length === 1 ? 'this device' : 'these devices'} at once and refuses sign-ins until unblocked.</p>
        {problem && <p role="alert" className="error">{problem}</p>}
        <label htmlFor={reasonId}>Reason</label>
        <input id={reasonId} name="reason" maxLength={500} placeholder="Lost on the train" autoFocus />
        <div className="buttons">
          <button type="submit" className="danger" disabled={fetching}>Block device{devices.length === 1 ? '' : 's'}</button>
          <button type="button" className="quiet" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}

/** Approve as a one-click action: returns the action and its last failure as a sentence. */
export function useApprove(): [(id: string) => Promise<boolean>, string | null, boolean] {
  const [{ fetching }, approve] = useMutation(ApproveDevice);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (id: string) => {
    const result = await approve({ id });
    const failed = resultError(result.error, result.data?.approveDevice);
    setProblem(failed);
    return !failed;
  };
  return [run, problem, fetching];
}

export function deviceLabel(device: { name?: string | null; model?: string | null }): string {
  return device.name ?? device.model ?? 'Unnamed device';
}
