// The console: sign-in until an administrator's or support session is known, then the shell (navigation, live feed, pages).
import { useEffect, useMemo, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { signedOut, useToken } from './auth';
import { Logout } from './actions';
import { createApi, type Api } from './client';
import { sentence } from './errors';
import { graphql } from './gql';
import { LiveContext, startLive, type Live } from './live';
import { powersOf, PowersContext } from './role';
import { Shell } from './Shell';
import { SignIn } from './pages/SignIn';

const Me = graphql(`
  query ConsoleMe {
    me { id email displayName role }
  }
`);

export const ADMIN_NEEDED = 'The console needs an administrator or support account; this account is a user’s.';

export function App() {
  const token = useToken();
  // A new client per session: nothing cached for one account is shown to the next.
  const api = useMemo(() => createApi(token), [token]);
  useEffect(() => () => api.dispose(), [api]);
  return <Provider value={api.urql}>{token ? <Authenticated api={api} /> : <SignIn />}</Provider>;
}

function Authenticated({ api }: { api: Api }) {
  const [{ data, error, fetching }] = useQuery({ query: Me, requestPolicy: 'network-only' });
  const [, logout] = useMutation(Logout);
  const me = data?.me;
  const powers = powersOf(me?.role);
  const isAdmin = powers !== null;

  useEffect(() => {
    if (fetching || error) return;
    if (data && !me) signedOut('Your session has ended. Sign in again.');
    else if (me && !isAdmin) void logout({}).then(() => signedOut(ADMIN_NEEDED));
  }, [data, me, isAdmin, error, fetching, logout]);

  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    if (!isAdmin) return;
    const started = startLive(api, () => setLive(started));
    return () => {
      started.stop();
      setLive(null);
    };
  }, [api, isAdmin]);

  if (error && !error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED')) {
    return (
      <main className="centered">
        <p role="alert" className="error">{sentence(error)}</p>
      </main>
    );
  }
  if (!me || !powers || !live) return <main className="centered" aria-busy="true"><p>Loading…</p></main>;
  return (
    <PowersContext.Provider value={powers}>
      <LiveContext.Provider value={live}>
        <Shell me={me} />
      </LiveContext.Provider>
    </PowersContext.Provider>
  );
}
