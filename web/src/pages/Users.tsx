// Users: find someone by part of their email or name (case-insensitive), as a support person does.
import { useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { sentence } from '../errors';
import { when } from '../format';
import { graphql } from '../gql';
import { roleName } from '../role';
import { Link } from '../router';

const SearchUsers = graphql(`
  query ConsoleSearchUsers($search: String, $after: String) {
    users(filter: { search: $search }, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id email displayName role deviceCount lastLoginAt } }
    }
  }
`);

export function UsersPage() {
  const searchId = useId();
  const [text, setText] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [search, setSearch] = useState(text);
  const [after, setAfter] = useState<string[]>([]);
  // Ask once the typing pauses, and keep the search in the address so Back returns to it.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(text.trim());
      setAfter([]);
      history.replaceState(null, '', text.trim() ? `?q=${encodeURIComponent(text.trim())}` : location.pathname);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  const [{ data, error, fetching }] = useQuery({ query: SearchUsers, variables: { search: search || null, after: after.at(-1) ?? null } });
  const users = data?.users.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">Users</h1>
        <p className="muted">Find a user by part of their email address or name.</p>
      </div>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={searchId}>Search users</label>
          <input id={searchId} type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="anna@" autoFocus />
        </div>
      </form>
      {error && <p role="alert" className="error">{sentence(error)}</p>}
      {data && <p className="muted" aria-live="polite">{data.users.totalCount} {data.users.totalCount === 1 ? 'user' : 'users'}{fetching ? '…' : ''}</p>}
      {users.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Devices</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row"><Link to={`/users/${encodeURIComponent(user.id)}`}>{user.email}</Link></th>
                <td>{user.displayName ?? '—'}</td>
                <td>{roleName(user.role)}</td>
                <td>{user.deviceCount}</td>
                <td>{user.lastLoginAt ? when(user.lastLoginAt) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        {after.length > 0 && <button type="button" className="quiet" onClick={() => setAfter(after.slice(0, -1))}>Previous page</button>}
        {data?.users.pageInfo.hasNextPage && data.users.pageInfo.endCursor && (
          <button type="button" className="quiet" onClick={() => setAfter([...after, data.users.pageInfo.endCursor!])}>Next page</button>
        )}
      </div>
    </section>
  );
}
