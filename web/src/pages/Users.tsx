// Users: coming next.
export function UsersPage(_props: { id?: string }) {
  return <h1>Users</h1>;
}
