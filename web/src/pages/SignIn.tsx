// Sign-in: the admin's own `login` (no device: only administrators may sign in without one).
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { signedIn, useNotice } from '../auth';
import { field, sentence } from '../errors';
import { graphql } from '../gql';

const Login = graphql(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Session { token user { id role } }
      ... on Error { code message }
    }
  }
`);

export function SignIn() {
  const notice = useNotice();
  const [{ fetching }, login] = useMutation(Login);
  const [problem, setProblem] = useState<string | null>(null);
  const emailId = useId();
  const passwordId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    const result = await login({ input: { email: field(form, 'email'), password: field(form, 'password') } });
    const answer = result.data?.login;
    if (result.error || !answer) return setProblem(sentence(result.error) ?? 'Sign-in failed.');
    if (answer.__typename === 'Session') return signedIn(answer.token);
    // Without a device only administrators get a session: a user's account answers DeviceRequired.
    if (answer.__typename === 'DeviceRequired') return setProblem('The console needs an administrator account; this account is a user’s.');
    setProblem('message' in answer ? answer.message : 'Sign-in failed.');
  };

  const message = problem ?? notice;
  return (
    <main className="centered">
      <form className="card sign-in" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Gatehouse console</h1>
        <p className="muted">Sign in with an administrator’s account.</p>
        {message && <p role="alert" className="error">{message}</p>}
        <label htmlFor={emailId}>Email</label>
        <input id={emailId} name="email" type="email" autoComplete="username" required autoFocus />
        <label htmlFor={passwordId}>Password</label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={fetching}>Sign in</button>
      </form>
    </main>
  );
}
